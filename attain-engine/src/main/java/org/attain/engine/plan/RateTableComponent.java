package org.attain.engine.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rate read per deal from a table keyed by deal and account fields ({@code deal.product_family},
 * {@code account.segment}): each credited deal earns its credited amount times the rate of the row its values match.
 * A cell {@code *} matches any value. When several rows match, the most specific wins: the one with the fewest
 * {@code *}; between rows with as many, the one exact in the earlier key (keys listed first weigh more). Values are
 * compared without regard to case. A deal no row matches earns nothing and is a run issue, never a silent 0.
 */
public record RateTableComponent(ComponentBasics basics, List<String> keys, List<Row> rows)
        implements Component, java.io.Serializable {

    /** The cell that matches any value. */
    public static final String ANY = "*";

    public RateTableComponent {
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
    }

    /** One row: a cell per key, its rate, and its place in the table (1-based) for traces. */
    public record Row(int number, List<String> key, BigDecimal rate) implements java.io.Serializable {

        public Row {
            key = List.copyOf(key);
        }

        /** The row as written, e.g. {@code [Services, *]}. */
        public String text() {
            return "[" + String.join(", ", key) + "]";
        }

        int wildcards() {
            return (int) key.stream().filter(ANY::equals).count();
        }

        boolean matches(List<String> values) {
            for (int i = 0; i < key.size(); i++) {
                String cell = key.get(i);
                if (cell.equals(ANY)) {
                    continue;
                }
                String value = values.get(i);
                if (value == null || !cell.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }

        /** Negative when this row is more specific than {@code other} (fewer wildcards, then exact earlier). */
        int compareSpecificity(Row other) {
            int byCount = Integer.compare(wildcards(), other.wildcards());
            if (byCount != 0) {
                return byCount;
            }
            for (int i = 0; i < key.size(); i++) {
                boolean mine = key.get(i).equals(ANY);
                boolean theirs = other.key.get(i).equals(ANY);
                if (mine != theirs) {
                    return mine ? 1 : -1;
                }
            }
            return Integer.compare(number, other.number);
        }
    }

    /** The row for a deal's key values ({@code null} for a value the deal lacks), by the precedence above. */
    public Optional<Row> match(List<String> values) {
        Row best = null;
        for (Row r : rows) {
            if (r.matches(values) && (best == null || r.compareSpecificity(best) < 0)) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
