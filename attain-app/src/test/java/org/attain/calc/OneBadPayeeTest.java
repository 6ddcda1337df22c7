package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * One payee's absurd inputs never stop a run: that payee is left out and listed with the reason (API
 * and run page, English and German), keeps their previous results, and everyone else's results are
 * from the run, which ends DONE. Values that are large but legitimate (attainment over a tiny quota,
 * a transaction id full of quotes and commas) are stored as they are.
 */
class OneBadPayeeTest extends AttainIntegrationTest {

    private static final String SOURCE = "absurd";
    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFullRunLeavesOutThePayeeWithAbsurdAmountsAndCalculatesEveryoneElse() {
        long bad = jdbc.sql("""
                select p.id from person p where p.role_type = 'REP' and exists (
                    select 1 from reporting_line r where r.person_id = p.id and r.valid_until is null)
                  and exists (select 1 from payee_period_result r where r.person_id = p.id and r.is_current)
                order by p.id limit 1""").query(Long.class).single();
        Set<Long> upTheLine =
                new TreeSet<>(jdbc.sql("""
                with recursive up(id) as (select manager_id from reporting_line where person_id = :p
                    union select r.manager_id from reporting_line r join up on r.person_id = up.id)
                select id from up""").param("p", bad).query(Long.class).list());
        // Pod mates are paid on the same deals through pod credit.
        upTheLine.addAll(jdbc.sql("""
                select distinct o.person_id from team_membership m join team_membership o on o.team_id = m.team_id
                where m.person_id = :p and o.person_id <> :p""").param("p", bad).query(Long.class).list());
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        // Other tests leave odd data in the shared database; whoever a run leaves out before the absurd
        // deals arrive is not this test's business.
        Set<Long> leftOutAlready = new TreeSet<>();
        Json.parse(compAdmin.sendJson("POST", "/api/v1/calc/runs", null).body())
                .get("failedPayees")
                .forEach(f -> leftOutAlready.add(f.get("personId").asLong()));
        long currentBefore = currentRun(bad);
        // Straight into the table, past every entry check: 200 deals of the largest amount numeric(19,4) holds.
        jdbc.sql("""
                insert into sales_transaction (source, external_id, kind, status, owner_id, close_date, amount, currency)
                select :s, 'ABSURD-' || n, 'DEAL', 'won', :p, q.starts_on, 999999999999999.9999, pe.currency
                from generate_series(1, 200) n, period q, person pe where q.id = :q and pe.id = :p""").param("s", SOURCE).param("p", bad).param("q", quarter).update();
        try {
            var started = compAdmin.sendJson("POST", "/api/v1/calc/runs", null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            JsonNode run = Json.parse(started.body());
            assertThat(run.get("status").asString()).isEqualTo("DONE");
            long runId = run.get("id").asLong();

            JsonNode failed = run.get("failedPayees");
            Set<Long> left = new TreeSet<>();
            failed.forEach(f -> left.add(f.get("personId").asLong()));
            assertThat(left).contains(bad);
            // The payee's managers (roll-up credit) and pod mates (pod credit) are paid on the same deals: they may be
            // left out too, nobody else.
            assertThat(left).allMatch(p -> p == bad || upTheLine.contains(p) || leftOutAlready.contains(p));
            JsonNode mine = null;
            for (JsonNode f : failed) {
                if (f.get("personId").asLong() == bad) {
                    mine = f;
                }
            }
            assertThat(mine.get("reason").asString()).startsWith("runs.failed.tooLarge.");
            assertThat(mine.get("message").asString())
                    .contains("more than a result can hold")
                    .doesNotContain("runs.failed");
            assertThat(mine.get("name").asString()).isNotBlank();

            assertThat(currentRun(bad))
                    .as("the left-out payee keeps the results they had")
                    .isEqualTo(currentBefore);
            assertThat(jdbc.sql("select count(*) from payee_period_result where run_id = :r and person_id = any(:p)")
                            .param("r", runId)
                            .param("p", left.toArray(Long[]::new))
                            .query(Long.class)
                            .single())
                    .isZero();
            // Everyone else's results are the run's: it stored those that changed and stands by the rest
            // (calc_run.claimed_payees); the left-out payees are not among them.
            List<Long> claimed = jdbc.sql("select unnest(claimed_payees) from calc_run where id = :r")
                    .param("r", runId)
                    .query(Long.class)
                    .list();
            assertThat(claimed).doesNotContainAnyElementsOf(left);
            assertThat(claimed)
                    .as("everyone else's open results are from the run")
                    .hasSize(run.get("total").asInt() - left.size());
            assertThat(run.get("total").asInt() - left.size()).isGreaterThan(10);

            JsonNode german = Json.parse(
                    compAdmin.get("/api/v1/calc/runs/" + runId + "?lang=de").body());
            assertThat(german.get("failedPayees").get(0).get("message").asString())
                    .contains("mehr als ein Ergebnis fassen kann");
            String page = compAdmin.get("/runs/" + runId + "?lang=en").body();
            assertThat(page)
                    .contains("data-test=\"run-failed-payees\"")
                    .contains(mine.get("name").asString())
                    .contains("more than a result can hold");
            assertThat(compAdmin.get("/runs?lang=en").body()).contains(left.size() + " left out");
        } finally {
            jdbc.sql("delete from sales_transaction where source = :s")
                    .param("s", SOURCE)
                    .update();
        }
        CalcRuns.Run after = runs.runFull("test clean-up", "test");
        assertThat(after.failedPayees()).isEmpty();
        // Without the absurd deals the payee's results are the ones they kept: the clean-up run stands by them.
        assertThat(jdbc.sql("select :p = any(claimed_payees) from calc_run where id = :r")
                        .param("p", bad)
                        .param("r", after.id())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aPayeeWhoseInputsBreakTheEngineIsLeftOutAndEveryoneElseIsCalculated() {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        record Quota(long id, long personId, String currency) {}
        Quota quota = jdbc.sql("""
                select q.id, q.person_id, q.currency from quota q join person p on p.id = q.person_id
                where q.period_id = :q and p.role_type = 'REP' order by q.person_id limit 1""").param("q", quarter).query(Quota.class).single();
        List<String> months =
                jdbc.sql("""
                select m.id from period m join period q on q.id = :q
                where m.kind = 'MONTH' and m.starts_on between q.starts_on and q.ends_on order by m.starts_on""").param("q", quarter).query(String.class).list();
        // Written past the quota screens: the quarter's quota as two month quotas in two currencies,
        // which the engine cannot add up.
        jdbc.sql("update quota set period_id = :m, currency = 'EUR' where id = :id")
                .param("m", months.get(0))
                .param("id", quota.id())
                .update();
        jdbc.sql("""
                insert into quota (person_id, period_id, measure, amount, currency, prorate)
                select person_id, :m, measure, amount, :c, prorate from quota where id = :id""")
                .param("m", months.get(1))
                .param("c", "EUR".equals(quota.currency()) ? "USD" : quota.currency())
                .param("id", quota.id())
                .update();
        try {
            CalcRuns.Run run = runs.runFull("test", "test");
            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.DONE);
            assertThat(run.failedPayees())
                    .extracting(CalcRuns.FailedPayee::personId)
                    .containsExactly(quota.personId());
            assertThat(run.failedPayees().get(0).reason()).isEqualTo("runs.failed.engine");
            assertThat(run.failedPayees().get(0).message()).contains("currency mismatch");
            assertThat(run.done()).isEqualTo(run.total());
            assertThat(jdbc.sql("select cardinality(claimed_payees) from calc_run where id = :r")
                            .param("r", run.id())
                            .query(Long.class)
                            .single())
                    .as("everyone but the failing payee computed (stored where changed)")
                    .isEqualTo(run.total() - 1L);
        } finally {
            jdbc.sql("delete from quota where person_id = :p and period_id = :m")
                    .param("p", quota.personId())
                    .param("m", months.get(1))
                    .update();
            jdbc.sql("update quota set period_id = :q, currency = :c where id = :id")
                    .param("q", quarter)
                    .param("c", quota.currency())
                    .param("id", quota.id())
                    .update();
            runs.runFor(Set.of(quota.personId()), "test clean-up", "test");
        }
    }

    @Test
    void attainmentOverATinyQuotaIsStoredNotOverflowed() {
        long rep = jdbc.sql("select person_id from app_user where username = 'rep'")
                .query(Long.class)
                .single();
        record Quota(String periodId, String measure, BigDecimal amount, boolean prorate) {}
        Quota quota = jdbc.sql("""
                select q.period_id, q.measure, q.amount, q.prorate from quota q
                join payee_period_result r on r.person_id = q.person_id and r.period_id = q.period_id and r.is_current
                join period p on p.id = q.period_id and p.status = 'OPEN'
                where q.person_id = :p and r.quota = q.amount and r.attainment is not null
                order by r.attainment * r.quota desc limit 1""").param("p", rep).query(Quota.class).single();
        // Not prorated: a prorated quota is rounded to cents, and 0.00 has no attainment at all.
        String set =
                "update quota set amount = :a, prorate = :pr where person_id = :p and period_id = :q and measure = :m";
        jdbc.sql(set)
                .param("a", new BigDecimal("0.0001"))
                .param("pr", false)
                .param("p", rep)
                .param("q", quota.periodId())
                .param("m", quota.measure())
                .update();
        try {
            CalcRuns.Run run = runs.runFor(Set.of(rep), "test", "test");
            assertThat(run.status()).isEqualTo(RunStatus.DONE);
            assertThat(run.failedPayees()).isEmpty();
            BigDecimal attainment = jdbc.sql("""
                    select attainment from payee_period_result where person_id = :p and period_id = :q and is_current""")
                    .param("p", rep)
                    .param("q", quota.periodId())
                    .query(BigDecimal.class)
                    .single();
            // Bookings of ordinary size (over 100,000) over a quota of 0.0001: beyond the 10^9 numeric(19,10) held.
            assertThat(attainment).isGreaterThan(new BigDecimal("1E9"));
        } finally {
            jdbc.sql(set)
                    .param("a", quota.amount())
                    .param("pr", quota.prorate())
                    .param("p", rep)
                    .param("q", quota.periodId())
                    .param("m", quota.measure())
                    .update();
            runs.runFor(Set.of(rep), "test clean-up", "test");
        }
    }

    @Test
    void aTransactionIdWithQuotesAndCommasIsStoredWhole() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        String day = jdbc.sql("select starts_on::text from period where id = :q")
                .param("q", quarter)
                .query(String.class)
                .single();
        String id = "=HYPERLINK(\"http://x\",\"tx\"),y {z} \\ 'q'";
        String body = JSON.writeValueAsString(java.util.Map.of(
                "source",
                SOURCE,
                "records",
                List.of(java.util.Map.of(
                        "external_id",
                        id,
                        "close_date",
                        day,
                        "amount",
                        "1000.00",
                        "currency",
                        me.get("currency").asString(),
                        "owner",
                        me.get("externalId").asString()))));
        try {
            var posted = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", body);
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            CalcRuns.Run run = runs.runFull("test", "test");
            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.DONE);
            assertThat(run.failedPayees()).isEmpty();
            List<String> listed = jdbc.sql("""
                    select distinct t from payee_period_result r join earnings_line_qualifying q on q.result_id = r.id,
                         unnest(q.qualifying) t
                    where r.is_current and t like :prefix""")
                    .param("prefix", SOURCE + ":%")
                    .query(String.class)
                    .list();
            assertThat(listed).containsExactly(SOURCE + ":" + id);
        } finally {
            jdbc.sql("delete from sales_transaction_version where source = :s")
                    .param("s", SOURCE)
                    .update();
            jdbc.sql("delete from sales_transaction where source = :s")
                    .param("s", SOURCE)
                    .update();
            runs.runFull("test clean-up", "test");
        }
    }

    private long currentRun(long person) {
        return jdbc.sql("select max(run_id) from payee_period_result where person_id = :p and is_current")
                .param("p", person)
                .query(Long.class)
                .single();
    }
}
