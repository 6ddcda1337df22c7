package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A rerun stores the explained deals of a payee-period only when its result changed: an equal result
 * (same fingerprint as the current one) gets its own result row and lines, and points at the deals
 * already stored. What a statement, the deals API and the SQL views show is the same either way.
 */
class ExplainedDealsStoredOnceTest extends AttainIntegrationTest {

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
    void aRerunWithNothingChangedPointsAtTheDealsStoredAndShowsThemAlike() {
        long rep = rep();
        Line before = busiestLine(rep);
        String dealsBefore = deals(rep, before);
        List<String> viewBefore = viewDeals(before.resultId(), before.lineNo());

        CalcRuns.Run rerun = runs.runFor(Set.of(rep), "test", "test");

        assertThat(rerun.status()).isEqualTo(RunStatus.DONE);
        assertThat(rerun.changed()).isZero();
        assertThat(packsStoredBy(rerun.id())).as("deals packed by the rerun").isZero();
        Line after = busiestLine(rep);
        assertThat(after.resultId()).as("the rerun's own result is current").isNotEqualTo(before.resultId());
        assertThat(after.holder()).as("it points at the deals stored before").isEqualTo(before.holder());
        assertThat(deals(rep, after)).isEqualTo(dealsBefore);
        assertThat(viewDeals(after.resultId(), after.lineNo()))
                .isEqualTo(viewBefore)
                .isNotEmpty();
        assertThat(jdbc.sql("""
                        select count(*) from earnings_line_qualifying q join payee_period_result r on r.id = q.result_id
                        where r.run_id = :run and cardinality(q.qualifying) > 0""").param("run", rerun.id()).query(Long.class).single())
                .as("qualifying ids read through the shared deals")
                .isPositive();
    }

    @Test
    void aChangedResultStoresItsOwnDealsWhileTheUnchangedPeriodsKeepPointing() {
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

        var posted = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "%s", "records": [{"external_id": "NEW-1", "close_date": "%s", "amount": "12345.00",
                  "currency": "%s", "owner": "%s"}]}""".formatted(
                        SOURCE, closeDate, person.get("currency"), person.get("external_id")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        long newRun = jdbc.sql("select max(run_id) from payee_period_result where person_id = :p and is_current")
                .param("p", rep)
                .query(Long.class)
                .single();
        var quarterResult =
                jdbc.sql("""
                        select id, deals_in from payee_period_result
                        where person_id = :p and period_id = :q and is_current""").param("p", rep).param("q", quarter).query().singleRow();
        assertThat(quarterResult.get("deals_in"))
                .as("the changed quarter stores its own deals")
                .isNull();
        assertThat(jdbc.sql("""
                        select count(*) from earnings_line_deal where result_id = :r and transaction_id = :t""")
                        .param("r", quarterResult.get("id"))
                        .param("t", SOURCE + ":NEW-1")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from payee_period_result
                        where run_id = :run and deals_in is null
                          and period_id not in (select id from period where starts_on <= cast(:d as date) and ends_on >= cast(:d as date))
                          and exists (select 1 from earnings_line_deal_pack p where p.result_id = payee_period_result.id)""")
                        .param("run", newRun)
                        .param("d", closeDate)
                        .query(Long.class)
                        .single())
                .as("the run's periods that did not change store no deals again")
                .isZero();
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

    private long packsStoredBy(long runId) {
        return jdbc.sql("""
                select count(*) from earnings_line_deal_pack p join payee_period_result r on r.id = p.result_id
                where r.run_id = :run""").param("run", runId).query(Long.class).single();
    }
}
