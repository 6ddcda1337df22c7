/**
 * Budgets: per period (a month or a quarter) and team for compensation, headcount, marketing and other expenses, in
 * exact amounts with their currency; budget against actual with the variance and an alert over a configurable
 * threshold; the compensation cost of sales per team and role; plan cost at 80/100/120 % attainment from the real
 * plans. A budget in a closed period (or a period overlapping a closed one) is read-only.
 *
 * <p>Owns tables: budget, budget_actual (marketing and other actuals entered or imported), budget_setting (the alert
 * threshold) (migration 2026.12.16.20). Reads compensation actuals through pay's {@code Earnings}, people, teams and
 * roles through org's {@code org_person_v} and {@code Teams}, what a user sees through {@code PersonScope}, won
 * bookings through sales' {@code sales_booking_v}, periods and their status through calendar's {@code Periods}, the
 * scenarios through calc's {@code AttainmentScenarios}, rates into the reporting currency through fx's
 * {@code ReportingCurrency} (each report carries its amounts converted at the period's rate). Public API: {@link org.attain.budget.Budgets} (lines,
 * actuals, threshold), {@link org.attain.budget.BudgetReport} (budget vs actual, cost of sales),
 * {@link org.attain.budget.PlanCostModel}, {@link org.attain.budget.BudgetCsv} (import/export). Publishes no view or
 * event.
 *
 * <p>Imports: budgets are a record kind of ingest ("budgets", by period, team and category) written through
 * {@code BudgetRecordTables} (the {@code records} SPI) one row at a time through the same checks; a refused row is
 * quarantined with its field and reason. The budget row's id for that came with migration 2026.12.19.13.
 *
 * <p>The arithmetic of a variance is pure: {@link org.attain.budget.Variance}.
 */
package org.attain.budget;
