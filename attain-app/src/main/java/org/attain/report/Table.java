package org.attain.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report as a table: named, typed columns and rows of values. Pages, the API and every export
 * format render the same table, so a number cannot differ between the screen and the file.
 */
public record Table(ReportKind kind, String scope, List<Column> columns, List<List<Object>> rows) {

    /** How a column's values are shown: text, money (BigDecimal), a ratio shown as percent, or a count. */
    public enum Kind {
        TEXT,
        MONEY,
        PERCENT,
        COUNT
    }

    public record Column(String key, Kind kind) {
        /** Message key of the column heading. */
        public String label() {
            return "report.col." + key;
        }
    }

    /** Rows as objects keyed by column, for JSON. */
    public List<Map<String, Object>> records() {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        m.put(columns.get(i).key(), r.get(i));
                    }
                    return m;
                })
                .toList();
    }

    static Column text(String key) {
        return new Column(key, Kind.TEXT);
    }

    static Column money(String key) {
        return new Column(key, Kind.MONEY);
    }

    static Column percent(String key) {
        return new Column(key, Kind.PERCENT);
    }

    static Column count(String key) {
        return new Column(key, Kind.COUNT);
    }
}
