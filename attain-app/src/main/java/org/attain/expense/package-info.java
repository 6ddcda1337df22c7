/**
 * Commission expense under ASC 340-40 / IFRS 15 (named {@code expense} because what finance books here is the
 * expense side of commissions: capitalised, amortised, written off; the pay itself stays with calc and payout).
 * Incremental commissions on contracts longer than the policy's threshold (the practical expedient, 12 months by
 * default, per portfolio = plan) are capitalised and amortised straight-line over the term with the residue in the
 * last month; the rest is written off on churn; shorter contracts are expensed at once.
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.expense.Amortisation} (a contract's
 * months), {@link org.attain.expense.RollForward} (opening, capitalised, amortised, written off, closing per
 * period), {@link org.attain.expense.JournalEntries} (balanced entries per period).
 */
package org.attain.expense;
