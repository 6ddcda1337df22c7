/**
 * Planning: quota plans (a target for a fiscal year or quarter allocated top-down through the reporting tree,
 * bottom-up numbers from managers, reconciliation, draft → in review → approved → published) and capacity
 * planning ({@code planning.capacity}).
 *
 * <p>Owns tables: quota_plan, quota_plan_node, quota_plan_submission, quota_plan_target (a node's number set by a
 * planner or an import instead of its top-down share). Publishes the record kinds quota_plan_targets and
 * quota_plan_submissions to imports ({@code PlanningRecordTables}, through the {@code records} SPI) and a plan's top
 * by month ({@code QuotaPlans.top}) to capacity planning. Reads the org through {@code org.People},
 * {@code org.ReportingLines} and {@code org.Visibility}, last year's bookings and open pipeline through
 * {@code sales.SalesFigures}, rates through {@code fx.FxRates}. Publishing writes quotas through quota's public
 * {@code PlannedQuotas} in the plan's transaction (quota audits them and publishes {@code QuotasChanged}).
 * The split itself ({@code Allocation}, {@code TopDown}, {@code Reconciliation}) is pure and tested without Spring.
 */
package org.attain.planning;
