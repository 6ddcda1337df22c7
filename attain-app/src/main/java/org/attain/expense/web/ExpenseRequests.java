package org.attain.expense.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.expense.CommissionExpense;
import org.attain.expense.JournalEntries;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

    /** The journal as a download: csv, xlsx or datev; any other format is refused naming the field. */
    static ResponseEntity<byte[]> journalFile(
            CommissionExpense.Report r,
            String format,
            Object from,
            Object to,
            java.util.function.Supplier<org.attain.expense.DatevHeader> datevHeader) {
        String name = "commission-journal-" + r.currency() + "-" + from + "-" + to;
        return switch (format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" ->
                file(
                        name + ".csv",
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        journalCsv(r).getBytes(StandardCharsets.UTF_8));
            case "xlsx" ->
                file(
                        name + ".xlsx",
                        MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                        JournalFiles.xlsx(r));
            case "datev" ->
                file(
                        name + "-datev.csv",
                        new MediaType("text", "csv", JournalFiles.DATEV_CHARSET),
                        JournalFiles.datev(r, datevHeader.get()));
            default ->
                throw new InvalidInputException(
                        new FieldProblem("format", "expense.error.format", "format is csv, xlsx or datev"));
        };
    }

    private static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    /** The journal entries, one per line: period, booking date, kind, debit, credit, amount, currency, correction, posted. */
    static String journalCsv(CommissionExpense.Report report) {
        StringBuilder out = new StringBuilder(
                "period,booked_on,kind,debit_account,credit_account,amount,currency,correction,posted\r\n");
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
                    .append(',')
                    .append(e.correction())
                    .append(',')
                    .append(e.posted())
                    .append("\r\n");
        }
        return out.toString();
    }
}
