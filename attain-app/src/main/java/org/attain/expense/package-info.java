/**
 * Commission expense under ASC 340-40 / IFRS 15 (named {@code expense} because what finance books here is the
 * expense side of commissions: capitalised, amortised, written off; the pay itself stays with calc and payout).
 * Incremental commissions on contracts longer than the policy's threshold (the practical expedient, 12 months by
 * default, per portfolio = plan) are capitalised and amortised straight-line over the term with the residue in the
 * last month; the rest is written off on churn; shorter contracts are expensed at once.
 *
 * <p>Owns table: expense_policy (migration 2026.12.12.20). Reads commissions per deal through pay's
 * {@code DealCommissions}, contract terms and churn through sales' {@code ContractTerms}, periods through calendar's
 * {@code Periods}, the currencies paid in through calc's {@code calc_current_result_v}. Nothing is stored per period:
 * the roll-forward is recomputed from the current results each time. Public API:
 * {@link org.attain.expense.CommissionExpense}.
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.expense.Amortisation} (a contract's
 * months), {@link org.attain.expense.RollForward} (opening, capitalised, amortised, written off, closing per
 * period), {@link org.attain.expense.JournalEntries} (balanced entries per period).
 */
package org.attain.expense;
