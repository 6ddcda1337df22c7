/**
 * Compensation plans as versioned YAML documents: publish, validate, diff, assign.
 *
 * <p>Owns tables: plan_version, plan_scenario, plan_assignment. Adds the compiled plans and assignments to
 * runs ({@code PlansForCalculation}); publishes {@link org.attain.plan.AssignmentsChanged}.
 * Public view (migration .90): {@code plan_version_v} (every version's key, number, name, currency,
 * status and creation time). The demo seeder assigns through {@code PlanBulkLoad}.
 */
package org.attain.plan;
