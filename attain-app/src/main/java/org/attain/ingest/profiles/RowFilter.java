package org.attain.ingest.profiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.attain.ingest.lookup.Closest;

/**
 * One condition a row must meet to be imported at all, on one column as the file writes it
 * (trimmed, ignoring case): {@code in} / {@code not-in} a list, {@code equals} one value, or
 * {@code matches} a regular expression over the whole cell. A row that fails a filter is skipped:
 * counted, never quarantined, because the export holds it on purpose (open deals in a deals export).
 */
public record RowFilter(String column, String op, List<String> values, Pattern pattern) {

    private static final List<String> OPS = List.of("in", "not-in", "equals", "matches");

    public boolean keeps(String cell) {
        String v = cell == null ? "" : cell.strip();
        return switch (op) {
            case "in", "equals" -> values.stream().anyMatch(v::equalsIgnoreCase);
            case "not-in" -> values.stream().noneMatch(v::equalsIgnoreCase);
            default -> pattern.matcher(v).matches();
        };
    }

    /** The filters under a profile's {@code filter} key: one mapping or a list of them; all must hold. */
    static List<RowFilter> parseAll(Object yaml) {
        if (yaml == null) {
            return List.of();
        }
        List<?> items = yaml instanceof List<?> l ? l : List.of(yaml);
        List<RowFilter> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> m)) {
                throw new ProfileException(
                        "filter: each filter is a mapping such as {column: Stage, in: [Closed Won]}, not '" + item
                                + "'");
            }
            out.add(parse(m));
        }
        return List.copyOf(out);
    }

    private static RowFilter parse(Map<?, ?> m) {
        Object column = m.get("column");
        if (column == null
                || column instanceof Map<?, ?>
                || column instanceof List<?>
                || String.valueOf(column).isBlank()) {
            throw new ProfileException("filter: every filter names its column, e.g. {column: Stage, in: [Closed Won]}");
        }
        List<String> ops = new ArrayList<>();
        for (Object key : m.keySet()) {
            String k = String.valueOf(key);
            if (OPS.contains(k)) {
                ops.add(k);
            } else if (!k.equals("column")) {
                throw new ProfileException("filter on " + column + ": unknown key '" + k
                        + "'; a filter has column and one of " + String.join(", ", OPS));
            }
        }
        if (ops.size() != 1) {
            throw new ProfileException("filter on " + column + ": give exactly one of " + String.join(", ", OPS)
                    + (ops.isEmpty() ? "" : "; found " + String.join(" and ", ops)));
        }
        String op = ops.get(0);
        Object v = m.get(op);
        String name = String.valueOf(column).strip();
        if (op.equals("matches")) {
            try {
                return new RowFilter(
                        name,
                        op,
                        List.of(),
                        Pattern.compile(String.valueOf(v), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new ProfileException("filter on " + name + ": matches '" + v + "' is not a regular expression: "
                        + e.getDescription());
            }
        }
        List<?> raw = v instanceof List<?> l ? l : List.of(v == null ? "" : v);
        if (op.equals("equals") && v instanceof List<?>) {
            throw new ProfileException("filter on " + name + ": equals takes one value; use in for a list");
        }
        if (raw.isEmpty()) {
            throw new ProfileException("filter on " + name + ": " + op + " needs at least one value");
        }
        return new RowFilter(
                name,
                op,
                raw.stream()
                        .map(x -> x == null ? "" : String.valueOf(x).strip())
                        .toList(),
                null);
    }

    /** The filters bound to a file's header: a filter naming a column the file lacks stops the import before any row. */
    public static final class Bound {
        private final List<RowFilter> filters;
        private final int[] at;

        public Bound(List<RowFilter> filters, List<String> header) {
            this.filters = filters;
            this.at = new int[filters.size()];
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                String column = filters.get(i).column();
                at[i] = Columns.index(header, column);
                if (at[i] < 0) {
                    String closest = header == null ? null : Closest.to(column, header);
                    missing.add("'" + column + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)"));
                }
            }
            if (!missing.isEmpty()) {
                throw new ProfileException("a filter names the column " + String.join(", ", missing)
                        + ", which the file does " + "not have"
                        + (header == null ? "" : "; its columns are: " + String.join(", ", header)));
            }
        }

        public boolean keeps(String[] cells) {
            for (int i = 0; i < at.length; i++) {
                if (!filters.get(i).keeps(at[i] < cells.length ? cells[at[i]] : null)) {
                    return false;
                }
            }
            return true;
        }

        public boolean any() {
            return at.length > 0;
        }
    }
}
