package org.attain.sales;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings {@link TransactionColumns} up to date by reading only what changed since the last refresh.
 * <p>
 * What changed is found by change numbers (migration .110): every insert or update of a transaction,
 * an account or a region takes the next number from one sequence, a delete leaves the id behind, and
 * the delta is read under an advisory lock that waits for every writer in flight, so no committed row
 * can hide below the highest number seen. Called only under the store's write lock.
 */
final class TransactionChangeFeed {

    private static final Logger log = LoggerFactory.getLogger(TransactionChangeFeed.class);

    /** The advisory lock every statement writing sales_transaction, account or region holds shared (migration .110). */
    static final long WRITERS_LOCK = 7361;

    private final DataSource dataSource;
    private final TransactionColumns columns;
    private long seen;

    TransactionChangeFeed(DataSource dataSource, TransactionColumns columns) {
        this.dataSource = dataSource;
        this.columns = columns;
    }

    /**
     * Reads what changed in three steps, so writers are held back only for a moment however much there
     * is to read (a first fill of ten million rows takes half a minute): under the writers' lock, the
     * highest change number handed out so far (every row at or below it is committed: the lock waited
     * for the writers in flight); without the lock, the rows up to that number; under the lock again,
     * what was written meanwhile. A row changed between the first and second step carries a number
     * above the first one, so the third step reads it.
     */
    boolean refresh(long waitMillis) {
        long started = System.nanoTime();
        long before = seen;
        int rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!writersDone(c, waitMillis)) {
                    c.rollback();
                    return false;
                }
                long settled;
                try (PreparedStatement st = c.prepareStatement("select last_value from sales_data_change_seq");
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    settled = rs.getLong(1);
                }
                c.commit();
                if (before == 0) {
                    try (PreparedStatement st = c.prepareStatement("select count(*) from sales_transaction");
                            ResultSet rs = st.executeQuery()) {
                        rs.next();
                        columns.reserve(rs.getLong(1));
                    }
                }
                if (settled > before) {
                    rows += readDelta(c, before, settled);
                    c.commit();
                    seen = settled;
                }
                if (!writersDone(c, waitMillis)) {
                    c.rollback();
                    columns.settle(rows, before > 0);
                    return false;
                }
                long from = seen;
                rows += readDelta(c, from, Long.MAX_VALUE);
                c.commit();
                columns.settle(rows, before > 0);
                if (rows > 1000) {
                    log.info(
                            "Transaction store: {} rows read in {} ms, {} held",
                            rows,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            columns.size());
                }
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                // Half-applied changes cannot be trusted: start over from nothing next time.
                columns.clear();
                seen = 0;
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading transactions failed: " + e.getMessage(), e);
        }
    }

    /** Applies accounts, removals and rows numbered above {@code from} and up to {@code upTo}; moves {@link #seen}. */
    private int readDelta(Connection c, long from, long upTo) throws SQLException {
        long top = from;
        top = Math.max(top, readAccounts(c, from, upTo));
        top = Math.max(top, readRemovals(c, from, upTo, true));
        int rows = 0;
        try (PreparedStatement st = c.prepareStatement("""
                select t.id, t.change_no, t.kind, t.source, t.external_id, t.owner_id, t.splits::text, t.close_date,
                       coalesce(v.amount, t.amount), t.currency, coalesce(v.status, t.status), t.deal_type,
                       t.product_code, t.account_id, t.attributes::text, t.term_months
                from sales_transaction t
                left join sales_transaction_version v on v.transaction_id = t.id and v.version = 1
                where t.change_no > ? and t.change_no <= ? order by t.id""")) {
            st.setLong(1, from);
            st.setLong(2, upTo);
            st.setFetchSize(20_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    top = Math.max(top, rs.getLong(2));
                    apply(rs);
                    rows++;
                }
            }
        }
        top = Math.max(top, readRemovals(c, from, upTo, false));
        seen = Math.max(seen, top);
        return rows;
    }

    /** Waits, by polling, until no writer of sales_transaction is in flight and keeps new ones out. */
    private static boolean writersDone(Connection c, long waitMillis) throws SQLException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            st.setLong(1, WRITERS_LOCK);
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                // Polling instead of waiting in the lock queue: a queued exclusive request would stall
                // every new writer behind a long import.
                if (System.nanoTime() > until) {
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private long readAccounts(Connection c, long before, long upTo) throws SQLException {
        long top = before;
        try (PreparedStatement st = c.prepareStatement("""
                select a.id, a.industry, a.country, a.size_band, r.code, greatest(a.change_no, r.change_no)
                from account a left join region r on r.id = a.region_id
                where (a.change_no > ? and a.change_no <= ?) or (r.change_no > ? and r.change_no <= ?)""")) {
            st.setLong(1, before);
            st.setLong(2, upTo);
            st.setLong(3, before);
            st.setLong(4, upTo);
            st.setFetchSize(20_000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.account(
                            rs.getInt(1),
                            TransactionValues.accountAttributes(
                                    rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    // A region renumbered after upTo is read again in the next step; never move past upTo here.
                    top = Math.max(top, Math.min(rs.getLong(6), upTo));
                }
            }
        }
        return top;
    }

    /** Removed transactions; {@code truncations} reads only the marks TRUNCATE leaves (id -1), the rest after the rows. */
    private long readRemovals(Connection c, long before, long upTo, boolean truncations) throws SQLException {
        long top = before;
        try (PreparedStatement st = c.prepareStatement(
                "select transaction_id, change_no from sales_transaction_removed where change_no > ? and change_no <= ?"
                        + (truncations ? " and transaction_id = -1" : " and transaction_id <> -1"))) {
            st.setLong(1, before);
            st.setLong(2, upTo);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    top = Math.max(top, rs.getLong(2));
                    if (truncations) {
                        columns.truncate();
                    } else {
                        columns.remove(rs.getLong(1));
                    }
                }
            }
        }
        return top;
    }

    private void apply(ResultSet rs) throws SQLException {
        int slot = columns.admit(rs.getLong(1), rs.getString(3));
        if (slot < 0) {
            return;
        }
        String source = rs.getString(4);
        String external = rs.getString(5);
        long ownerId = rs.getLong(6);
        String splitText = rs.getString(7);
        LocalDate closeDate = rs.getObject(8, LocalDate.class);
        BigDecimal amount = rs.getBigDecimal(9);
        String currency = rs.getString(10);
        String status = rs.getString(11);
        String dealType = rs.getString(12);
        String product = rs.getString(13);
        long accountId = rs.getLong(14);
        String attributeText = rs.getString(15);
        int term = rs.getInt(16);
        // getLong answers 0 for NULL: 0 is "no owner" and "no account" in the columns.
        columns.fill(
                slot,
                source,
                external,
                ownerId,
                splitText,
                closeDate,
                amount,
                currency,
                status,
                dealType,
                product,
                accountId,
                attributeText,
                rs.wasNull() ? null : term);
    }
}
