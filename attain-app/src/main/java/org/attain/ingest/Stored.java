package org.attain.ingest;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values as text that compares equal when the values are equal, whether they come from a file or
 * from the database: 48000 and 48000.0000, a DATE and a LocalDate, a timestamptz and an Instant.
 */
public final class Stored {

    private Stored() {}

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        return value.toString().strip();
    }

    public static Map<String, String> texts(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, text(v)));
        return out;
    }

    /** The value as JDBC takes it. */
    static Object param(Object value) {
        if (value instanceof Instant i) {
            return Timestamp.from(i);
        }
        return value;
    }
}
