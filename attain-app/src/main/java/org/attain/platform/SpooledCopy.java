package org.attain.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows spooled to a temporary file in COPY's text format and then sent with PostgreSQL COPY: the
 * fastest way in, with memory bounded however many rows come. Values are escaped by
 * {@link CopyText#append}, like every other COPY of the application. The owners' bulk loads for the
 * demo company use it, each for its own tables.
 */
public final class SpooledCopy implements AutoCloseable {

    private final String table;
    private final String columns;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    public SpooledCopy(String table, String columns) {
        this.table = table;
        this.columns = columns;
        try {
            this.file = Files.createTempFile("attain-" + table, ".copy");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one row (see {@link CopyText#append}: null is SQL NULL). */
    public void row(Object... values) {
        line.setLength(0);
        CopyText.appendRow(line, values);
        try {
            out.append(line);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long copyInto(Connection connection) throws SQLException {
        try {
            out.close();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", reader, 1 << 16);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
