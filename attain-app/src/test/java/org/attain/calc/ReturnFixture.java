package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The demo rep's latest won deal of a past open quarter, that quarter closed, and a return of the whole deal
 * recorded today through the bulk API ({@code kind: return, refers_to}): made once per app, shared by the tests.
 */
record ReturnFixture(
        long rep,
        String deal,
        String dealPeriod,
        String returnId,
        String paidIn,
        JsonNode before,
        JsonNode closedBefore) {

    static final String PREFIX = "RET-";

    private static ReturnFixture made;

    record Deal(String externalId, String period, String currency, BigDecimal amount) {}

    static synchronized ReturnFixture make(JdbcClient jdbc, CalcRuns runs, WebSession compAdmin, LocalDate today) {
        if (made != null) {
            return made;
        }
        long rep = repId(jdbc);
        String current = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        Deal deal = jdbc.sql("""
                select t.external_id, q.id as period, t.currency, t.amount
                from sales_transaction t join period q on q.kind = 'QUARTER' and t.close_date between q.starts_on and q.ends_on
                where t.owner_id = :rep and t.source = 'attain' and t.status = 'won' and t.splits is null and t.kind = 'DEAL'
                  and t.amount > 0 and q.ends_on < (select starts_on from period where id = :current) and q.status = 'OPEN'
                order by t.close_date desc, t.external_id limit 1""")
                .param("rep", rep)
                .param("current", current)
                .query(Deal.class)
                .single();
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + deal.period() + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        String paidIn = jdbc.sql("select id from period where kind = 'QUARTER' and :d between starts_on and ends_on")
                .param("d", today)
                .query(String.class)
                .single();
        assertThat(runs.runFor(java.util.Set.of(rep), "return test", "test").status())
                .isEqualTo(RunStatus.DONE);
        JsonNode before = statement(compAdmin, rep, paidIn);
        JsonNode closedBefore = statement(compAdmin, rep, deal.period());
        String returnId = PREFIX + deal.externalId();
        var answer = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [{"external_id": "%s", "kind": "return", "refers_to": "%s",
                  "close_date": "%s", "amount": "%s", "currency": "%s", "owner": "%s"}]}""".formatted(
                        returnId,
                        deal.externalId(),
                        today,
                        deal.amount().negate().toPlainString(),
                        deal.currency(),
                        employeeId(jdbc, rep)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(Json.parse(answer.body()).get("accepted").asLong())
                .as(answer.body())
                .isEqualTo(1);
        // A run that started before the import (the demo's first full run) must not be what the tests read.
        assertThat(runs.runFor(java.util.Set.of(rep), "return test", "test").status())
                .isEqualTo(RunStatus.DONE);
        made = new ReturnFixture(rep, deal.externalId(), deal.period(), returnId, paidIn, before, closedBefore);
        return made;
    }

    static long repId(JdbcClient jdbc) {
        return jdbc.sql("select u.person_id from app_user u where u.username = 'rep'")
                .query(Long.class)
                .single();
    }

    static String employeeId(JdbcClient jdbc, long person) {
        return jdbc.sql("select external_id from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();
    }

    static JsonNode statement(WebSession s, long person, String period) {
        return Json.parse(
                s.get("/api/v1/people/" + person + "/earnings?period=" + period).body());
    }

    /** The statement's line of the return's clawback, or null. */
    static JsonNode clawback(JsonNode statement, String returnId) {
        for (JsonNode line : statement.get("lines")) {
            if ("return_clawback".equals(line.get("kind").asString())
                    && line.get("qualifying").toString().contains("\"" + returnId + "\"")) {
                return line;
            }
        }
        return null;
    }
}
