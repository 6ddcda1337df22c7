package org.attain.ingest.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.ingest.records.RecordKinds;
import org.attain.ingest.transactions.TransactionFields;

/**
 * A first draft of a profile for a file nobody has described yet: columns matched to fields by
 * common CRM names (English and German), date and number style guessed from the first rows.
 * The admin adjusts the draft on the page; nothing is loaded from a guess alone.
 */
public final class ProfileSuggestion {

    private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

    static {
        ALIASES.put(
                TransactionFields.EXTERNAL_ID,
                List.of(
                        "external_id",
                        "opportunity id",
                        "deal id",
                        "transaction id",
                        "order id",
                        "record id",
                        "id",
                        "vorgangsnummer"));
        ALIASES.put(
                TransactionFields.CLOSE_DATE,
                List.of("close_date", "close date", "closed date", "booking date", "date", "abschlussdatum", "datum"));
        ALIASES.put(TransactionFields.AMOUNT, List.of("amount", "deal value", "value", "revenue", "betrag", "umsatz"));
        ALIASES.put(TransactionFields.CURRENCY, List.of("currency", "curr", "währung", "waehrung"));
        ALIASES.put(
                TransactionFields.OWNER,
                List.of(
                        "owner_id",
                        "opportunity owner",
                        "owner",
                        "sales rep",
                        "rep",
                        "employee id",
                        "verkäufer",
                        "mitarbeiter"));
        ALIASES.put(TransactionFields.KIND, List.of("kind", "transaction type"));
        ALIASES.put(TransactionFields.STATUS, List.of("status", "stage", "phase"));
        ALIASES.put(TransactionFields.DEAL_TYPE, List.of("deal_type", "deal type", "type", "typ"));
        ALIASES.put(TransactionFields.PRODUCT_CODE, List.of("product_code", "product code", "product", "produkt"));
        ALIASES.put(TransactionFields.TERM_MONTHS, List.of("term_months", "term (months)", "term", "laufzeit"));
        ALIASES.put(TransactionFields.SPLITS, List.of("splits", "split"));
        ALIASES.put(TransactionFields.ATTRIBUTES, List.of("attributes"));
        ALIASES.put(
                TransactionFields.REFERS_TO,
                List.of("refers_to", "refers to", "original deal", "original", "returned deal", "bezieht sich auf"));
    }

    private ProfileSuggestion() {}

    public static char delimiter(String firstLine) {
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }

    public static String yaml(String fileName, char delimiter, List<String> header, List<String[]> sample) {
        return yaml(RecordKinds.TRANSACTIONS, fileName, delimiter, header, sample, Map.of());
    }

    /**
     * @param chosen field -> column the admin picked on the page; overrides the guess, an empty column unmaps the field
     */
    public static String yaml(
            String record,
            String fileName,
            char delimiter,
            List<String> header,
            List<String[]> sample,
            Map<String, String> chosen) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<String> taken = new ArrayList<>(chosen.values());
        aliases(record).forEach((field, aliases) -> {
            if (chosen.containsKey(field)) {
                if (!chosen.get(field).isBlank()) {
                    columns.put(field, chosen.get(field));
                }
                return;
            }
            for (String alias : aliases) {
                for (String column : header) {
                    String c = column.strip().toLowerCase(Locale.ROOT);
                    if (c.equals(alias) && !taken.contains(column)) {
                        columns.put(field, column);
                        taken.add(column);
                        return;
                    }
                }
            }
        });
        String dates =
                guessDates(header, sample, columns.get(firstOf(record, FieldType.DATE, TransactionFields.CLOSE_DATE)));
        String numbers =
                guessNumbers(header, sample, columns.get(firstOf(record, FieldType.DECIMAL, TransactionFields.AMOUNT)));
        StringBuilder y = new StringBuilder();
        y.append("record: ").append(record).append('\n');
        y.append("source: ")
                .append(fileName.replaceAll("(?i)\\.(csv|xlsx)$", "").replaceAll("[^A-Za-z0-9_-]", "-"))
                .append('\n');
        y.append("format:\n");
        y.append("  delimiter: \"")
                .append(delimiter == '\t' ? "\\t" : String.valueOf(delimiter))
                .append("\"\n");
        y.append("  encoding: UTF-8\n  header: true\n");
        y.append("  date: ").append(dates).append('\n');
        y.append("  numbers: ").append(numbers).append('\n');
        y.append("columns:\n");
        columns.forEach((field, column) -> y.append("  ")
                .append(field)
                .append(": \"")
                .append(column.replace("\"", "'"))
                .append("\"\n"));
        boolean people = record.equals(RecordKinds.TRANSACTIONS)
                || RecordKinds.named(record).orElseThrow().fields().stream()
                        .anyMatch(f -> f.type() == FieldType.PERSON);
        if (people) {
            y.append("people:\n  match: [employee_id, email, name]\n");
        }
        if (record.equals(RecordKinds.TRANSACTIONS)) {
            y.append("defaults:\n  kind: DEAL\n");
        }
        return y.toString();
    }

    /** Header names a field is commonly found under: its own name (with blanks or underscores) and its aliases. */
    private static Map<String, List<String>> aliases(String record) {
        if (record.equals(RecordKinds.TRANSACTIONS)) {
            return ALIASES;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Field f : RecordKinds.named(record).orElseThrow().fields()) {
            List<String> names = new ArrayList<>(List.of(f.name(), f.name().replace('_', ' ')));
            f.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
            out.put(f.name(), names);
        }
        return out;
    }

    private static String firstOf(String record, FieldType type, String transactionField) {
        if (record.equals(RecordKinds.TRANSACTIONS)) {
            return transactionField;
        }
        return RecordKinds.named(record).orElseThrow().fields().stream()
                .filter(f -> f.type() == type)
                .map(Field::name)
                .findFirst()
                .orElse(null);
    }

    private static String guessDates(List<String> header, List<String[]> sample, String column) {
        String v = first(header, sample, column);
        if (v == null) {
            return "yyyy-MM-dd";
        }
        if (v.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            return "M/d/yyyy";
        }
        if (v.matches("\\d{1,2}\\.\\d{1,2}\\.\\d{4}")) {
            return "d.M.yyyy";
        }
        return "yyyy-MM-dd";
    }

    private static String guessNumbers(List<String> header, List<String[]> sample, String column) {
        String v = first(header, sample, column);
        return v != null && v.matches("-?[\\d.]*,\\d{1,4}") ? "de" : "en";
    }

    private static String first(List<String> header, List<String[]> sample, String column) {
        int at = column == null ? -1 : header.indexOf(column);
        for (String[] row : sample) {
            if (at >= 0 && at < row.length && !row[at].isBlank()) {
                return row[at].strip();
            }
        }
        return null;
    }
}
