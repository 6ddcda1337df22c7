package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.platform.InstanceLease;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs an Attain left RUNNING when it was killed are closed at start-up: failed with their unfinished
 * rows removed, or done when their results had already become current. Runs of a live instance,
 * this one or another sharing the database, are left alone.
 */
class InterruptedRunsTest extends AttainIntegrationTest {

    /** Keys no live instance holds (the lease picks a random one; these stand for killed instances). */
    private static final int GONE = 1_234_567_891;

    private static final int OTHER_LIVE = 1_234_567_892;

    @Autowired
    InterruptedRuns interrupted;

    @Autowired
    InstanceLease lease;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final List<Long> runs = new ArrayList<>();
    private final List<Runnable> undo = new ArrayList<>();

    @AfterEach
    void removeTestRuns() {
        undo.forEach(Runnable::run);
        for (long run : runs) {
            deleteRowsOf(run);
            jdbc.sql("delete from calc_run where id = :id").param("id", run).update();
        }
    }

    @Test
    void runsOfInstancesThatAreGoneAreFailedAndTheirUnfinishedRowsRemovedWhileLiveInstancesKeepTheirs()
            throws SQLException {
        long person = somePayee();
        long gone = runningRun(GONE);
        long withoutKey = runningRun(null);
        long otherLive = runningRun(OTHER_LIVE);
        long ours = runningRun(lease.key());
        for (long run : List.of(gone, withoutKey, otherLive, ours)) {
            copyCurrentResults(person, run, null);
        }
        int written = rows(gone);
        assertThat(written).isPositive();

        List<InterruptedRuns.Closed> closed;
        try (Connection otherInstance = dataSource.getConnection()) {
            hold(otherInstance, "pg_advisory_lock_shared", OTHER_LIVE);
            try {
                closed = interrupted.recover();
            } finally {
                hold(otherInstance, "pg_advisory_unlock_shared", OTHER_LIVE);
            }
        }

        assertThat(closed)
                .extracting(InterruptedRuns.Closed::runId, InterruptedRuns.Closed::outcome)
                .contains(
                        tuple(gone, InterruptedRuns.Outcome.FAILED),
                        tuple(withoutKey, InterruptedRuns.Outcome.FAILED),
                        tuple(otherLive, InterruptedRuns.Outcome.LEFT_ALONE));
        assertThat(closed).extracting(InterruptedRuns.Closed::runId).doesNotContain(ours);
        for (long run : List.of(gone, withoutKey)) {
            assertThat(statusOf(run))
                    .containsEntry("status", "FAILED")
                    .containsEntry("error", InterruptedRuns.INTERRUPTED);
            assertThat(statusOf(run).get("finished_at")).isNotNull();
            assertThat(rows(run))
                    .as("results, lines and explained deals of run %d", run)
                    .isZero();
        }
        for (long run : List.of(otherLive, ours)) {
            assertThat(statusOf(run)).containsEntry("status", "RUNNING");
            assertThat(rows(run)).isEqualTo(written);
        }
        assertThat(jdbc.sql("select count(*) from payee_period_result where person_id = :p and is_current")
                        .param("p", person)
                        .query(Long.class)
                        .single())
                .as("what was current stays current")
                .isPositive();
    }

