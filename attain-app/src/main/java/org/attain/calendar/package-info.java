/**
 * The fiscal calendar: months, quarters and years, and their open/closed status.
 *
 * <p>Owns tables: period, fiscal_setting. Others read periods through {@code Periods}.
 */
package org.attain.calendar;
