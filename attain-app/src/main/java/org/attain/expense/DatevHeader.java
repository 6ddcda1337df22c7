package org.attain.expense;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a DATEV Buchungsstapel file (format EXTF, version 700, category 21, format version 13), pure: what
 * DATEV's import reads before the column names. Its 31 fields in DATEV's order: the EXTF mark, version, category,
 * format name and version, when it was made (to the millisecond), an empty import time, origin "RE", who exported and
 * imported (empty), the consultant (Berater) and client (Mandant) numbers, the fiscal year's first day, the length of the
 * ledger accounts, the first and last day of the entries, a title of at most 30 characters, no dictation sign, booking
 * type 1 (Finanzbuchführung), accounting purpose 0, not locked (Festschreibung 0), the currency, and the chart of
 * accounts (SKR03 unless set); the fields DATEV reserves stay empty.
 */
public record DatevHeader(
        LocalDateTime createdAt,
        int consultant,
        int client,
        LocalDate fiscalYearStart,
        int accountLength,
        LocalDate from,
        LocalDate to,
        String title,
        String currency,
        String chartOfAccounts) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    public DatevHeader {
        if (consultant < 1001 || consultant > 9999999) {
            throw new IllegalArgumentException("a DATEV consultant number is 1001 to 9999999, not " + consultant);
        }
        if (client < 1 || client > 99999) {
            throw new IllegalArgumentException("a DATEV client number is 1 to 99999, not " + client);
        }
        if (accountLength < 4 || accountLength > 9) {
            throw new IllegalArgumentException("DATEV ledger accounts have 4 to 9 digits, not " + accountLength);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the entries end before they start");
        }
    }

    /** The first day of the fiscal year containing {@code month}, for a year that starts in {@code startMonth}. */
    public static LocalDate fiscalYearStart(YearMonth month, int startMonth) {
        int year = month.getMonthValue() >= startMonth ? month.getYear() : month.getYear() - 1;
        return LocalDate.of(year, startMonth, 1);
    }

    /** The header line, fields separated by semicolons, text in double quotes as DATEV's sample files have it. */
    public String line() {
        List<String> f = new ArrayList<>();
        f.add(q("EXTF"));
        f.add("700");
        f.add("21");
        f.add(q("Buchungsstapel"));
        f.add("13");
        f.add(createdAt.format(STAMP));
        f.add(""); // imported at
        f.add(q("RE"));
        f.add(q("")); // exported by
        f.add(q("")); // imported by
        f.add(String.valueOf(consultant));
        f.add(String.valueOf(client));
        f.add(fiscalYearStart.format(DAY));
        f.add(String.valueOf(accountLength));
        f.add(from.format(DAY));
        f.add(to.format(DAY));
        f.add(q(title.length() > 30 ? title.substring(0, 30) : title));
        f.add(q("")); // dictation sign
        f.add("1"); // Buchungstyp: Finanzbuchführung
        f.add("0"); // Rechnungslegungszweck: independent of it
        f.add("0"); // Festschreibung: not locked, the client's accountant decides
        f.add(q(currency));
        f.add(""); // reserved
        f.add(q("")); // Derivatskennzeichen
        f.add(""); // reserved
        f.add(""); // reserved
        f.add(q(chartOfAccounts));
        f.add(""); // ID der Branchenlösung
        f.add(""); // reserved
        f.add(q("")); // reserved
        f.add(q("")); // Anwendungsinformation
        return String.join(";", f);
    }

    private static String q(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