    @Test
    void aRunKilledAfterItsResultsBecameCurrentIsDoneAndKeepsThem() {
        long person = somePayee();
        long run = runningRun(GONE);
        String period = jdbc.sql("select min(period_id) from payee_period_result where person_id = :p and is_current")
                .param("p", person)
                .query(String.class)
                .single();
        copyCurrentResults(person, run, period);
        long previous = jdbc.sql(
                        "select id from payee_period_result where person_id = :p and period_id = :q and is_current")
                .param("p", person)
                .param("q", period)
                .query(Long.class)
                .single();
        long copy = jdbc.sql("select id from payee_period_result where run_id = :r")
                .param("r", run)
                .query(Long.class)
                .single();
        makeCurrent(previous, copy);
        undo.add(() -> makeCurrent(copy, previous));

        assertThat(interrupted.recover())
                .extracting(InterruptedRuns.Closed::runId, InterruptedRuns.Closed::outcome)
                .contains(tuple(run, InterruptedRuns.Outcome.DONE));
        assertThat(statusOf(run))
                .containsEntry("status", "DONE")
                .containsEntry("error", InterruptedRuns.INTERRUPTED_AFTER_CURRENT);
        assertThat(jdbc.sql("select is_current from payee_period_result where id = :id")
                        .param("id", copy)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void theRunPageGivesTheReasonInTheReadersLanguage() {
        long run = runningRun(GONE);
        interrupted.recover();
        WebSession admin = login("compadmin", "demo");
        assertThat(admin.get("/runs/" + run, Map.of("Accept-Language", "en")).body())
                .contains("Interrupted: Attain stopped (a restart or a crash) before this run finished.");
        assertThat(admin.get("/runs/" + run, Map.of("Accept-Language", "de")).body())
                .contains("Unterbrochen: Attain wurde beendet (Neustart oder Absturz), bevor dieser Lauf fertig war.");
    }

    private long somePayee() {
        long rep = jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
        return jdbc.sql("""
                select person_id from payee_period_result r
                where is_current and person_id <> :rep
                  and exists (select 1 from earnings_line l join earnings_line_deal_pack p using (result_id, line_no)
                              where l.result_id = r.id)
                order by person_id limit 1""").param("rep", rep).query(Long.class).single();
    }

    private long runningRun(Integer instance) {
        long id = jdbc.sql("""
                insert into calc_run(kind, status, trigger, started_by, started_at, periods, instance_key)
                values ('FULL', 'RUNNING', 'test', 'test', now(), '{}', :k) returning id""").param("k", instance).query(Long.class).single();
        runs.add(id);
        return id;
    }

    /** What a run writes before it switches: copies of a payee's current results, lines and packed deals, not current. */
    private void copyCurrentResults(long person, long run, String onlyPeriod) {
        List<Long> current = jdbc.sql("select id from payee_period_result where person_id = :p and is_current "
                        + "and (cast(:q as text) is null or period_id = :q) order by id")
                .param("p", person)
                .param("q", onlyPeriod)
                .query(Long.class)
                .list();
        for (long old : current) {
            long copy = jdbc.sql("""
                    insert into payee_period_result(run_id, person_id, period_id, currency, earnings, payout, quota, attainment,
                                                    measures, ledger, fingerprint, is_current)
                    select :run, person_id, period_id, currency, earnings, payout, quota, attainment, measures, ledger,
                           fingerprint, false
                    from payee_period_result where id = :old returning id""")
                    .param("run", run)
                    .param("old", old)
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                    insert into earnings_line(result_id, line_no, component, kind, plan_key, amount, uncapped, for_period,
                                              qualifying, qualifying_in_pack, trace, period_id)
                    select :copy, line_no, component, kind, plan_key, amount, uncapped, for_period, qualifying,
                           qualifying_in_pack, trace, period_id
                    from earnings_line where result_id = :old""").param("copy", copy).param("old", old).update();
            jdbc.sql("""
                    insert into earnings_line_deal_pack(result_id, line_no, deal_count, deals, period_id)
                    select :copy, line_no, deal_count, deals, period_id from earnings_line_deal_pack where result_id = :old""").param("copy", copy).param("old", old).update();
        }
    }

    private void makeCurrent(long from, long to) {
        jdbc.sql("update payee_period_result set is_current = false where id = :id")
                .param("id", from)
                .update();
        jdbc.sql("update payee_period_result set is_current = true where id = :id")
                .param("id", to)
                .update();
    }

    /** Results, earnings lines and packed deals written by the run. */
    private int rows(long run) {
        return jdbc.sql("""
                select (select count(*) from payee_period_result where run_id = :r)
                     + (select count(*) from earnings_line l join payee_period_result r on r.id = l.result_id where r.run_id = :r)
                     + (select count(*) from earnings_line_deal_pack p join payee_period_result r on r.id = p.result_id
                        where r.run_id = :r)""").param("r", run).query(Integer.class).single();
    }

    private void deleteRowsOf(long run) {
        jdbc.sql(
                        "delete from earnings_line_deal_pack p using payee_period_result r where p.result_id = r.id and r.run_id = :r")
                .param("r", run)
                .update();
        jdbc.sql("delete from earnings_line l using payee_period_result r where l.result_id = r.id and r.run_id = :r")
                .param("r", run)
                .update();
        jdbc.sql("delete from payee_period_result where run_id = :r")
                .param("r", run)
                .update();
    }

    private Map<String, Object> statusOf(long run) {
        return jdbc.sql("select status, error, finished_at from calc_run where id = :id")
                .param("id", run)
                .query()
                .singleRow();
    }

    private static void hold(Connection c, String function, int key) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("select " + function + "(7362, " + key + ")");
        }
    }
}
