/**
 * Activity capture: calls, e-mails, meetings and webinars per person, with daily summaries per rep and team.
 *
 * <p>Owns tables: activity, activity_daily, activity_daily_watermark. Public reads: {@code ActivityMonths} (per person, month and kind, for trends), {@code ActivityReads}
 * (counts and mix per person; activities per account, the workload territory balancing reads), {@code ActivitySummaries}. Imports write activities through
 * {@code ActivityRecordTables} (the {@code records} SPI); the demo seeder through {@code ActivityBulkLoad} (COPY).
 */
package org.attain.activity;
