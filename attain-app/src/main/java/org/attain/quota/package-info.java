/**
 * Quotas per payee, period and measure, and team (pod) quotas.
 *
 * <p>Owns tables: quota, team_quota. Adds quotas and pods to runs ({@code QuotasForCalculation},
 * {@code PodInputs}); publishes {@link org.attain.quota.QuotasChanged} and {@link org.attain.quota.PodTotalsChanged}.
 */
package org.attain.quota;
