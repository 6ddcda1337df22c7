/**
 * The fiscal calendar: months, quarters and years, and their open/closed status.
 *
 * <p>Owns tables: period, fiscal_setting. Others read periods through {@code Periods}, or in SQL through the
 * public view {@code calendar_period_v}.
 */
package org.attain.calendar;
