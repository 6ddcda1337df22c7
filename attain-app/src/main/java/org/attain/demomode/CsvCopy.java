package org.attain.demomode;

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
 * Rows spooled to a temporary CSV file and then sent with PostgreSQL COPY: the fastest way in,
 * with memory bounded however many rows come.
 */
final class CsvCopy implements AutoCloseable {

    private final String table;
    private final String columns;
    private final Path file;
    private final BufferedWriter out;
    private long rows;

    CsvCopy(String table, String columns) {
        this.table = table;
        this.columns = columns;
        try {
            this.file = Files.createTempFile("attain-" + table, ".csv");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one row; null becomes SQL NULL (an unquoted empty field), everything else is quoted. */
    void row(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = values[i];
                if (v != null) {
                    out.write('"');
                    out.write(v.toString().replace("\"", "\"\""));
                    out.write('"');
                }
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long copyInto(Connection connection) throws SQLException {
        try {
            out.close();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", reader, 1 << 16);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
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
