package org.attain.ingest.profiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.attain.ingest.lookup.Closest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A profile's derived fields bound to one file's header: every placeholder and name column is
 * found when the file is opened (an unknown one stops the import before any row, with the closest
 * column suggested), and each row's values are built on demand. A placeholder names a column of
 * the file or another field of the profile ({first_name} after first-name-of), the field first.
 */
public final class DerivedFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A derived value, or why there is none (an empty part, a name that cannot be split). */
    public record Value(String text, String problem) {}

    private final Map<String, Derived> derived;
    private final Map<String, Integer> columns;
    private final Map<String, Integer> cellOf = new HashMap<>();

    /**
     * @param columns the position of every field the profile maps to a plain column
     */
    public DerivedFields(ImportProfile profile, List<String> header, Map<String, Integer> columns) {
        this.derived = profile.derived();
        this.columns = columns;
        List<String> unknown = new ArrayList<>();
        derived.forEach((field, d) -> {
            for (String name : d.reads()) {
                // a field's own name in its template is the file's column of that name ("crm-{external_id}")
                boolean isField = (d instanceof Derived.Template || d instanceof Derived.ObjectOf)
                        && !name.equals(field)
                        && (columns.containsKey(name) || derived.containsKey(name));
                if (!isField && !cellOf.containsKey(name)) {
                    int at = Columns.index(header, name);
                    if (at < 0) {
                        String closest = header == null ? null : Closest.to(name, header);
                        unknown.add("'" + name + "' (in columns." + field + ")"
                                + (closest == null ? "" : ", did you mean '" + closest + "'?"));
                    } else {
                        cellOf.put(name, at);
                    }
                }
            }
        });
        if (!unknown.isEmpty()) {
            throw new ProfileException("the file has no column " + String.join("; ", unknown)
                    + (header == null ? "" : "; its columns are: " + String.join(", ", header)));
        }
        derived.keySet().forEach(field -> cycle(field, new ArrayList<>()));
    }

    public boolean has(String field) {
        return derived.containsKey(field);
    }

    /** The field's value for this row; text null when the row gives none. */
    public Value value(String field, String[] cells) {
        Derived d = derived.get(field);
        if (d instanceof Derived.Constant c) {
            return new Value(c.value(), null);
        }
        if (d instanceof Derived.NamePart p) {
            String full = cell(cellOf.get(p.column()), cells);
            if (full == null) {
                return new Value(
                        null,
                        "missing " + p.column() + " to take the " + (p.first() ? "first" : "last") + " name from");
            }
            FullNames.Split split = FullNames.split(full);
            return split.problem() != null
                    ? new Value(null, split.problem())
                    : new Value(p.first() ? split.first() : split.last(), null);
        }
        if (d instanceof Derived.Template t) {
            Value v = fill(field, t.text(), t.ascii(), cells);
            return v.text() == null || !t.lowercase() ? v : new Value(v.text().toLowerCase(Locale.ROOT), null);
        }
        Map<String, String> object = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ((Derived.ObjectOf) d).templates().entrySet()) {
            Value v = fill(field, e.getValue(), false, cells);
            if (v.text() != null) {
                object.put(e.getKey(), v.text());
            }
        }
        return new Value(JSON.writeValueAsString(object), null);
    }

    private Value fill(String field, String template, boolean ascii, String[] cells) {
        StringBuilder out = new StringBuilder();
        Matcher m = Derived.PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            String name = m.group(1).strip();
            String part = name.equals(field) ? cell(cellOf.get(name), cells) : part(name, cells);
            if (part == null) {
                return new Value(null, "cannot build " + field.replace('_', ' ') + ": " + name + " is empty");
            }
            out.append(template, last, m.start()).append(ascii ? Ascii.of(part) : part);
            last = m.end();
        }
        return new Value(out.append(template.substring(last)).toString(), null);
    }

    private String part(String name, String[] cells) {
        if (columns.containsKey(name)) {
            return cell(columns.get(name), cells);
        }
        if (derived.containsKey(name)) {
            return value(name, cells).text();
        }
        return cell(cellOf.get(name), cells);
    }

    private static String cell(Integer at, String[] cells) {
        if (at == null || at >= cells.length || cells[at] == null) {
            return null;
        }
        String v = cells[at].strip();
        return v.isEmpty() ? null : v;
    }

    private void cycle(String field, List<String> path) {
        if (path.contains(field)) {
            path.add(field);
            throw new ProfileException(
                    "columns." + path.get(0) + " goes round in a circle: " + String.join(" → ", path));
        }
        path.add(field);
        Derived d = derived.get(field);
        if (d instanceof Derived.Template || d instanceof Derived.ObjectOf) {
            for (String name : d.reads()) {
                if (derived.containsKey(name) && !columns.containsKey(name) && !name.equals(field)) {
                    cycle(name, new ArrayList<>(path));
                }
            }
        }
    }
}
