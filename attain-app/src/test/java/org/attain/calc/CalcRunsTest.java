package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Runs are reproducible and atomic: a rerun changes nothing, one payee alone equals the full run. */
class CalcRunsTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    record Fingerprint(long personId, String periodId, String fingerprint) {}

    @Test
    void rerunningTheSameInputsChangesNothing() {
        List<Fingerprint> before = current();
        CalcRuns.Run rerun = runs.runFull("test", "test");
        assertThat(rerun.status()).isEqualTo(RunStatus.DONE);
        assertThat(rerun.changed()).isZero();
        assertThat(current()).containsExactlyElementsOf(before);
    }

    @Test
    void aFullRunInSmallChunksFromTheTransactionStoreGivesTheSameNumbers() {
        List<Fingerprint> before = current();
        // Chunks of 3 payees: many chunks on two threads, each indexing only its own transactions
        // against the run's context prepared once, read from the in-memory store.
        System.setProperty("attain.calc.chunk", "3");
        CalcRuns.Run chunked;
        try {
            chunked = runs.runFull("test", "test");
        } finally {
            System.clearProperty("attain.calc.chunk");
        }
        assertThat(chunked.status()).isEqualTo(RunStatus.DONE);
        assertThat(chunked.total()).isGreaterThan(6);
        assertThat(chunked.changed()).isZero();
        assertThat(current()).containsExactlyElementsOf(before);
    }

    @Test
    void anIncrementalRunForOnePayeeGivesTheFullRunsNumbers() {
        long rep = jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
        List<Fingerprint> before =
                current().stream().filter(f -> f.personId() == rep).toList();
        CalcRuns.Run run = runs.runFor(Set.of(rep), "test", "test");
        assertThat(run.total()).isEqualTo(1);
        assertThat(run.changed()).isZero();
        assertThat(current().stream().filter(f -> f.personId() == rep).toList()).isEqualTo(before);
        // The run stands by the rep's results over all its periods: nothing changed, so it stored none again.
        assertThat(jdbc.sql("select unnest(claimed_payees) from calc_run where id = :r")
                        .param("r", run.id())
                        .query(Long.class)
                        .list())
                .containsExactly(rep);
        assertThat(jdbc.sql("select count(*) from payee_period_result where run_id = :r")
                        .param("r", run.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRunRecordsItsExclusionsAndOnlyTheBackOfficeStartsOne() {
        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/calc/runs", null)
                        .statusCode())
                .isEqualTo(403);
        var started = login("compadmin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/calc/runs?person="
                                + jdbc.sql("select person_id from app_user where username = 'rep'")
                                        .query(Long.class)
                                        .single(),
                        null);
        assertThat(started.statusCode()).isEqualTo(201);
        JsonNode run = Json.parse(started.body());
        assertThat(run.get("status").asString()).isEqualTo("DONE");
        assertThat(run.get("done").asInt()).isEqualTo(run.get("total").asInt());
    }

    @Test
    void everyEarningsLineOfARepTracesBackToItsDeals() {
        long rep = jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
        List<String> qualifying =
                jdbc.sql("""
                select unnest(q.qualifying) from earnings_line l join payee_period_result r on r.id = l.result_id
                join earnings_line_qualifying q on q.result_id = l.result_id and q.line_no = l.line_no
                where r.person_id = :p and r.is_current and l.component = 'commission'""").param("p", rep).query(String.class).list();
        assertThat(qualifying).isNotEmpty();
        long known = jdbc.sql("""
                select count(*) from sales_transaction
                where (case when source = 'attain' then external_id else source || ':' || external_id end) = any(:ids)
                  and (owner_id = :p or splits is not null)""")
                .param("ids", qualifying.toArray(String[]::new))
                .param("p", rep)
                .query(Long.class)
                .single();
        assertThat(known).isEqualTo(qualifying.stream().distinct().count());
    }

    private List<Fingerprint> current() {
        return jdbc.sql(
                        "select person_id, period_id, fingerprint from payee_period_result where is_current order by person_id, period_id")
                .query(Fingerprint.class)
                .list();
    }
}
