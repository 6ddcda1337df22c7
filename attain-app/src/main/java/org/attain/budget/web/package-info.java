/** Budget pages and REST API. */
package org.attain.budget.web;
