package org.attain.ingest.transactions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.attain.ingest.Problem;
import org.attain.ingest.files.Cells;
import org.attain.ingest.quarantine.Quarantined;
import org.attain.platform.CopyText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams mapped rows and rejected rows into the temporary staging table through one PostgreSQL
 * COPY while the file is still being read, so parsing and loading overlap and nothing piles up in
 * memory. Rejected rows carry their original cells and problems; good rows carry canonical values.
 * Values are escaped by {@link CopyText#append}, the one escaping every COPY of the application uses.
 */
public final class StageWriter implements AutoCloseable {

    static final String COLUMNS =
            "row_no, external_id, kind, status, owner_id, close_date, amount, currency, deal_type, "
                    + "product_code, term_months, account_id, splits, attributes, raw, problems, refers_to";

    private static final Logger log = LoggerFactory.getLogger(StageWriter.class);
    private static final int FLUSH_AT = 1 << 16;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private final long started = System.nanoTime();
    private long staged;
    private long rejected;

    public StageWriter(Connection connection) throws SQLException {
        this.copy = connection
                .unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY ingest_stage (" + COLUMNS + ") FROM STDIN");
    }

    void good(TransactionRow r) {
        CopyText.appendRow(
                buffer,
                r.rowNumber(),
                r.externalId(),
                r.kind(),
                r.status(),
                r.ownerId(),
                r.closeDate(),
                r.amount(),
                r.currency(),
                r.dealType(),
                r.productCode(),
                r.termMonths(),
                r.accountId(),
                r.splitsJson(),
                r.attributesJson(),
                null,
                null,
                r.refersTo());
        flushIfFull();
    }

    /** @param cells null for a row kept without its cells (see {@link Cells}) */
    void rejected(long rowNumber, List<String> header, String[] cells, List<Problem> problems) {
        rejected(rowNumber, null, header, cells, problems);
    }

    /** @param key the transaction id the row names (kept so a later load delivering it resolves the row), or null */
    void rejected(long rowNumber, String key, List<String> header, String[] cells, List<Problem> problems) {
        CopyText.appendRow(
                buffer,
                rowNumber,
                key,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Quarantined.raw(header, cells),
                Quarantined.problems(problems),
                null);
        rejected++;
        flushIfFull();
    }

    /** Rows written to the stage so far, good and rejected. */
    public long stagedCount() {
        return staged;
    }

    /** Rows the mapping rejected so far (staged with their problems). */
    public long rejectedCount() {
        return rejected;
    }

    public long finish() throws SQLException {
        flush();
        try {
            CopyText.end(copy);
        } catch (IllegalStateException e) {
            // What the server refused at the end is reported like any other staging failure.
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw e;
        }
        log.debug("import step read, map and stage {} rows: {} ms", staged, (System.nanoTime() - started) / 1_000_000);
        return staged;
    }

    private void flushIfFull() {
        staged++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void flush() {
        try {
            CopyText.write(copy, buffer);
        } catch (IllegalStateException e) {
            throw new UncheckedIOException(new IOException("COPY into the staging table failed: " + e.getMessage(), e));
        }
    }

    @Override
    public void close() {
        // The transaction is rolled back anyway; this only frees the connection for the rollback.
        CopyText.cancel(copy);
    }
}
