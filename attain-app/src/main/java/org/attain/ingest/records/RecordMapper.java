package org.attain.ingest.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.attain.ingest.Bounds;
import org.attain.ingest.Problem;
import org.attain.ingest.Stored;
import org.attain.ingest.files.Cells;
import org.attain.ingest.lookup.Closest;
import org.attain.ingest.lookup.Lookups;
import org.attain.ingest.lookup.Names;
import org.attain.ingest.profiles.Columns;
import org.attain.ingest.profiles.Countries;
import org.attain.ingest.profiles.DerivedFields;
import org.attain.ingest.profiles.Field;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.NumberStyle;
import org.attain.ingest.profiles.ProfileException;
import org.attain.ingest.profiles.Values;

/**
 * Maps one source row to the canonical values of a record kind (by database column), or to the
 * list of everything wrong with it, so a row is loaded whole or quarantined whole.
 */
final class RecordMapper {

    record Mapped(Map<String, Object> values, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> YES = Set.of("true", "yes", "y", "1", "ja", "j", "x");
    private static final Set<String> NO = Set.of("false", "no", "n", "0", "nein");

    private final RecordKind kind;
    private final ImportProfile profile;
    private final Lookups lookups;
    private final DateTimeFormatter dates;
    private final NumberStyle numbers;
    private final Map<String, Integer> index = new HashMap<>();
    private final DerivedFields derived;

    RecordMapper(RecordKind kind, ImportProfile profile, List<String> header, Lookups lookups, boolean typedCells) {
        this.kind = kind;
        this.profile = profile;
        this.lookups = lookups;
        this.dates = profile.format().dates();
        this.numbers = typedCells ? NumberStyle.PLAIN : profile.format().numbers();
        Columns.locate(profile.columns(), header, index);
        this.derived = new DerivedFields(profile, header, index);
        for (Field f : kind.fields()) {
            if (f.required()
                    && f.fallback() == null
                    && !index.containsKey(f.name())
                    && !derived.has(f.name())
                    && !profile.defaults().containsKey(f.name())) {
                throw new ProfileException("profile " + profile.name() + " maps no column to the required field "
                        + f.name() + " of " + kind.name());
            }
        }
    }

    Mapped map(String[] cells) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : kind.fields()) {
            String text = value(f.name(), cells);
            if (text == null) {
                if (f.required()) {
                    String why = derived.has(f.name())
                            ? derived.value(f.name(), cells).problem()
                            : null;
                    problems.add(
                            why != null
                                    ? problem(f.name(), "", why, null)
                                    : coded(
                                            f.name(),
                                            "",
                                            "missing " + f.name().replace('_', ' '),
                                            null,
                                            "words.ingest.missingColumn"));
                }
                if (!supplied(f)) {
                    continue; // the file does not carry this field at all: what is stored stays (RecordLoad)
                }
                values.put(f.column(), null);
                continue;
            }
            values.put(f.column(), read(f, text, problems));
        }
        if (problems.isEmpty()) {
            kind.check().check(values, lookups, (column, value, reason, suggestion) -> {
                String field = kind.byColumn(column).map(Field::name).orElse(column);
                String text = value(field, cells);
                problems.add(checked(field, text == null ? Stored.text(value) : text, reason, suggestion));
            });
        }
        return new Mapped(values, problems);
    }

    /** The row's natural key as the file writes it, e.g. "P00124 / 2027-01-01", for messages. */
    String keyText(String[] cells) {
        return String.join(
                " / ",
                kind.key().stream()
                        .map(c -> kind.byColumn(c).map(Field::name).orElse(c))
                        .map(f -> java.util.Objects.toString(value(f, cells), ""))
                        .toList());
    }

    private Object read(Field f, String text, List<Problem> problems) {
        String name = f.name().replace('_', ' ');
        Object value = switch (f.type()) {
            case TEXT -> text;
            case EMAIL -> text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? text : null;
            case DATE -> Values.date(text, dates);
            case TIMESTAMP -> instant(text);
            case DECIMAL -> Values.number(text, numbers);
            case POSITIVE_DECIMAL -> positive(limited(Values.number(text, numbers), 9, 10));
            case SHARE -> share(text);
            case INTEGER -> whole(Values.number(text, numbers));
            case BOOLEAN ->
                YES.contains(text.toLowerCase(Locale.ROOT))
                        ? Boolean.TRUE
                        : NO.contains(text.toLowerCase(Locale.ROOT)) ? Boolean.FALSE : null;
            case CURRENCY -> CURRENCIES.contains(text.toUpperCase(Locale.ROOT)) ? text.toUpperCase(Locale.ROOT) : null;
            case COUNTRY -> Countries.code(text);
            case CHOICE ->
                f.choices().stream()
                        .filter(c -> c.equalsIgnoreCase(text.replace(' ', '_')))
                        .findFirst()
                        .orElse(null);
            default -> {
                Names.Found<?> found = lookups.resolve(f.type(), text, name);
                if (!found.ok()) {
                    problems.add(
                            found.reason() != null && found.reason().startsWith("unknown ")
                                    ? coded(
                                            f.name(),
                                            text,
                                            found.reason(),
                                            found.suggestion(),
                                            "words.ingest.unknownRef")
                                    : problem(f.name(), text, found.reason(), found.suggestion()));
                }
                yield found.value();
            }
        };
        if (value == null && !Lookups.REFERENCES.contains(f.type())) {
            problems.add(coded(
                    f.name(),
                    Cells.preview(text),
                    "bad " + name + " '" + Cells.preview(text) + "': " + expected(f),
                    suggestion(f, text),
                    "words.ingest.bad." + f.type().name(),
                    expectedArg(f)));
        }
        Bounds.Refusal refusal = value == null ? null : bound(f, value);
        if (refusal != null) {
            problems.add(new Problem(
                    profile.columns().getOrDefault(f.name(), f.name()),
                    Cells.preview(text),
                    refusal.english(),
                    suggestion(f, text),
                    refusal.code(),
                    refusal.args()));
            return null;
        }
        return value;
    }

    /** The limits of {@link Bounds} for what a field holds: money, dates, currencies, and the text of natural keys (ids, codes). */
    private Bounds.Refusal bound(Field f, Object value) {
        return switch (f.type()) {
            case DECIMAL -> Bounds.amount((BigDecimal) value);
            case DATE -> Bounds.date((LocalDate) value);
            case TIMESTAMP -> Bounds.date(LocalDate.ofInstant((Instant) value, ZoneOffset.UTC));
            case CURRENCY -> Bounds.currency((String) value);
            case TEXT -> kind.key().contains(f.column()) ? Bounds.id((String) value) : null;
            default -> null;
        };
    }

    private String expected(Field f) {
        return switch (f.type()) {
            case DATE -> "not a real date in the form " + profile.format().datePattern();
            case DECIMAL -> "not a number like " + Values.example(numbers);
            case POSITIVE_DECIMAL -> "not a number above zero like " + Values.example(numbers);
            case CURRENCY -> "unknown currency";
            case COUNTRY -> "not a country: an ISO code such as DE, or the country's English or German name";
            default -> "expected " + f.describe();
        };
    }

    private static String suggestion(Field f, String text) {
        return switch (f.type()) {
            case CURRENCY -> Closest.to(text.toUpperCase(Locale.ROOT), Bounds.CURRENCIES);
            case CHOICE -> Closest.to(text, f.choices());
            case COUNTRY -> Countries.closest(text);
            default -> null;
        };
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    private static BigDecimal limited(BigDecimal n, int digitsBefore, int digitsAfter) {
        if (n == null
                || n.stripTrailingZeros().scale() > digitsAfter
                || n.abs().compareTo(BigDecimal.TEN.pow(digitsBefore)) >= 0) {
            return null;
        }
        return n;
    }

    private static BigDecimal positive(BigDecimal n) {
        return n == null || n.signum() <= 0 ? null : n;
    }

    private BigDecimal share(String text) {
        boolean percent = text.endsWith("%");
        BigDecimal n = Values.number(percent ? text.substring(0, text.length() - 1) : text, numbers);
        if (n == null) {
            return null;
        }
        BigDecimal share = percent ? n.movePointLeft(2) : n;
        return share.signum() < 0
                        || share.compareTo(BigDecimal.ONE) > 0
                        || share.stripTrailingZeros().scale() > 4
                ? null
                : share;
    }

    private static Integer whole(BigDecimal n) {
        if (n == null
                || n.signum() < 0
                || n.stripTrailingZeros().scale() > 0
                || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return null;
        }
        return n.intValueExact();
    }

    /** The cell for a field after the value map, the profile's default or the field's fallback when empty, or null. */
    /** Whether the profile gives this field a value at all: a column, a derivation, a default or a fallback. */
    private boolean supplied(Field f) {
        return index.containsKey(f.name())
                || derived.has(f.name())
                || profile.defaults().containsKey(f.name())
                || f.fallback() != null;
    }

    private String value(String field, String[] cells) {
        Integer at = index.get(field);
        String v = at == null
                ? (derived.has(field) ? derived.value(field, cells).text() : null)
                : at >= cells.length ? null : cells[at];
        if (v != null) {
            v = v.strip();
        }
        if (v == null || v.isEmpty()) {
            String d = profile.defaults().get(field);
            return d != null ? d : kind.field(field).map(Field::fallback).orElse(null);
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

    private Problem problem(String field, String value, String reason, String suggestion) {
        return new Problem(profile.columns().getOrDefault(field, field), value, reason, suggestion);
    }

    /**
     * A problem with a message code of the bundles (issue 21.6): its words in the reader's language, with the column
     * as the file names it and the value as arguments (then what is expected, when the message says it).
     */
    private Problem coded(String field, String value, String reason, String suggestion, String code, String... more) {
        String column = profile.columns().getOrDefault(field, field);
        List<String> args = new ArrayList<>(List.of(column, Cells.preview(value)));
        args.addAll(List.of(more));
        return new Problem(column, value, reason, suggestion, code, args);
    }

    /** The reasons of the record kinds' row checks ({@link RecordKinds}) by their shape, with what varies as arguments. */
    private static final List<Map.Entry<java.util.regex.Pattern, String>> CHECKS = Stream.of(
                    Map.entry("employment ends (.+), before it starts (.+)", "employmentEnds"),
                    Map.entry("e-mail (.+) already belongs to person (.+)", "emailTaken"),
                    Map.entry("a person cannot be their own manager", "ownManager"),
                    Map.entry("valid_until (.+) must be after valid_from (.+)", "validUntil"),
                    Map.entry("a potential cannot be negative", "negativePotential"),
                    Map.entry("a potential needs its currency \\(e\\.g\\. EUR\\)", "potentialCurrency"),
                    Map.entry(
                            "a potential currency was given without a potential; give both or neither",
                            "potentialWithout"),
                    Map.entry("a quota cannot be negative", "negativeQuota"),
                    Map.entry("a quota of (.+) is implausibly large", "implausibleQuota"),
                    Map.entry("a target cannot be negative", "negativeTarget"),
                    Map.entry("a target of (.+) is implausibly large", "implausibleTarget"),
                    Map.entry("a base cannot be negative", "negativeBase"),
                    Map.entry("a base of (.+) is implausibly large", "implausibleBase"),
                    Map.entry("a plan's number cannot be negative", "negativePlanNumber"),
                    Map.entry("must be whole cents \\(at most two decimals\\)", "wholeCents"),
                    Map.entry("close date (.+) is before the creation date (.+)", "closeBeforeCreated"),
                    Map.entry("a rate converts between two different currencies", "sameCurrency"))
            .map(e -> Map.entry(java.util.regex.Pattern.compile(e.getKey()), "words.ingest.check." + e.getValue()))
            .toList();

    /** A row check's problem, with its message code when its reason has a known shape (else as written). */
    private Problem checked(String field, String value, String reason, String suggestion) {
        for (Map.Entry<java.util.regex.Pattern, String> c : CHECKS) {
            java.util.regex.Matcher m = c.getKey().matcher(reason);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    args.add(m.group(i));
                }
                String column = profile.columns().getOrDefault(field, field);
                return new Problem(column, value, reason, suggestion, c.getValue(), args);
            }
        }
        return problem(field, value, reason, suggestion);
    }

    /** What a message of a bad value names as expected: the date pattern, an example number, the choices. */
    private String expectedArg(Field f) {
        return switch (f.type()) {
            case DATE -> profile.format().datePattern();
            case DECIMAL, POSITIVE_DECIMAL -> Values.example(numbers);
            case CHOICE -> String.join(", ", f.choices());
            default -> "";
        };
    }
}
