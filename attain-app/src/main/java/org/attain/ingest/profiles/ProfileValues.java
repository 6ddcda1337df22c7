package org.attain.ingest.profiles;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.attain.ingest.Bounds;
import org.attain.ingest.records.RecordKinds;
import org.attain.ingest.transactions.TransactionFields;

/**
 * The fixed values a profile writes itself (defaults and constants) checked against their field's type
 * when the profile is loaded, so a default currency "EURO" stops the profile instead of rejecting every
 * row of the file.
 */
final class ProfileValues {

    private static final Map<String, FieldType> TRANSACTION_TYPES = Map.of(
            TransactionFields.CLOSE_DATE,
            FieldType.DATE,
            TransactionFields.AMOUNT,
            FieldType.DECIMAL,
            TransactionFields.CURRENCY,
            FieldType.CURRENCY,
            TransactionFields.TERM_MONTHS,
            FieldType.INTEGER);

    private ProfileValues() {}

    static void check(
            String name,
            String yaml,
            String record,
            ImportProfile.Format format,
            Map<String, String> defaults,
            Map<String, Derived> derived) {
        defaults.forEach((field, value) -> check(name, yaml, record, format, "defaults", field, value));
        derived.forEach((field, d) -> {
            if (d instanceof Derived.Constant c) {
                check(name, yaml, record, format, "constant of", field, c.value());
            }
        });
    }

    private static void check(
            String name,
            String yaml,
            String record,
            ImportProfile.Format format,
            String where,
            String field,
            String value) {
        if (value == null) {
            return;
        }
        Optional<Field> f = record.equals(RecordKinds.TRANSACTIONS)
                ? Optional.empty()
                : RecordKinds.named(record).flatMap(k -> k.field(field));
        FieldType type = f.map(Field::type).orElse(TRANSACTION_TYPES.get(field));
        if (type == null) {
            return;
        }
        String v = value.strip();
        String expected = switch (type) {
            case CURRENCY ->
                Bounds.CURRENCIES.contains(v.toUpperCase(Locale.ROOT)) ? null : "an ISO currency code such as USD";
            case COUNTRY ->
                Countries.code(v) != null ? null : "a country (ISO code such as DE, or its English or German name)";
            case CHOICE ->
                f.get().choices().stream().anyMatch(c -> c.equalsIgnoreCase(v.replace(' ', '_')))
                        ? null
                        : "one of " + String.join(", ", f.get().choices());
            case INTEGER -> v.matches("\\d{1,9}") ? null : "a whole number";
            case DECIMAL, POSITIVE_DECIMAL ->
                Values.number(v, NumberStyle.PLAIN) != null || Values.number(v, format.numbers()) != null
                        ? null
                        : "a number";
            case DATE -> Values.date(v, format.dates()) != null ? null : "a date in the form " + format.datePattern();
            case BOOLEAN ->
                List.of("true", "false", "yes", "no", "1", "0").contains(v.toLowerCase(Locale.ROOT))
                        ? null
                        : "true or false";
            default -> null;
        };
        if (expected != null) {
            throw new ProfileException("profile " + name + ", " + line(yaml, field, v) + where + " " + field + ": '"
                    + value + "' is not " + expected);
        }
    }

    /** "line N: " of the first line writing the field with this value, or "" when it cannot be told. */
    private static String line(String yaml, String field, String value) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.contains(field) && l.contains(value)) {
                return "line " + (i + 1) + ": ";
            }
        }
        return "";
    }
}
