package org.attain.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;

/**
 * Streams mapped rows and rejected rows into the temporary staging table through one PostgreSQL
 * COPY while the file is still being read, so parsing and loading overlap and nothing piles up in
 * memory. Rejected rows carry their original cells and problems; good rows carry canonical values.
 */
final class StageWriter implements AutoCloseable {

    static final String COLUMNS = "row_no, external_id, kind, status, owner_id, close_date, amount, currency, deal_type, "
            + "product_code, term_months, account_id, splits, attributes, raw, problems";

    private static final Logger log = LoggerFactory.getLogger(StageWriter.class);
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private final long started = System.nanoTime();
    private long staged;
    private long rejected;

    StageWriter(Connection connection) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY ingest_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)");
    }

    void good(TransactionRow r) {
        buffer.append(r.rowNumber()).append(',');
        field(r.externalId());
        field(r.kind());
        field(r.status());
        plain(r.ownerId());
        plain(r.closeDate());
        plain(r.amount() == null ? null : r.amount().toPlainString());
        field(r.currency());
        field(r.dealType());
        field(r.productCode());
        plain(r.termMonths());
        plain(r.accountId());
        field(r.splitsJson());
        field(r.attributesJson());
        buffer.append(",\n");
        flushIfFull();
    }

    /** @param cells null for a row kept without its cells (see {@link Cells}) */
    void rejected(long rowNumber, List<String> header, String[] cells, List<Problem> problems) {
        buffer.append(rowNumber).append(",,,,,,,,,,,,,,");
        field(Quarantined.raw(header, cells));
        field(Quarantined.problems(problems));
        buffer.setLength(buffer.length() - 1);
        buffer.append('\n');
        rejected++;
        flushIfFull();
    }

    /** Rows written to the stage so far, good and rejected. */
    long stagedCount() {
        return staged;
    }

    /** Rows the mapping rejected so far (staged with their problems). */
    long rejectedCount() {
        return rejected;
    }

    long finish() throws SQLException {
        flush();
        copy.endCopy();
        log.debug("import step read, map and stage {} rows: {} ms", staged, (System.nanoTime() - started) / 1_000_000);
        return staged;
    }

    private void field(String value) {
        if (value != null) {
            buffer.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"') {
                    buffer.append('"');
                }
                buffer.append(c);
            }
            buffer.append('"');
        }
        buffer.append(',');
    }

    private void plain(Object value) {
        if (value != null) {
            buffer.append(value);
        }
        buffer.append(',');
    }

    private void flushIfFull() {
        staged++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() {
        try {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("COPY into the staging table failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the transaction is rolled back anyway; nothing more to undo here
        }
    }
}
