package org.attain.calc;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.attain.platform.EmbeddedDatabaseCondition;
import org.attain.platform.InstanceLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes, at start-up, the calculation runs an Attain left RUNNING when it was killed: a run whose
 * instance is gone can never finish, and the rows it wrote were never made current.
 *
 * <ul>
 * <li>Whose run: only runs whose instance no longer holds its {@link InstanceLease} are touched, so
 * a live instance sharing an external database keeps its runs. A run without an instance key (started
 * by a version before migration .40) is closed only on the embedded database, which one instance
 * owns; on an external one it is left and logged, since an older instance may still be running it.</li>
 * <li>Never made current: its rows are removed (results, lines, explained deals) and it is FAILED
 * with the reason {@value #INTERRUPTED}; what was current before it stays current.</li>
 * <li>Killed after its results became current (between the switch and its last bookkeeping): the
 * switch is one transaction, so its results are whole and stay; it is DONE, with
 * {@value #INTERRUPTED_AFTER_CURRENT} saying its counts were not recorded.</li>
 * </ul>
 * Each run is closed in one transaction that holds the dead instance's lease key and the run's row, so
 * a second instance starting at the same moment closes it once. The reasons are message keys, shown in
 * the reader's language by the run page.
 */
@Component
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);
    static final String INTERRUPTED = "runs.error.interruptedByRestart";
    static final String INTERRUPTED_AFTER_CURRENT = "runs.error.interruptedAfterCurrent";

    /** What happened to one run left RUNNING. */
    enum Outcome {
        FAILED,
        DONE,
        LEFT_ALONE
    }

    record Closed(long runId, Outcome outcome, int rowsRemoved) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final InstanceLease lease;
    private final Clock clock;
    private final boolean embedded;

    InterruptedRuns(JdbcClient jdbc, TransactionTemplate tx, InstanceLease lease, Clock clock, Environment env) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.lease = lease;
        this.clock = clock;
        this.embedded = EmbeddedDatabaseCondition.usesEmbeddedDatabase(env);
    }

    @EventListener(ApplicationStartedEvent.class)
    void atStart() {
        recover();
    }

    /** Closes every run left RUNNING by an instance that is gone; returns what it did with each. */
    List<Closed> recover() {
        record Running(long id, Integer instance) {}
        List<Running> running = jdbc.sql("select id, instance_key from calc_run where status = 'RUNNING' order by id")
                .query((rs, n) -> new Running(rs.getLong(1), rs.getObject(2, Integer.class)))
                .list();
        List<Closed> out = new ArrayList<>();
        for (Running run : running) {
            if (run.instance() != null && run.instance() == lease.key()) {
                continue;
            }
            try {
                Closed closed = tx.execute(status -> close(run.id(), run.instance()));
                out.add(closed);
                switch (closed.outcome()) {
                    case FAILED ->
                        log.warn(
                                "Calculation run {} was left running by an Attain that stopped; marked failed, "
                                        + "its {} unfinished rows removed",
                                run.id(),
                                closed.rowsRemoved());
                    case DONE ->
                        log.warn(
                                "Calculation run {} was left running by an Attain that stopped after its results "
                                        + "became current; marked done",
                                run.id());
                    case LEFT_ALONE -> {
                        if (run.instance() == null && !embedded) {
                            log.warn(
                                    "Calculation run {} is marked RUNNING without an instance (started before this version); "
                                            + "left alone because another Attain may still run it",
                                    run.id());
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.error("Could not close calculation run {} left running by a stopped Attain", run.id(), e);
            }
        }
        return out;
    }

    private Closed close(long runId, Integer instance) {
        boolean ownerGone = instance == null ? embedded : InstanceLease.gone(jdbc, instance);
        String status = jdbc.sql("select status from calc_run where id = :id for update")
                .param("id", runId)
                .query(String.class)
                .single();
        if (!ownerGone || !RunStatus.RUNNING.name().equals(status)) {
            return new Closed(runId, Outcome.LEFT_ALONE, 0);
        }
        Timestamp now = Timestamp.from(clock.instant());
        boolean madeCurrent = jdbc.sql(
                        "select exists (select 1 from payee_period_result where run_id = :id and is_current)"
                                // A run whose results all came out unchanged switched nothing but its claim.
                                + " or exists (select 1 from calc_run where id = :id and claimed_payees is not null)")
                .param("id", runId)
                .query(Boolean.class)
                .single();
        if (madeCurrent) {
            jdbc.sql("update calc_run set status = 'DONE', finished_at = :at, error = :e where id = :id")
                    .param("at", now)
                    .param("e", INTERRUPTED_AFTER_CURRENT)
                    .param("id", runId)
                    .update();
            return new Closed(runId, Outcome.DONE, 0);
        }
        // Lines and packs are found in their result's period (the partition key, migration 2027.01.01.10);
        // earnings_line_deals (runs before packing) has no period of its own.
        for (String table : List.of("earnings_line_deal_pack", "earnings_line")) {
            jdbc.sql("delete from " + table + " d using payee_period_result r "
                            + "where d.result_id = r.id and d.period_id = r.period_id and r.run_id = :id"
                            + " and not r.is_current")
                    .param("id", runId)
                    .update();
        }
        jdbc.sql("delete from earnings_line_deals d using payee_period_result r "
                        + "where d.result_id = r.id and r.run_id = :id and not r.is_current")
                .param("id", runId)
                .update();
        int removed = jdbc.sql("delete from payee_period_result where run_id = :id and not is_current")
                .param("id", runId)
                .update();
        jdbc.sql("update calc_run set status = 'FAILED', finished_at = :at, error = :e where id = :id")
                .param("at", now)
                .param("e", INTERRUPTED)
                .param("id", runId)
                .update();
        return new Closed(runId, Outcome.FAILED, removed);
    }
}
