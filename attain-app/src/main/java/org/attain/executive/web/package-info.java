/** The executive page. */
package org.attain.executive.web;
