package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deals posted while full runs go end up on their owners' statements whichever run finishes last: a
 * run started earlier never puts its older result back over a newer run's. Every current result
 * afterwards equals a fresh calculation.
 */
class ResultsOnlyMoveForwardTest extends AttainIntegrationTest {

    private static final int ROUNDS = 6;
    private static final String SOURCE = "race";

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    record Rep(long id, String externalId, String currency) {}

    @AfterEach
    void removeTheDealsAndRecalculate() {
        runs.beforeCurrent = runId -> {};
        List<Long> owners = jdbc.sql("select distinct owner_id from sales_transaction where source = :s")
                .param("s", SOURCE)
                .query(Long.class)
                .list();
        jdbc.sql("delete from sales_transaction_version where source = :s")
                .param("s", SOURCE)
                .update();
        jdbc.sql("delete from sales_transaction where source = :s")
                .param("s", SOURCE)
                .update();
        if (!owners.isEmpty()) {
            runs.runFull("test clean-up", "test");
        }
    }

    @Test
    void aDealPostedWhileAFullRunGoesIsOnTheStatementWhicheverRunFinishesLast() throws Exception {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        String closeDate = jdbc.sql("select starts_on::text from period where id = :q")
                .param("q", quarter)
                .query(String.class)
                .single();
        List<Rep> reps = jdbc.sql("""
                select p.id, p.external_id, p.currency from person p
                where p.role_type = 'REP' and exists (
                    select 1 from plan_assignment a where a.person_id = p.id and a.valid_from <= cast(:d as date)
                      and (a.valid_until is null or a.valid_until > cast(:d as date)))
                  and p.external_id ~ '^P[0-9]{5}$' -- the demo company's reps: other tests' people carry special plans
                order by p.id desc limit 3""").param("d", closeDate).query(Rep.class).list();
        assertThat(reps).hasSize(3);

        ExecutorService fullRuns = Executors.newSingleThreadExecutor(r -> new Thread(r, "race-full-run"));
        int heldRoundsSuperseded = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Rep rep = reps.get(round % reps.size());
                String externalId = "RACE-" + round;
                // Even rounds hold the full run after it has computed everything and before it switches to
                // current, until the deal's own run is done: the full run surely finishes last. Odd rounds
                // let both go as they will.
                boolean held = round % 2 == 0;
                CountDownLatch computed = new CountDownLatch(1);
                CountDownLatch dealDone = new CountDownLatch(1);
                runs.beforeCurrent = runId -> {
                    if (held && Thread.currentThread().getName().equals("race-full-run")) {
                        computed.countDown();
                        await(dealDone);
                    }
                };
                Future<CalcRuns.Run> full = fullRuns.submit(() -> runs.runFull("race test", "test"));
                while (held && !computed.await(1, TimeUnit.SECONDS) && !full.isDone()) {
                    // the full run is still computing
                }
                var posted = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                        {"source": "%s", "records": [{"external_id": "%s", "close_date": "%s", "amount": "%d.00",
                          "currency": "%s", "owner": "%s"}]}""".formatted(
                                SOURCE, externalId, closeDate, 50_000 + round, rep.currency(), rep.externalId()));
                dealDone.countDown();
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
                CalcRuns.Run fullRun = full.get(10, TimeUnit.MINUTES);
                assertThat(fullRun.status()).as(fullRun.error()).isEqualTo(RunStatus.DONE);
                assertThat(onCurrentStatement(rep.id(), SOURCE + ":" + externalId))
                        .as("round %d: %s on the current statement of %s", round, externalId, rep.externalId())
                        .isTrue();
                if (held) {
                    assertThat(fullRun.superseded())
                            .as("the deal's run was newer than the held full run")
                            .isPositive();
                    heldRoundsSuperseded++;
                }
                Set<Long> affected = new TreeSet<>(
                        jdbc.sql("""
                        with recursive up(id) as (select cast(:p as bigint) union
                            select r.manager_id from reporting_line r join up on r.person_id = up.id)
                        select id from up""").param("p", rep.id()).query(Long.class).list());
                List<CalcRunsTest.Fingerprint> before = current(affected);
                CalcRuns.Run fresh = runs.runFor(affected, "race check", "test");
                assertThat(fresh.changed())
                        .as("round %d: a fresh calculation of %s changes nothing", round, affected)
                        .isZero();
                assertThat(current(affected)).containsExactlyElementsOf(before);
            }
        } finally {
            fullRuns.shutdownNow();
        }
        assertThat(heldRoundsSuperseded).isEqualTo((ROUNDS + 1) / 2);
        CalcRuns.Run everyone = runs.runFull("race check", "test");
        assertThat(everyone.changed())
                .as("every current result equals a fresh full calculation")
                .isZero();
    }

    private boolean onCurrentStatement(long person, String transactionId) {
        return jdbc.sql("""
                select exists (select 1 from payee_period_result r join earnings_line_qualifying q on q.result_id = r.id
                               where r.is_current and r.person_id = :p and :t = any(q.qualifying))""")
                .param("p", person)
                .param("t", transactionId)
                .query(Boolean.class)
                .single();
    }

    private List<CalcRunsTest.Fingerprint> current(Set<Long> people) {
        return jdbc.sql("""
                select person_id, period_id, fingerprint from payee_period_result
                where is_current and person_id = any(:p) order by person_id, period_id""")
                .param("p", people.toArray(Long[]::new))
                .query(CalcRunsTest.Fingerprint.class)
                .list();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the other side of the race never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
