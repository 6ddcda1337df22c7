/**
 * Quotas per payee, period and measure, team (pod) quotas, and target incentives (with base salaries) per payee
 * and period.
 *
 * <p>Owns tables: quota, team_quota, target_incentive. Adds quotas, pods and target incentives to runs
 * ({@code QuotasForCalculation}, {@code PodInputs}, {@code TargetIncentivesForCalculation}); publishes
 * {@link org.attain.quota.QuotasChanged}, {@link org.attain.quota.PodTotalsChanged} and
 * {@link org.attain.quota.TargetIncentivesChanged}. Public views: {@code quota_person_v} (migration .90: each
 * payee's quota per period and measure) and {@code quota_target_incentive_v} (migration 2026.12.18.10: each payee's
 * target incentive and base per quarter, an annual one spread over its quarters; statements read OTE from it).
 * Imports write quotas and target incentives through {@code QuotaRecordTables} and {@code TargetIncentiveRecordTables}
 * (the {@code records} SPI); the demo seeder writes quotas through {@code QuotaBulkLoad}. Target incentives are
 * edited on {@code /target-incentives} through {@link org.attain.quota.TargetIncentives}.
 */
package org.attain.quota;
