package org.attain.ingest.transactions;

import static org.attain.ingest.transactions.TransactionFields.ACCOUNT;
import static org.attain.ingest.transactions.TransactionFields.AMOUNT;
import static org.attain.ingest.transactions.TransactionFields.ATTRIBUTES;
import static org.attain.ingest.transactions.TransactionFields.CLOSE_DATE;
import static org.attain.ingest.transactions.TransactionFields.CURRENCY;
import static org.attain.ingest.transactions.TransactionFields.DEAL_TYPE;
import static org.attain.ingest.transactions.TransactionFields.EXTERNAL_ID;
import static org.attain.ingest.transactions.TransactionFields.KIND;
import static org.attain.ingest.transactions.TransactionFields.OWNER;
import static org.attain.ingest.transactions.TransactionFields.PRODUCT_CODE;
import static org.attain.ingest.transactions.TransactionFields.REFERS_TO;
import static org.attain.ingest.transactions.TransactionFields.SPLITS;
import static org.attain.ingest.transactions.TransactionFields.STATUS;
import static org.attain.ingest.transactions.TransactionFields.TERM_MONTHS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.ingest.Bounds;
import org.attain.ingest.Problem;
import org.attain.ingest.files.Cells;
import org.attain.ingest.lookup.Closest;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.profiles.Columns;
import org.attain.ingest.profiles.DerivedFields;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.NumberStyle;
import org.attain.ingest.profiles.ProfileException;
import org.attain.ingest.profiles.Values;

/**
 * Maps one source row to a canonical transaction, or to the list of everything wrong with it, so
 * a row is either loaded whole or quarantined whole with all its problems named at once.
 */
final class TransactionMapper {

