package org.attain.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one table with {@code COPY … FROM STDIN} in PostgreSQL's text format, and the one
 * place any value bound for a COPY is escaped ({@link #append}): every COPY writer of the application
 * goes through it, so a quote, comma, brace, backslash, tab or line break in a value (a transaction id
 * like {@code =HYPERLINK("http://x","tx"),y}) is stored as it is and never splits a field or an array
 * element. No statement per row, no parameter binding, memory bounded by a small buffer.
 */
public final class CopyText implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private long rows;

    public CopyText(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    /** One row; see {@link #append} for how each value is written. */
    public void row(Object... values) {
        appendRow(buffer, values);
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    /** Sends the rest and ends the COPY; returns the rows written. */
    public long finish() {
        flush();
        end(copy);
        return rows;
    }

    /** Cancels the COPY if it did not finish (an error on the way), so the connection can be used again. */
    @Override
    public void close() {
        cancel(copy);
    }

    /** A whole line of the text format: the values tab-separated, then a newline. */
    public static void appendRow(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            append(out, values[i]);
        }
        out.append('\n');
    }

    /**
     * One value as the text format reads it: null is SQL NULL ({@code \N}); a decimal is its plain
     * digits; an array or collection is a PostgreSQL array literal with every element double-quoted
     * (so commas, braces, quotes, blanks and the word NULL stay inside the element; a null element
     * is NULL); anything else is its text (JSON for a jsonb column included) with backslash, tab,
     * newline and carriage return escaped.
     *
     * @throws IllegalArgumentException for text PostgreSQL cannot store: NUL (U+0000) or half of a
     *         surrogate pair (not UTF-8). Entry points refuse both; reaching here is a bug upstream,
     *         and the row's writer reports it rather than store something else.
     */
    public static void append(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Object[] array) {
            array(out, java.util.Arrays.asList(array));
        } else if (value instanceof Collection<?> list) {
            array(out, list);
        } else {
            text(out, value instanceof CharSequence cs ? cs : value.toString());
        }
    }

    private static void array(StringBuilder out, Collection<?> elements) {
        out.append('{');
        boolean first = true;
        for (Object element : elements) {
            if (!first) {
                out.append(',');
            }
            first = false;
            if (element == null) {
                out.append("NULL");
                continue;
            }
            CharSequence text = element instanceof BigDecimal d ? d.toPlainString() : element.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    // The array literal's backslash before it, itself escaped for COPY.
                    out.append("\\\\");
                }
                i = textChar(out, text, i, c);
            }
            out.append('"');
        }
        out.append('}');
    }

    private static void text(StringBuilder out, CharSequence text) {
        int plain = 0;
        while (plain < text.length()) {
            char c = text.charAt(plain);
            if (c == '\\' || c < ' ' || Character.isSurrogate(c)) {
                break;
            }
            plain++;
        }
        // Most values need no escaping at all: copied in one go (traces and ledgers are long).
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            i = textChar(out, text, i, text.charAt(i));
        }
    }

    /** Appends one character of text escaped for COPY; returns the index of the last character used. */
    private static int textChar(StringBuilder out, CharSequence text, int i, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\t' -> out.append("\\t");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\0' ->
                throw new IllegalArgumentException("text with a NUL character (U+0000), which PostgreSQL cannot store");
            default -> {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(i + 1));
                    return i + 1;
                }
                if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("text with half of a surrogate pair (U+"
                            + Integer.toHexString(c).toUpperCase() + "), which is not UTF-8");
                }
                out.append(c);
            }
        }
        return i;
    }

    private void flush() {
        write(copy, buffer);
    }

    /** Sends what the buffer holds to the COPY and empties it. */
    public static void write(CopyIn copy, StringBuilder buffer) {
        try {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Ends a COPY that has all its data (for every COPY writer, binary ones included). */
    public static void end(CopyIn copy) {
        try {
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
        }
    }

    /** Cancels a COPY left unfinished by an error, so the connection can be used again (for every COPY writer). */
    public static void cancel(CopyIn copy) {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("cancelling COPY failed", e));
            }
        }
    }
}
