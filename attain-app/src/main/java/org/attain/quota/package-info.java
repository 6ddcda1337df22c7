/**
 * Quotas per payee, period and measure, and team (pod) quotas.
 *
 * <p>Owns tables: quota, team_quota. Public view (migration .90): {@code quota_person_v}
 * (each payee's quota per period and measure).
 */
package org.attain.quota;
