/**
 * Compensation plans as versioned YAML documents: publish, validate, diff, assign.
 *
 * <p>Owns tables: plan_version, plan_scenario, plan_assignment. A version is in force from its
 * {@code effective_from} (none: from the beginning) until the next version's; a date in or before a closed
 * period is refused ({@code EffectiveDates}, reading the view {@code calendar_period_v}). Adds every
 * compiled version and the assignments to runs ({@code PlansForCalculation}; the engine pays each deal by the version in force on
 * its credit date); publishes {@link org.attain.plan.AssignmentsChanged}.
 * Public view (migration .90): {@code plan_version_v} (every version's key, number, name, currency,
 * status and creation time). The demo seeder assigns through {@code PlanBulkLoad}.
 */
package org.attain.plan;
