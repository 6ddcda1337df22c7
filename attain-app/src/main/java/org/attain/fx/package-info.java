/**
 * Exchange rates between currencies, effective from a date, which a run uses to pay deals booked in
 * another currency than the plan's.
 *
 * <p>Owns tables: fx_rate. Read through {@link org.attain.fx.FxRates} ({@link org.attain.fx.RateTable} converts on a
 * day: direct, inverse or cross rate, the one rule planning, forecasting and balancing share); a run gets them through this
 * package's {@code CalcInputContributor}. A change publishes {@link org.attain.fx.FxRatesChanged}. Imports write
 * rates through {@code FxRecordTables} (the {@code records} SPI); the demo seeder through {@code FxBulkLoad}.
 * {@link org.attain.fx.ReportingCurrency} converts into the company currency finance reports in, rounded to its
 * minor unit; {@link org.attain.fx.Conversion} does it for one page or answer and names each currency and period
 * without a rate.
 */
package org.attain.fx;