    /** A source row as read: its number in the file (header = row 1 when present) and its cells. */
    record Mapped(TransactionRow row, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final ImportProfile profile;
    private final Directory directory;
    private final Map<String, Integer> index = new HashMap<>();
    private final DateTimeFormatter dates;
    private final NumberStyle numbers;
    private final boolean isoDates;
    private final Splits splits;
    private final DerivedFields derived;

    // The row being mapped, filled by the steps. One mapper reads one file, a row at a time, so the steps share
    // these fields instead of allocating a holder per row (a million-row import is the hot path).
    private String[] current;
    private List<Problem> problems;
    private String externalId;
    private LocalDate closeDate;
    private BigDecimal amount;
    private String currency;
    private Long ownerId;
    private String kind;
    private String status;
    private Integer termMonths;
    private Long accountId;
    private String splitsJson;
    private String attributes;
    private String refersTo;

    /**
     * @param header   the file's column names, or null when the profile says the file has no header row
     * @param typedCells true for XLSX, whose numeric and date cells arrive as plain numbers and ISO dates
     */
    TransactionMapper(ImportProfile profile, List<String> header, Directory directory, boolean typedCells) {
        this.profile = profile;
        this.directory = directory;
        this.dates = profile.format().dates();
        this.isoDates = profile.format().datePattern().equals("yyyy-MM-dd");
        this.numbers = typedCells ? NumberStyle.PLAIN : profile.format().numbers();
        this.splits = new Splits(directory, profile.format().numbers());
        Columns.locate(profile.columns(), header, index);
        this.derived = new DerivedFields(profile, header, index);
        for (String required : List.of(EXTERNAL_ID, CLOSE_DATE, AMOUNT, OWNER)) {
            if (!index.containsKey(required)
                    && !derived.has(required)
                    && !profile.defaults().containsKey(required)) {
                throw new ProfileException(
                        "profile " + profile.name() + " maps no column to the required field " + required);
            }
        }
    }

    /** The transaction id a row names, even a rejected one, or null when it names none that could be stored. */
    String key(String[] cells) {
        String externalId = value(EXTERNAL_ID, cells);
        return externalId == null || Bounds.id(externalId) != null ? null : externalId;
    }

    /**
     * One row, step by step in the order of the business: each step reads one field and, when it is wrong, adds
     * that field's problem; a row with any problem is rejected whole, with all of them.
     */
    Mapped map(long rowNumber, String[] cells) {
        startRow(cells);
        readTransactionId();
        readCloseDate();
        readAmount();
        readCurrency();
        resolveOwner();
        readKind();
        readStatus();
        readTermMonths();
        resolveAccount();
        readSplits();
        checkAttributes();
        readRefersTo();
        return problems.isEmpty() ? new Mapped(transaction(rowNumber), List.of()) : new Mapped(null, problems);
    }

    private void startRow(String[] cells) {
        current = cells;
        problems = new ArrayList<>();
    }

    /** The transaction id: required, and storable as an id. */
    private void readTransactionId() {
        externalId = value(EXTERNAL_ID, current);
        if (externalId == null) {
            problems.add(missing(EXTERNAL_ID, "transaction id"));
        } else {
            refuse(EXTERNAL_ID, externalId, Bounds.id(externalId), null, problems);
        }
    }

    /** The close date: required, a real date in the profile's form, within the dates a deal may close on. */
    private void readCloseDate() {
        closeDate = null;
        String dateText = value(CLOSE_DATE, current);
        if (dateText == null) {
            problems.add(missing(CLOSE_DATE, "close date"));
            return;
        }
        closeDate = isoDates ? isoDate(dateText) : Values.date(dateText, dates);
        if (closeDate == null) {
            problems.add(problem(
                    CLOSE_DATE,
                    dateText,
                    "bad close date '" + dateText + "': not a real date in the form "
                            + profile.format().datePattern(),
                    null,
                    "words.ingest.badDate",
                    dateText,
                    profile.format().datePattern()));
        } else if (refuse(CLOSE_DATE, dateText, Bounds.closeDate(closeDate), null, problems)) {
            closeDate = null;
        }
    }

    /** The amount: required, a number in the file's style, within the amounts a deal may have. */
    private void readAmount() {
        amount = null;
        String amountText = value(AMOUNT, current);
        if (amountText == null) {
            problems.add(missing(AMOUNT, "amount"));
            return;
        }
        amount = plainNumber(amountText);
        if (amount == null) {
            problems.add(problem(
                    AMOUNT,
                    amountText,
                    "bad amount '" + amountText + "': not a number like " + Values.example(numbers),
                    null,
                    "words.ingest.badAmount",
                    amountText,
                    Values.example(numbers)));
        } else if (refuse(AMOUNT, amountText, Bounds.amount(amount), null, problems)) {
            amount = null;
        }
    }

    /** The currency: required, a known code (upper case), else the closest one is suggested. */
    private void readCurrency() {
        currency = value(CURRENCY, current);
        if (currency == null) {
            problems.add(missing(CURRENCY, "currency"));
            return;
        }
        currency = currency.toUpperCase(Locale.ROOT);
        refuse(CURRENCY, currency, Bounds.currency(currency), Closest.to(currency, Bounds.CURRENCIES), problems);
    }

    /** The owner: required, one person of the directory matched as the profile says. */
    private void resolveOwner() {
        ownerId = null;
        String owner = value(OWNER, current);
        if (owner == null) {
            problems.add(missing(OWNER, "owner"));
            return;
        }
        Directory.Resolution r = directory.person(owner, "owner");
        if (r.found()) {
            ownerId = r.id();
        } else {
            problems.add(problem(OWNER, owner, r.reason(), r.suggestion()));
        }
    }

    /** The kind: DEAL when empty, else one of the known kinds (written in any case, spaces for underscores). */
    private void readKind() {
        String k = value(KIND, current);
        kind = k == null ? "DEAL" : k.toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!TransactionFields.KINDS.contains(kind)) {
            problems.add(problem(
                    KIND,
                    kind,
                    "unknown kind '" + kind + "'; one of "
                            + String.join(
                                    ", ",
                                    TransactionFields.KINDS.stream().sorted().toList()),
                    Closest.to(kind, TransactionFields.KINDS),
                    "words.ingest.unknownKind",
                    kind,
                    String.join(", ", TransactionFields.KINDS.stream().sorted().toList())));
        }
    }

    /** The status as written ("won" when empty, see {@link #transaction}). */
    private void readStatus() {
        status = value(STATUS, current);
    }

    /** The term: optional, a whole number of months up to a hundred years. */
    private void readTermMonths() {
        termMonths = null;
        String termText = value(TERM_MONTHS, current);
        if (termText == null) {
            return;
        }
        BigDecimal t = Values.number(termText, numbers);
        if (t == null
                || t.signum() < 0
                || t.stripTrailingZeros().scale() > 0
                || t.compareTo(BigDecimal.valueOf(1200)) > 0) {
            problems.add(problem(
                    TERM_MONTHS,
                    termText,
                    "bad term '" + termText + "': not a whole number of months",
                    null,
                    "words.ingest.badTerm",
                    termText));
        } else {
            termMonths = t.intValueExact();
        }
    }

    /** The account: optional, a known account by its external id. */
    private void resolveAccount() {
        accountId = null;
        String account = value(ACCOUNT, current);
        if (account == null) {
            return;
        }
        Directory.Resolution r = directory.account(account);
        if (r.found()) {
            accountId = r.id();
        } else {
            problems.add(problem(ACCOUNT, account, r.reason(), r.suggestion()));
        }
    }

