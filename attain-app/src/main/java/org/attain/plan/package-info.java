/**
 * Compensation plans as versioned YAML documents: publish, validate, diff, assign.
 *
 * <p>Owns tables: plan_version, plan_scenario, plan_assignment. Adds the compiled plans and assignments to
 * runs ({@code PlansForCalculation}); publishes {@link org.attain.plan.AssignmentsChanged}.
 */
package org.attain.plan;
