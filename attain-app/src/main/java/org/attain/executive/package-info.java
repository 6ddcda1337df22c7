/**
 * The executive page: on one screen the bookings of the fiscal year's quarters against their target, the quarter's
 * pipeline forecast, budget against actual and the commission expense roll-forward, in one currency. Owns no tables:
 * reads won bookings through sales' {@code sales_booking_v} and targets through quota's {@code quota_person_v}
 * (converted with fx's {@code RateTable} at each quarter's end), the forecast through forecast's {@code Forecasts},
 * budgets through budget's {@code BudgetReport}, the roll-forward through expense's {@code CommissionExpense}, quarters
 * through calendar's {@code Periods}. Public API: {@link org.attain.executive.ExecutiveSummary}.
 */
package org.attain.executive;
