package org.attain.expense.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.expense.CommissionExpense;
import org.attain.expense.JournalEntries;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;

/** What the page and the API share: who may see commission expense, the range read from the request, the journal as CSV. */
final class ExpenseRequests {

    private ExpenseRequests() {}

    static void mustSee(AttainUser user) {
        if (!user.has(Role.FINANCE) && !user.has(Role.ADMIN)) {
            throw new ForbiddenException("Commission expense is for finance and admins.");
        }
    }

    static YearMonth month(String field, String text, YearMonth otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    new FieldProblem(field, "expense.error.month", "'" + text + "' is not a month such as 2026-01"));
        }
    }

    /** The journal entries, one per line: period, booking date, kind, debit, credit, amount, currency. */
    static String journalCsv(CommissionExpense.Report report) {
        StringBuilder out = new StringBuilder("period,booked_on,kind,debit_account,credit_account,amount,currency\r\n");
        for (JournalEntries.Entry e : report.entries()) {
            out.append(e.period())
                    .append(',')
                    .append(e.bookedOn())
                    .append(',')
                    .append(e.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(',')
                    .append(e.debit())
                    .append(',')
                    .append(e.credit())
                    .append(',')
                    .append(e.amount().toPlainString())
                    .append(',')
                    .append(e.currency())
                    .append("\r\n");
        }
        return out.toString();
    }
}
