package org.attain.sales;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import javax.sql.DataSource;
import org.attain.engine.model.Transaction;
import org.attain.engine.time.DateRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The booked transactions that calculation runs over many payees read, held in memory
 * ({@link TransactionColumns}) and brought up to date at the start of each such run by reading only
 * what changed since the last one ({@link TransactionChangeFeed}). Reading every transaction over
 * JDBC again for every full run cost more than the calculation itself; after a day of deals the delta
 * is a few hundred rows.
 * <p>
 * A run holds the store's read lock from its refresh to its end, so all of its chunks see one state,
 * as they saw one exported database snapshot before. It returns exactly what
 * {@link BookedTransactions#read} returns for the same rows (tested); small runs (a single deal) keep
 * reading the database by index, which is cheaper than any refresh.
 */
@Component
public class TransactionStore {

    private static final Logger log = LoggerFactory.getLogger(TransactionStore.class);

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    // Written only under the write lock (by the feed) and read under the read lock.
    private final TransactionColumns columns;
    private final TransactionChangeFeed feed;
    private final boolean warmAtStart;

    /**
     * {@code attain.transactions.warm-at-start=false} leaves the store empty until a run opens it: {@code calc run
     * --engine spark --read executors} sets it, since such a run never reads the store (its executors read PostgreSQL).
     */
    TransactionStore(
            DataSource dataSource,
            JsonMapper json,
            @Value("${attain.transactions.warm-at-start:true}") boolean warmAtStart) {
        this.columns = new TransactionColumns(json);
        this.feed = new TransactionChangeFeed(dataSource, columns);
        this.warmAtStart = warmAtStart;
    }

    /** The transactions as one run sees them; close it when the run is done. */
    public interface Reading extends AutoCloseable {

        /** What {@code people} own or share through a split (null: everyone), closed inside the window. */
        List<Transaction> transactions(Set<Long> people, DateRange window);

        /** As {@link #transactions(Set, DateRange)} ({@code people} not null), and whatever is booked on these accounts. */
        List<Transaction> transactions(Set<Long> people, Set<Long> accounts, DateRange window);

        @Override
        void close();
    }

    /**
     * Brings the store up to date and holds it there for a run. Waits up to {@code wait} for writers in
     * flight (a long import) to commit; returns null when they did not, and the run reads the database.
     */
    public Reading open(long waitMillis) {
        lock.writeLock().lock();
        boolean current;
        try {
            current = feed.refresh(waitMillis);
            // Downgrade: taking the read lock before letting go of the write lock lets no refresh in between.
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
        if (!current) {
            lock.readLock().unlock();
            return null;
        }
        return new Reading() {
            private boolean closed;

            @Override
            public List<Transaction> transactions(Set<Long> people, DateRange window) {
                return columns.read(people, window);
            }

            @Override
            public List<Transaction> transactions(Set<Long> people, Set<Long> accounts, DateRange window) {
                return columns.read(people, accounts, window);
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    lock.readLock().unlock();
                }
            }
        };
    }

    /** Loads the store in the background once the application is up, so the first full run finds it filled. */
    @EventListener(ApplicationReadyEvent.class)
    void warmInBackground() {
        if (!warmAtStart) {
            return;
        }
        Thread t = new Thread(
                () -> {
                    try {
                        warm();
                    } catch (RuntimeException e) {
                        log.warn("Loading the transaction store failed; the next run loads it: {}", e.getMessage());
                    }
                },
                "attain-transaction-store");
        t.setDaemon(true);
        t.start();
    }

    /** Loads or refreshes now, so the next run finds little to read. */
    public void warm() {
        Reading r = open(TimeUnit.SECONDS.toMillis(60));
        if (r != null) {
            r.close();
        }
    }

    /** How many rows are grouped by owner (for tests: a refresh that brought many rows grouped them). */
    int groupedRows() {
        lock.readLock().lock();
        try {
            return columns.groupedRows();
        } finally {
            lock.readLock().unlock();
        }
    }
}
