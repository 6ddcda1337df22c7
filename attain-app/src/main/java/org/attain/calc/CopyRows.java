package org.attain.calc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one table with COPY in PostgreSQL's text format: no statement per row, no
 * parameter binding, and memory bounded by a small buffer however many rows are written.
 */
final class CopyRows implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    CopyRows(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    /** One row; null is SQL NULL, arrays of values become PostgreSQL array literals. */
    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void append(Object value) {
        if (value == null) {
            buffer.append("\\N");
        } else if (value instanceof Object[] array) {
            // Elements are numbers here, so the array literal needs no quoting.
            buffer.append('{');
            for (int i = 0; i < array.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                buffer.append(array[i]);
            }
            buffer.append('}');
        } else if (value instanceof java.math.BigDecimal d) {
            buffer.append(d.toPlainString());
        } else {
            CharSequence text = value instanceof CharSequence cs ? cs : value.toString();
            int plain = 0;
            while (plain < text.length() && text.charAt(plain) != '\\' && text.charAt(plain) >= ' ') {
                plain++;
            }
            // Most values need no escaping at all: copy them in one go (the packed deal arrays are long).
            buffer.append(text, 0, plain);
            for (int i = plain; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }
    }

    private void flush() {
        try {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Sends the rest and ends the COPY; returns the rows written. */
    long finish() {
        flush();
        end(copy);
        return rows;
    }

    @Override
    public void close() {
        cancel(copy);
    }

    /** Ends a COPY that has all its data (also for {@link CopyBinary}). */
    static void end(CopyIn copy) {
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Cancels a COPY left unfinished by an error, so the connection can be used again. */
    static void cancel(CopyIn copy) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("cancelling COPY failed", e));
            }
        }
    }
}
