package org.attain.ingest.profiles;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.ingest.Bounds;
import org.attain.ingest.records.RecordKinds;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * How to read one kind of file: the record type it holds, the source system it comes from, its
 * format (delimiter, encoding, header row, date pattern, number style), which column feeds which
 * canonical field, value maps (e.g. CRM stage names to statuses) and how people are matched.
 * Written as YAML so it can live in version control next to the export it describes.
 *
 * @param columns canonical field -> column header in the file (or 1-based column number without header)
 * @param values  canonical field -> (file value -> canonical value), matched ignoring case
 * @param defaults canonical field -> value used when the field is not mapped or the cell is empty
 * @param filters  conditions a row must meet to be imported at all; the others are skipped (counted, not quarantined)
 * @param derived  canonical field -> how it is built when no single column holds it (written under columns as a mapping)
 */
public record ImportProfile(
        String name,
        String record,
        String source,
        Format format,
        Map<String, String> columns,
        Map<String, Map<String, String>> values,
        List<PeopleMatch> match,
        Map<String, String> defaults,
        String yaml,
        boolean checkProducts,
        List<RowFilter> filters,
        Map<String, Derived> derived) {

    /** Record types a profile may name. */
    static final List<String> SUPPORTED_RECORDS = RecordKinds.names();

    /**
     * @param type  csv or xlsx; "auto" decides by the file name
     * @param sheet xlsx only: sheet name, or null for the first sheet
     */
    public record Format(
            String type,
            char delimiter,
            Charset encoding,
            boolean header,
            String sheet,
            String datePattern,
            NumberStyle numbers) {

        public DateTimeFormatter dates() {
            // STRICT + "uuuu" so 31/02/2026 is an error instead of silently becoming 28/02.
            return DateTimeFormatter.ofPattern(
                            datePattern.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
    }

    /** The profile, or a {@link ProfileException} whose message starts with "profile NAME" and says what is wrong. */
    public static ImportProfile parse(String name, String yaml) {
        try {
            return read(name, yaml);
        } catch (ProfileException e) {
            // found by fuzzing: refusals of the format, people and other sections named no profile
            String prefix = "profile " + name;
            throw e.getMessage().startsWith(prefix) ? e : new ProfileException(prefix + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // Fuzzing keeps finding library exceptions a profile can provoke (SnakeYAML's NumberFormatException and
            // IllegalArgumentException, the JDK's ClassCastException on some date patterns); each found is refused with
            // its own reason above. Any other is still a refusal naming the profile, never a stack trace for the user;
            // the log keeps the trace for us.
            org.slf4j.LoggerFactory.getLogger(ImportProfile.class).warn("Profile {} could not be read", name, e);
            throw new ProfileException(
                    "profile " + name + " could not be read: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"));
        }
    }

    private static ImportProfile read(String name, String yaml) {
        Object loaded;
        try {
            ProfileYaml.check(name, yaml);
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException | IllegalArgumentException e) {
            // IllegalArgumentException: found by fuzzing, SnakeYAML throws it (not YAMLException) for a tag such as
            // "!%c" and, as NumberFormatException, for a number it cannot convert
            throw new ProfileException("profile " + name + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (!(loaded instanceof Map<?, ?> root)) {
            throw new ProfileException("profile " + name + " must be a YAML mapping with record, source and columns");
        }
        String record = text(root, "record", "transactions").toLowerCase(Locale.ROOT);
        if (!SUPPORTED_RECORDS.contains(record)) {
            throw new ProfileException("profile " + name + ": record '" + record
                    + "' cannot be imported yet; supported: " + String.join(", ", SUPPORTED_RECORDS));
        }
        String source = text(root, "source", null);
        if (source == null || source.isBlank()) {
            throw new ProfileException(
                    "profile " + name + ": 'source' is required (the system the rows come from, e.g. crm)");
        }
        Bounds.Refusal badSource = Bounds.source(source.trim());
        if (badSource != null) {
            throw new ProfileException("profile " + name + ": source: " + badSource.english());
        }
        Map<?, ?> format = map(root, "format");
        Format f = new Format(
                text(format, "type", "auto").toLowerCase(Locale.ROOT),
                delimiter(text(format, "delimiter", ",")),
                charset(text(format, "encoding", "UTF-8")),
                bool(format, "header", true),
                text(format, "sheet", null),
                datePattern(text(format, "date", "yyyy-MM-dd")),
                numbers(text(format, "numbers", "en")));
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, Derived> derived = new LinkedHashMap<>();
        try {
            map(root, "columns").forEach((field, column) -> {
                if (column instanceof Map<?, ?> spec) {
                    derived.put(String.valueOf(field), Derived.parse(String.valueOf(field), spec));
                } else {
                    columns.put(String.valueOf(field), column == null ? null : String.valueOf(column));
                }
            });
        } catch (ProfileException e) {
            throw new ProfileException("profile " + name + ": " + e.getMessage());
        }
        if (columns.isEmpty() && derived.isEmpty()) {
            throw new ProfileException("profile " + name + ": 'columns' must map at least one field to a column");
        }
        List<String> fields = RecordKinds.fieldNames(record);
        for (String field : concat(columns.keySet(), derived.keySet())) {
            if (!fields.contains(field)) {
                throw new ProfileException("profile " + name + ": unknown field '" + field + "' under columns for "
                        + record + "; known: " + String.join(", ", fields));
            }
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        map(root, "values").forEach((field, table) -> {
            if (!(table instanceof Map<?, ?> t)) {
                throw new ProfileException(
                        "profile " + name + ": values." + field + " must map file values to field values");
            }
            Map<String, String> lowered = new LinkedHashMap<>();
            strings(t).forEach((k, v) -> lowered.put(k.trim().toLowerCase(Locale.ROOT), v));
            values.put(String.valueOf(field), lowered);
        });
        Map<?, ?> people = map(root, "people");
        List<PeopleMatch> match = new ArrayList<>();
        Object how = people.get("match");
        for (Object m : how instanceof List<?> list ? list : List.of(how == null ? "employee_id" : how)) {
            try {
                match.add(PeopleMatch.valueOf(String.valueOf(m).trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ProfileException(
                        "profile " + name + ": people.match '" + m + "' is not one of employee_id, email, name");
            }
        }
        List<RowFilter> filters;
        try {
            filters = RowFilter.parseAll(root.containsKey("filter") ? root.get("filter") : root.get("filters"));
        } catch (ProfileException e) {
            throw new ProfileException("profile " + name + ": " + e.getMessage());
        }
        Map<String, String> defaults = strings(map(root, "defaults"));
        ProfileValues.check(name, yaml, record, f, defaults, derived);
        // products.check: false turns off the catalogue check of product codes (feeds from systems with their own
        // catalogue)
        return new ImportProfile(
                name,
                record,
                source.trim(),
                f,
                java.util.Collections.unmodifiableMap(columns),
                values,
                List.copyOf(match),
                defaults,
                yaml,
                bool(map(root, "products"), "check", true),
                filters,
                java.util.Collections.unmodifiableMap(derived));
    }

    /** True when a column or a derivation feeds the field. */
    public boolean maps(String field) {
        return columns.containsKey(field) || derived.containsKey(field);
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The type to read the file as: the profile's choice, or by extension when "auto". */
    public String typeFor(String fileName) {
        if (!format.type().equals("auto")) {
            return format.type();
        }
        return fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? "xlsx" : "csv";
    }

    private static String text(Map<?, ?> map, String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    private static boolean bool(Map<?, ?> map, String key, boolean fallback) {
        Object v = map.get(key);
        return v == null ? fallback : Boolean.parseBoolean(String.valueOf(v));
    }

    private static Map<?, ?> map(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw new ProfileException("'" + key + "' must be a mapping of keys to values");
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        return out;
    }

    private static char delimiter(String d) {
        String s = d.equals("\\t") || d.equalsIgnoreCase("tab") ? "\t" : d;
        if (s.length() != 1) {
            throw new ProfileException("format.delimiter must be one character (or tab), was '" + d + "'");
        }
        return s.charAt(0);
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            throw new ProfileException("format.encoding '" + name + "' is not an encoding this Java knows");
        }
    }

    private static String datePattern(String pattern) {
        try {
            DateTimeFormatter.ofPattern(pattern);
            // The pattern as dates() uses it (uuuu for yyyy) must build too.
            DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu").replace("yy", "uu"), Locale.ROOT);
            return pattern;
        } catch (IllegalArgumentException | ClassCastException e) {
            // ClassCastException: found by fuzzing, the JDK's pattern parser throws it (a padding letter p before a
            // number field in some forms) instead of IllegalArgumentException
            throw new ProfileException(
                    "format.date '" + pattern + "' is not a date pattern such as M/d/yyyy or d.M.yyyy");
        }
    }

    private static NumberStyle numbers(String style) {
        try {
            return NumberStyle.valueOf(style.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProfileException(
                    "format.numbers '" + style + "' is not one of en (1,234.56), de (1.234,56), plain");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