    /** The credit splits: optional, people and shares that add up (see {@link Splits}). */
    private void readSplits() {
        splitsJson = null;
        String splitText = value(SPLITS, current);
        if (splitText == null) {
            return;
        }
        Splits.Result s = splits.parse(splitText);
        if (s.problem() != null) {
            problems.add(problem(SPLITS, splitText, s.problem(), s.suggestion()));
        } else {
            splitsJson = s.json();
        }
    }

    /** The custom attributes: optional, a storable JSON object (see {@link Attributes}). */
    private void checkAttributes() {
        attributes = value(ATTRIBUTES, current);
        if (attributes != null) {
            refuse(ATTRIBUTES, attributes, Attributes.check(attributes), null, problems);
        }
    }

    /**
     * The deal a return or reversal takes back: optional, only on those kinds, a storable id other than the row's
     * own. Whether that deal exists is checked once the file is staged (it may come later in the same file).
     */
    private void readRefersTo() {
        refersTo = value(REFERS_TO, current);
        if (refersTo == null) {
            return;
        }
        if (!TransactionFields.LINKED_KINDS.contains(kind)) {
            problems.add(problem(
                    REFERS_TO,
                    refersTo,
                    "only a RETURN or REVERSAL refers to a deal; this row's kind is " + kind,
                    null,
                    "words.ingest.refersToKind",
                    kind));
        } else if (refersTo.equals(externalId)) {
            problems.add(problem(
                    REFERS_TO, refersTo, "a return cannot refer to itself", null, "words.ingest.refersToItself"));
        } else {
            refuse(REFERS_TO, refersTo, Bounds.id(refersTo), null, problems);
        }
    }

    /** The canonical transaction of a row without problems, with the defaults of what it left empty. */
    private TransactionRow transaction(long rowNumber) {
        return new TransactionRow(
                rowNumber,
                externalId,
                kind,
                status == null ? "won" : status,
                ownerId,
                closeDate,
                amount,
                currency,
                value(DEAL_TYPE, current),
                value(PRODUCT_CODE, current),
                termMonths,
                accountId,
                splitsJson,
                attributes == null ? "{}" : attributes,
                refersTo);
    }

    /**
     * A million-row file is mostly plain numbers such as 18200.00: those are read directly, the same
     * value {@link Values#number} gives (in plain and English style); anything else (grouping, currency signs, brackets) goes there.
     */
    private BigDecimal plainNumber(String text) {
        if (numbers == NumberStyle.DE) {
            // "1.234" is a thousand there, and "1234.56" an error
            return Values.number(text, numbers);
        }
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        boolean point = false;
        for (int k = i; k < n; k++) {
            char c = text.charAt(k);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && digits > 0 && k < n - 1) {
                point = true;
            } else {
                return Values.number(text, numbers);
            }
        }
        return digits == 0 || n > 40 ? Values.number(text, numbers) : new BigDecimal(text);
    }

    /** yyyy-MM-dd read without a formatter; the same strict rules (no 31 February), null when not a real date. */
    private LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return Values.date(text, dates);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return Values.date(text, dates);
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** The cell for a field after the value map, the default when empty, or null. */
    private String value(String field, String[] cells) {
        Integer at = index.get(field);
        String v = at == null
                ? (derived.has(field) ? derived.value(field, cells).text() : null)
                : at >= cells.length ? null : cells[at];
        if (v != null) {
            v = v.strip();
        }
        if (v == null || v.isEmpty()) {
            return profile.defaults().get(field);
        }
        Map<String, String> table = profile.values().get(field);
        if (table != null) {
            String mapped = table.get(v.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return mapped;
            }
        }
        return v;
    }

    /** Adds the refusal, if any, as a problem of the field; true when there was one. */
    private boolean refuse(
            String field, String value, Bounds.Refusal refusal, String suggestion, List<Problem> problems) {
        if (refusal == null) {
            return false;
        }
        problems.add(Problem.refused(
                profile.columns().getOrDefault(field, field), Cells.preview(value), refusal, suggestion));
        return true;
    }

    private Problem missing(String field, String words) {
        String why = derived.has(field) ? derived.value(field, current).problem() : null;
        if (why != null) {
            return problem(field, "", why, null);
        }
        return problem(field, "", "missing " + words, null, "words.ingest.missing." + field);
    }

    private Problem problem(String field, String value, String reason, String suggestion) {
        return new Problem(profile.columns().getOrDefault(field, field), value, reason, suggestion);
    }

    /** A problem the pages show in the reader's language: {@code code} names its message, filled with {@code args}. */
    private Problem problem(String field, String value, String reason, String suggestion, String code, String... args) {
        return new Problem(
                profile.columns().getOrDefault(field, field), value, reason, suggestion, code, List.of(args));
    }
}
