/**
 * Quotas per payee, period and measure, and team (pod) quotas.
 *
 * <p>Owns tables: quota, team_quota. Adds quotas and pods to runs ({@code QuotasForCalculation},
 * {@code PodInputs}); publishes {@link org.attain.quota.QuotasChanged} and {@link org.attain.quota.PodTotalsChanged}.
 * Public view (migration .90): {@code quota_person_v} (each payee's quota per period and measure). Imports write
 * quotas through {@code QuotaRecordTables} (the {@code records} SPI); the demo seeder through {@code QuotaBulkLoad}.
 */
package org.attain.quota;
