package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
 * A run stores a payee-period's result only when it changed: a result equal to the current one (same
 * content hash: all that is stored and shown) is not stored again, the current one stays and the run stands by it (its claim). Results
 * still only move forward: an older run finishing later never replaces what a newer run found, whether
 * the newer one stored it or found it unchanged.
 */
class RerunsStoreOnlyWhatChangedTest extends AttainIntegrationTest {

    private static final String SOURCE = "stored-once";

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    record Line(String period, int lineNo, long resultId, long holder) {}

    @AfterEach
    void removeTheDeal() {
        jdbc.sql("delete from sales_transaction_version where source = :s")
                .param("s", SOURCE)
                .update();
        if (jdbc.sql("delete from sales_transaction where source = :s")
                        .param("s", SOURCE)
                        .update()
                > 0) {
            // The rep and everyone up the line: the deal rolled up into the managers' results too.
            runs.runFor(
                    Set.copyOf(jdbc.sql("""
                            with recursive up(id) as (select cast(:p as bigint) union
                                select r.manager_id from reporting_line r join up on r.person_id = up.id)
                            select id from up""").param("p", rep()).query(Long.class).list()), "test clean-up", "test");
        }
    }

    @Test
    void aRerunWithNothingChangedStoresNothingAndShowsTheSameDeals() {
        long rep = rep();
        Line before = busiestLine(rep);
        String dealsBefore = deals(rep, before);
        List<String> viewBefore = viewDeals(before.resultId(), before.lineNo());
        List<Long> currentBefore = currentIds(rep);

        CalcRuns.Run rerun = runs.runFor(Set.of(rep), "test", "test");

        assertThat(rerun.status()).isEqualTo(RunStatus.DONE);
        assertThat(rerun.changed()).isZero();
        assertThat(rowsOf(rerun.id())).as("results stored by the rerun").isZero();
        assertThat(claimOf(rerun.id())).containsExactly(rep);
        assertThat(currentIds(rep)).isEqualTo(currentBefore);
        assertThat(deals(rep, busiestLine(rep))).isEqualTo(dealsBefore);
        assertThat(viewDeals(before.resultId(), before.lineNo()))
                .isEqualTo(viewBefore)
                .isNotEmpty();
    }

