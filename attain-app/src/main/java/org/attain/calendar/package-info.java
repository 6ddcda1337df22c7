/** The fiscal calendar: months, quarters and years, and their open/closed status. */
package org.attain.calendar;
