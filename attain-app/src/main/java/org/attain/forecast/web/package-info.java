/** Pages and REST endpoints of the pipeline forecast. */
package org.attain.forecast.web;
