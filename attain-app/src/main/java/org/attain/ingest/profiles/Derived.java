package org.attain.ingest.profiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A canonical field a profile builds instead of reading it from one column: a constant, a template
 * over columns and other fields ("{First}.{Last}@example.com"), one part of a full name, or an
 * attributes object whose values are templates. Written in the profile under {@code columns} as a
 * mapping instead of a column name, so the field still has exactly one source.
 */
public sealed interface Derived {

    /** Names of columns or fields this derivation reads, in the order written. */
    List<String> reads();

    record Constant(String value) implements Derived {
        @Override
        public List<String> reads() {
            return List.of();
        }
    }

    /**
     * @param lowercase the whole result in lower case
     * @param ascii     each inserted value transliterated (ä→ae, ß→ss, é→e), blanks as "-", anything else
     *                  but letters, digits and . _ + - dropped: what an e-mail address or id can hold
     */
    record Template(String text, boolean lowercase, boolean ascii) implements Derived {
        @Override
        public List<String> reads() {
            return placeholders(text);
        }
    }

    /** The first or last name of a full-name column, see {@link FullNames}. */
    record NamePart(String column, boolean first) implements Derived {
        @Override
        public List<String> reads() {
            return List.of(column);
        }
    }

    /** A JSON object (a transaction's attributes) of name → template. */
    record ObjectOf(Map<String, String> templates) implements Derived {
        @Override
        public List<String> reads() {
            List<String> out = new ArrayList<>();
            templates.values().forEach(t -> out.addAll(placeholders(t)));
            return out;
        }
    }

    Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    static List<String> placeholders(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** Reads one derivation as the profile writes it; the message names the field and what is wrong. */
    static Derived parse(String field, Map<?, ?> spec) {
        Map<String, Object> s = new LinkedHashMap<>();
        spec.forEach((k, v) -> s.put(String.valueOf(k).strip().toLowerCase(Locale.ROOT), v));
        List<String> kinds = s.keySet().stream()
                .filter(k -> List.of("constant", "template", "first-name-of", "last-name-of", "object")
                        .contains(k))
                .toList();
        if (kinds.size() != 1) {
            throw new ProfileException(
                    "columns." + field + " must hold exactly one of constant, template, first-name-of, "
                            + "last-name-of or object (or be a column name); found "
                            + (kinds.isEmpty() ? String.join(", ", s.keySet()) : String.join(" and ", kinds)));
        }
        String kind = kinds.get(0);
        List<String> allowed = kind.equals("template") ? List.of("template", "lowercase", "ascii") : List.of(kind);
        for (String key : s.keySet()) {
            if (!allowed.contains(key)) {
                throw new ProfileException("columns." + field + ": '" + key + "' does not go with " + kind
                        + "; allowed here: " + String.join(", ", allowed));
            }
        }
        Object v = s.get(kind);
        if (kind.equals("object")) {
            if (!(v instanceof Map<?, ?> m) || m.isEmpty()) {
                throw new ProfileException("columns." + field + ".object must map attribute names to templates, "
                        + "e.g. {segment: \"{Segment}\"}");
            }
            Map<String, String> templates = new LinkedHashMap<>();
            m.forEach((name, t) -> templates.put(String.valueOf(name), text(field + ".object." + name, t)));
            return new ObjectOf(templates);
        }
        String text = text(field + "." + kind, v);
        return switch (kind) {
            case "constant" -> new Constant(text);
            case "first-name-of" -> new NamePart(text, true);
            case "last-name-of" -> new NamePart(text, false);
            default -> {
                if (placeholders(text).isEmpty()) {
                    throw new ProfileException(
                            "columns." + field + ".template '" + text + "' names no column in braces, "
                                    + "e.g. \"{First Name}.{Last Name}@example.com\"; use constant for a fixed value");
                }
                yield new Template(text, flag(field, s.get("lowercase")), flag(field, s.get("ascii")));
            }
        };
    }

    private static String text(String where, Object v) {
        if (v == null
                || v instanceof Map<?, ?>
                || v instanceof List<?>
                || String.valueOf(v).isBlank()) {
            throw new ProfileException("columns." + where + " needs a text value");
        }
        return String.valueOf(v);
    }

    private static boolean flag(String field, Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new ProfileException("columns." + field + ": lowercase and ascii take true or false, not '" + v + "'");
    }
}
