/**
 * Commission expense under ASC 340-40 / IFRS 15 (named {@code expense} because what finance books here is the
 * expense side of commissions: capitalised, amortised, written off; the pay itself stays with calc and payout).
 * Incremental commissions on contracts longer than the policy's threshold (the practical expedient, 12 months by
 * default, per portfolio = plan) are capitalised and amortised straight-line over the term with the residue in the
 * last month; the rest is written off on churn; shorter contracts are expensed at once.
 *
 * <p>Owns tables: expense_policy (migration 2026.12.12.20); expense_account (the ledger accounts the journal books
 * to), expense_journal and expense_journal_post (posted journal months, frozen by a trigger) (migration
 * 2026.12.16.21). Reads commissions per deal through pay's {@code DealCommissions}, contract terms and churn through
 * sales' {@code ContractTerms}, periods and their closing ({@code PeriodClosed}) through calendar, the currencies
 * paid in through calc's {@code calc_current_result_v}, rates into the reporting currency through fx's
 * {@code ReportingCurrency} (every currency's roll-forward converted at each period's rate and added). The roll-forward is recomputed from the current results each
 * time; the journal of a month is posted when a period containing it closes and never changes after (a later change
 * is booked as a correction in the next month not posted). Public API: {@link org.attain.expense.CommissionExpense}
 * (roll-forward, journal, posting), {@link org.attain.expense.ExpenseLedger} (accounts).
 *
 * <p>The journal exports as CSV, XLSX and a DATEV Buchungsstapel file whose first line is the EXTF header
 * ({@link org.attain.expense.DatevHeader}: version 700, category 21, format 13; consultant, client and chart of
 * accounts from {@code attain.datev.*}, the fiscal year from calendar).
 *
 * <p>The arithmetic is pure and tested without Spring: {@link org.attain.expense.Amortisation} (a contract's
 * months), {@link org.attain.expense.RollForward} (opening, capitalised, amortised, written off, closing per
 * period), {@link org.attain.expense.JournalEntries} (balanced entries per period), {@link org.attain.expense.JournalBook} (posted
 * months frozen, corrections in the next open month).
 */
package org.attain.expense;