    @Test
    void aNewDealStoresTheResultsItChangesAndLeavesTheOthersAsTheyWere() {
        long rep = rep();
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var person = jdbc.sql("select external_id, currency from person where id = :p")
                .param("p", rep)
                .query()
                .singleRow();
        String closeDate = jdbc.sql("select starts_on::text from period where id = :q")
                .param("q", quarter)
                .query(String.class)
                .single();
        List<String> untouched = jdbc.sql("""
                select r.period_id || '=' || r.id from payee_period_result r
                where r.person_id = :p and r.is_current
                  and r.period_id not in (select id from period where starts_on <= cast(:d as date) and ends_on >= cast(:d as date))
                order by 1""")
                .param("p", rep)
                .param("d", closeDate)
                .query(String.class)
                .list();

        var posted = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "%s", "records": [{"external_id": "NEW-1", "close_date": "%s", "amount": "12345.00",
                  "currency": "%s", "owner": "%s"}]}""".formatted(
                        SOURCE, closeDate, person.get("currency"), person.get("external_id")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        var quarterResult =
                jdbc.sql("""
                        select id, run_id from payee_period_result
                        where person_id = :p and period_id = :q and is_current""").param("p", rep).param("q", quarter).query().singleRow();
        long run = (Long) quarterResult.get("run_id");
        assertThat(jdbc.sql("""
                        select count(*) from earnings_line_deal where result_id = :r and transaction_id = :t""")
                        .param("r", quarterResult.get("id"))
                        .param("t", SOURCE + ":NEW-1")
                        .query(Long.class)
                        .single())
                .as("the changed quarter is stored with the new deal explained")
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                select r.period_id || '=' || r.id from payee_period_result r
                where r.person_id = :p and r.is_current
                  and r.period_id not in (select id from period where starts_on <= cast(:d as date) and ends_on >= cast(:d as date))
                order by 1""")
                        .param("p", rep)
                        .param("d", closeDate)
                        .query(String.class)
                        .list())
                .as("the periods the deal does not touch keep their results")
                .isEqualTo(untouched);
        assertThat(claimOf(run)).contains(rep);
    }

    @Test
    void anOlderRunFinishingLaterNeverReplacesWhatANewerRunFoundUnchanged() throws Exception {
        long rep = rep();
        String quarter = currentQuarter();
        String before = currentFingerprint(rep, quarter);
        // Run A reads a deal that is gone again when run B starts: B finds the result unchanged (stores
        // nothing) and finishes first; A, older, finishes last with a result from inputs B knew were outdated.
        insertDeal(rep, quarter, "OLD-A");
        CountDownLatch aComputed = new CountDownLatch(1);
        CountDownLatch bDone = new CountDownLatch(1);
        runs.beforeCurrent = runId -> {
            if (Thread.currentThread().getName().equals("run-a")) {
                aComputed.countDown();
                await(bDone);
            }
        };
        ExecutorService a = Executors.newSingleThreadExecutor(r -> new Thread(r, "run-a"));
        try {
            Future<CalcRuns.Run> runA = a.submit(() -> runs.runFor(Set.of(rep), "test A", "test"));
            assertThat(aComputed.await(2, TimeUnit.MINUTES)).isTrue();
            deleteDeals();
            CalcRuns.Run runB = runs.runFor(Set.of(rep), "test B", "test");
            bDone.countDown();
            assertThat(runB.changed()).isZero();
            CalcRuns.Run ranA = runA.get(2, TimeUnit.MINUTES);
            assertThat(ranA.id()).isLessThan(runB.id());
            assertThat(ranA.superseded())
                    .as("B, newer, stands by the result A would replace")
                    .isPositive();
        } finally {
            runs.beforeCurrent = runId -> {};
            a.shutdownNow();
        }
        assertThat(currentFingerprint(rep, quarter)).isEqualTo(before);
    }

    @Test
    void aResultANewerRunFoundUnchangedIsStoredAgainWhenAnOlderRunReplacedItMeanwhile() throws Exception {
        long rep = rep();
        String quarter = currentQuarter();
        String before = currentFingerprint(rep, quarter);
        long beforeId = currentId(rep, quarter);
        // A reads a deal, B does not (gone again); B computes first and waits; A switches its result; then
        // B switches: what B found (the result as before) must be current, as a copy stored for B.
        insertDeal(rep, quarter, "OLD-A");
        CountDownLatch aComputed = new CountDownLatch(1);
        CountDownLatch bComputed = new CountDownLatch(1);
        CountDownLatch aDone = new CountDownLatch(1);
        runs.beforeCurrent = runId -> {
            if (Thread.currentThread().getName().equals("run-a")) {
                aComputed.countDown();
                await(bComputed);
            } else if (Thread.currentThread().getName().equals("run-b")) {
                bComputed.countDown();
                await(aDone);
            }
        };
        ExecutorService a = Executors.newSingleThreadExecutor(r -> new Thread(r, "run-a"));
        ExecutorService b = Executors.newSingleThreadExecutor(r -> new Thread(r, "run-b"));
        try {
            Future<CalcRuns.Run> runA = a.submit(() -> runs.runFor(Set.of(rep), "test A", "test"));
            assertThat(aComputed.await(2, TimeUnit.MINUTES)).isTrue();
            deleteDeals();
            Future<CalcRuns.Run> runB = b.submit(() -> runs.runFor(Set.of(rep), "test B", "test"));
            CalcRuns.Run ranA = runA.get(2, TimeUnit.MINUTES);
            assertThat(ranA.changed()).as("A switched its result first").isPositive();
            aDone.countDown();
            CalcRuns.Run ranB = runB.get(2, TimeUnit.MINUTES);
            assertThat(ranB.id()).isGreaterThan(ranA.id());
            assertThat(ranB.changed()).as("B put back what it found").isPositive();
        } finally {
            runs.beforeCurrent = runId -> {};
            a.shutdownNow();
            b.shutdownNow();
        }
        assertThat(currentFingerprint(rep, quarter)).isEqualTo(before);
        long copy = currentId(rep, quarter);
        assertThat(copy).isNotEqualTo(beforeId);
        assertThat(jdbc.sql("select deals_in from payee_period_result where id = :id")
                        .param("id", copy)
                        .query(Long.class)
                        .single())
                .as("the copy shows the deals of the result it equals")
                .isNotNull();
        Line line = busiestLine(rep);
        assertThat(deals(rep, line)).isNotEqualTo("[]");
    }

    private String currentQuarter() {
        return Json.parse(login("compadmin", "demo")
                        .get("/api/v1/periods/current?kind=QUARTER")
                        .body())
                .get("id")
                .asString();
    }

    private void insertDeal(long rep, String quarter, String externalId) {
        jdbc.sql("""
                insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency)
                select :s, :e, 'DEAL', 'won', :p, q.starts_on, 10000, pe.currency
                from period q, person pe where q.id = :q and pe.id = :p""")
                .param("s", SOURCE)
                .param("e", externalId)
                .param("p", rep)
                .param("q", quarter)
                .update();
    }

    private void deleteDeals() {
        jdbc.sql("delete from sales_transaction_version where source = :s")
                .param("s", SOURCE)
                .update();
        jdbc.sql("delete from sales_transaction where source = :s")
                .param("s", SOURCE)
                .update();
    }

    private String currentFingerprint(long rep, String period) {
        return jdbc.sql(
                        "select fingerprint from payee_period_result where person_id = :p and period_id = :q and is_current")
                .param("p", rep)
                .param("q", period)
                .query(String.class)
                .single();
    }

    private long currentId(long rep, String period) {
        return jdbc.sql("select id from payee_period_result where person_id = :p and period_id = :q and is_current")
                .param("p", rep)
                .param("q", period)
                .query(Long.class)
                .single();
    }

    private List<Long> currentIds(long rep) {
        return jdbc.sql("select id from payee_period_result where person_id = :p and is_current order by period_id")
                .param("p", rep)
                .query(Long.class)
                .list();
    }

    private List<Long> claimOf(long runId) {
        return jdbc.sql("select unnest(claimed_payees) from calc_run where id = :r")
                .param("r", runId)
                .query(Long.class)
                .list();
    }

    private long rowsOf(long runId) {
        return jdbc.sql("select count(*) from payee_period_result where run_id = :r")
                .param("r", runId)
                .query(Long.class)
                .single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the other run did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long rep() {
        return jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
    }

    /** The rep's current line with the most deals, and the result that holds its deals. */
    private Line busiestLine(long rep) {
        return jdbc.sql("""
                select r.period_id as period, l.line_no, r.id as result_id, coalesce(r.deals_in, r.id) as holder
                from payee_period_result r
                join earnings_line l on l.result_id = r.id
                join earnings_line_deal_pack p on p.result_id = coalesce(r.deals_in, r.id) and p.line_no = l.line_no
                where r.person_id = :p and r.is_current
                order by p.deal_count desc, r.period_id, l.line_no limit 1""").param("p", rep).query(Line.class).single();
    }

    /** The line's explained deals as the rep reads them through the API. */
    private String deals(long rep, Line line) {
        var response = login("rep", "demo")
                .get("/api/v1/people/" + rep + "/earnings/lines/" + line.lineNo() + "/deals?period=" + line.period()
                        + "&limit=1000");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body()).get("deals").toString();
    }

    private List<String> viewDeals(long resultId, int lineNo) {
        return jdbc.sql("""
                select transaction_id || ' ' || amount from earnings_line_deal
                where result_id = :r and line_no = :n order by deal_no""")
                .param("r", resultId)
                .param("n", lineNo)
                .query(String.class)
                .list();
    }
}
