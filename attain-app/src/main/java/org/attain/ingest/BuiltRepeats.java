package org.attain.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.attain.ingest.profiles.Derived;
import org.attain.ingest.profiles.Field;
import org.attain.ingest.profiles.FieldType;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.records.RecordKind;
import org.attain.ingest.records.RecordLoad;

/**
 * Rows whose template made the same unique value (an e-mail, an id) as another row of the file. A
 * template can make "Anna Schmidt" twice; neither row is more right than the other, so both go to the
 * quarantine, each naming the other row, instead of one silently winning or a duplicate key stopping
 * the whole import.
 */
public final class BuiltRepeats {

    public record Repeat(long number, List<Problem> problems) {}

    private BuiltRepeats() {}

    /** Removes the repeating rows from {@code good} and returns them with their reasons, by row. */
    public static List<Repeat> quarantine(RecordKind kind, ImportProfile profile, List<RecordLoad.Row> good) {
        Map<Long, List<Problem>> out = new java.util.TreeMap<>();
        for (Field f : kind.fields()) {
            if (!(profile.derived().get(f.name()) instanceof Derived.Template) || !unique(kind, f)) {
                continue;
            }
            Map<String, List<RecordLoad.Row>> byValue = new LinkedHashMap<>();
            for (RecordLoad.Row row : good) {
                Object v = row.values().get(f.column());
                if (v != null) {
                    byValue.computeIfAbsent(v.toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(row);
                }
            }
            byValue.values().stream().filter(rows -> rows.size() > 1).forEach(rows -> {
                for (RecordLoad.Row row : rows) {
                    String value = Objects.toString(row.values().get(f.column()));
                    long other = rows.get(0) == row
                            ? rows.get(1).number()
                            : rows.get(0).number();
                    out.computeIfAbsent(row.number(), n -> new ArrayList<>())
                            .add(new Problem(
                                    profile.columns().getOrDefault(f.name(), f.name()),
                                    value,
                                    words(f) + " " + value + " also made by row " + other
                                            + (rows.size() > 2 ? " and " + (rows.size() - 2) + " more" : "")
                                            + "; change one of the rows or the template so they differ",
                                    null));
                }
            });
        }
        for (Iterator<RecordLoad.Row> it = good.iterator(); it.hasNext(); ) {
            if (out.containsKey(it.next().number())) {
                it.remove();
            }
        }
        return out.entrySet().stream()
                .map(e -> new Repeat(e.getKey(), e.getValue()))
                .toList();
    }

    private static boolean unique(RecordKind kind, Field f) {
        return (kind.key().size() == 1 && kind.key().get(0).equals(f.column())) || f.type() == FieldType.EMAIL;
    }

    private static String words(Field f) {
        return f.type() == FieldType.EMAIL
                ? "e-mail"
                : f.name().equals("external_id") ? "id" : f.name().replace('_', ' ');
    }
}
