package org.attain.calc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts a full run in the background for the pages, one at a time: a second click while a run is
 * going is answered "already running" instead of queueing duplicate work, on whichever node serving
 * the database it lands.
 */
@Component
public class RunLauncher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    /** The advisory lock class of launched full runs (7361: transaction writers, 7362: instance leases). */
    static final int LOCK_CLASS = 7363;

    private final CalcRuns runs;
    private final DataSource dataSource;
    private final org.attain.spark.SparkMaster sparkMaster;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attain-calc-launcher");
        t.setDaemon(true);
        // Spark loads the classes of the tasks it runs in this thread through its context class loader: the
        // application's, not that of the request thread which happened to create this one.
        t.setContextClassLoader(RunLauncher.class.getClassLoader());
        return t;
    });

    RunLauncher(
            CalcRuns runs,
            DataSource dataSource,
            @org.springframework.beans.factory.annotation.Value("${attain.spark.master:local[*]}") String sparkMaster) {
        this.runs = runs;
        this.dataSource = dataSource;
        try {
            this.sparkMaster = new org.attain.spark.SparkMaster(sparkMaster);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("attain.spark.master: \"" + sparkMaster
                    + "\" is not a Spark master; write local[*], local[2] or spark://host:7077");
        }
    }

    /**
     * The Apache Spark master the pages' runs on Spark compute on ({@code attain.spark.master}, {@code local[*]}
     * unless configured): set by whoever runs the server, shown on the page, never typed there.
     */
    public String sparkMaster() {
        return sparkMaster.url();
    }

    /** @return false when a launched run is still going (here or on another node serving the database) */
    public boolean launchFull(String actor) {
        return launch(() -> runs.runFull("page", actor), "Calculation run started by " + actor);
    }

    /**
     * A full run whose payees are computed on Apache Spark ({@link #sparkMaster()}), over the default periods or, when
     * {@code from} or {@code to} is given, over that range (checked by the caller first). The same one-at-a-time lock
     * as every launched full run: false when a launched run is still going, here or on another node.
     */
    public boolean launchOnSpark(String from, String to, String actor) {
        return launch(
                () -> runs.runOnSpark(
                        sparkMaster, SparkRun.Reads.DRIVER, stage -> {}, java.util.Set.of(), from, to, "page", actor),
                "Calculation run on Apache Spark " + sparkMaster.url() + " started by " + actor);
    }

    /** A full run over a chosen range (checked by the caller first); false when a launched run is still going. */
    public boolean launchRange(String from, String to, String actor) {
        return launch(
                () -> runs.runRange(java.util.Set.of(), from, to, "page", actor),
                "Calculation run over " + from + " to " + to + " started by " + actor);
    }

    /**
     * One launched full run at a time across every node serving the database: the run holds a session advisory lock
     * ({@value #LOCK_CLASS}, 1) on a connection of its own from the click to its end. PostgreSQL lets go of it when
     * that session ends, so a node that dies mid-run blocks nobody.
     */
    private boolean launch(Runnable run, String what) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        Connection held = takeFullRunLock();
        if (held == null) {
            busy.set(false);
            return false;
        }
        try {
            executor.submit(() -> {
                try {
                    run.run();
                } catch (RuntimeException e) {
                    log.error("{} failed", what, e);
                } finally {
                    release(held);
                    busy.set(false);
                }
            });
        } catch (RuntimeException e) {
            release(held);
            busy.set(false);
            throw e;
        }
        return true;
    }

    private Connection takeFullRunLock() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?, 1)")) {
                st.setInt(1, LOCK_CLASS);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return c;
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            close(c);
            throw new IllegalStateException(
                    "Could not ask whether another node runs a calculation: " + e.getMessage(), e);
        }
    }

    /** Lets go of the lock before the connection goes back to the pool (the pool would keep the session and the lock). */
    private static void release(Connection c) {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_unlock(?, 1)")) {
            st.setInt(1, LOCK_CLASS);
            st.execute();
        } catch (SQLException e) {
            log.warn("Could not let go of the full run's lock; ending its session instead: {}", e.getMessage());
            try {
                c.abort(Runnable::run);
            } catch (SQLException ignored) {
                // the session is gone either way, and with it the lock
            }
        }
        close(c);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing held any more
            }
        }
    }

    /** True from a page's click until its run has finished, including while it waits its turn. */
    public boolean fullRunPending() {
        return busy.get();
    }

    /** Recalculates these people in the background, after whatever is queued before. */
    void launchFor(java.util.Set<Long> people, String reason, String actor) {
        executor.submit(() -> {
            try {
                runs.runFor(people, reason, actor);
            } catch (RuntimeException e) {
                log.error("Recalculation of {} started by {} failed", people, actor, e);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
