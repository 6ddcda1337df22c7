package org.attain.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin pays a new rep on a curve of shares of their target incentive: without one the line pays 0 and the
 * run names the person; imported (bulk API) and then edited on the page, it pays the share, and the statement
 * shows OTE, pay mix and earned vs target incentive.
 */
class TargetIncentivesTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aShareOfTheImportedThenEditedTargetIncentiveIsPaidAndTheStatementShowsOteAndPayMix()
            throws InterruptedException {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        JsonNode quarter =
                Json.parse(compAdmin.get("/api/v1/periods/current?kind=QUARTER").body());
        String q = quarter.get("id").asString();
        String start = quarter.get("startsOn").asString();
        JsonNode rep = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        long teamManager = jdbc.sql("""
                        select rl.manager_id from org_reporting_line_v rl join app_user u on u.person_id = rl.person_id
                        where u.username = 'rep' and rl.valid_until is null""").query(Long.class).single();

        var published = compAdmin.sendYaml("/api/v1/plans?confirm=true", """
                id: ote-test-%s
                name: OTE test
                currency: USD
                frequency: quarter
                components:
                  - id: variable
                    kind: curve
                    pays: share_of_target_incentive
                    threshold: "0.50"
                    points: [{at: "0.50", share: "0.25"}, {at: "1.00", share: "1.00"}, {at: "1.50", share: "2.00"}]
                    above_last: hold
                """.formatted(n));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long hire = Json.parse(compAdmin
                        .sendJson("POST", "/api/v1/people", """
                {"externalId": "OTE-%s", "firstName": "Otto", "lastName": "Target", "email": "otto.%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "teamId": %d, "managerId": %d, "employmentStart": "%s",
                 "currency": "USD"}""".formatted(
                                        n, n, rep.get("teamId").asLong(), teamManager, start))
                        .body())
                .get("id")
                .asLong();
        assertThat(compAdmin
                        .sendJson(
                                "POST",
                                "/api/v1/plans/ote-test-" + n + "/assignments",
                                "{\"personIds\": [" + hire + "], \"from\": \"" + start + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(compAdmin
                        .sendJson(
                                "PUT",
                                "/api/v1/quotas",
                                "{\"rows\":[{\"personId\":" + hire + ",\"periodId\":\"" + q
                                        + "\",\"amount\":\"100000.00\"}]}")
                        .statusCode())
                .isEqualTo(200);
        var deal = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "OTE-%s", "close_date": "%s", "amount": "80000.00",
                  "currency": "USD", "owner": "OTE-%s", "deal_type": "expansion"}]}""".formatted(n, start, n));
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(200);

        // No target incentive yet: the line pays 0, says why, and the run names the person.
        JsonNode none = awaitVariableLine(compAdmin, hire, q, "0.00", "trace.ote.missing");
        assertThat(none.toString()).contains("no target incentive for " + hire + " in " + q);
        assertThat(compAdmin.get("/api/v1/calc/runs").body())
                .contains(hire + " " + q + ": component variable of plan ote-test-" + n
                        + " pays a share of the target incentive but " + hire + " has no target incentive for " + q);

        // Imported: one good row, one refused with its row, field and reason.
        HttpResponse<String> imported =
                compAdmin.sendJson("POST", "/api/v1/target-incentives/bulk", """
                {"records": [{"person": "OTE-%s", "period": "%s", "target": "20000", "base": "30000"},
                             {"person": "OTE-%s", "period": "%s", "target": "-5"}]}""".formatted(n, q, n, q));
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
        JsonNode result = Json.parse(imported.body());
        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        JsonNode refused = result.get("rejections").get(0);
        assertThat(refused.get("rowNumber").asLong()).isEqualTo(2);
        assertThat(refused.get("problems").get(0).get("column").asString()).isEqualTo("target");
        assertThat(refused.get("problems").get(0).get("reason").asString()).contains("cannot be negative");

        // 80,000 of 100,000 = 0.80 -> 0.25 + (0.30 / 0.50) x 0.75 = 0.70 x 20,000 = 14,000
        JsonNode paid = awaitVariableLine(compAdmin, hire, q, "14000.00", "trace.ote.amount");
        assertThat(paid.toString()).contains("0.25 + (0.30 / 0.50) x 0.75 = 0.70");
        String statement =
                compAdmin.get("/people/" + hire + "/statement?period=" + q).body();
        assertThat(statement)
                .contains("data-test=\"statement-ote\"")
                .contains("On-target earnings (OTE)")
                .contains("50,000.00")
                .contains("Base 30,000.00 + target incentive 20,000.00: pay mix 60/40")
                .contains("Earned 14,000.00 of the target incentive 20,000.00: 70.0%")
                .contains("0.80 lies between 0.50 (0.25) and 1.00 (1.00)")
                .contains("share 0.70 × target incentive 20000.00 USD = 14000.00");

        // Edited on the page like a quota: 24,000 -> 0.70 x 24,000 = 16,800; OTE 54,000, mix 56/44.
        var saved = compAdmin.postForm(
                "/target-incentives",
                Map.of(
                        "period", q,
                        "personId", Long.toString(hire),
                        "target", "24,000",
                        "shownTarget", "20,000",
                        "base", "30,000",
                        "shownBase", "30,000"));
        assertThat(saved.statusCode()).isIn(200, 302, 303);
        awaitVariableLine(compAdmin, hire, q, "16800.00", "trace.ote.amount");
        assertThat(compAdmin
                        .get("/target-incentives?period=" + q + "&team="
                                + rep.get("teamId").asLong())
                        .body())
                .contains("data-test=\"ote-row-" + hire + "\"")
                .contains("value=\"24,000\"")
                .contains("54,000")
                .contains("56/44");
        assertThat(login("admin", "demo")
                        .get("/api/v1/audit?action=TARGET_INCENTIVE_SET")
                        .body())
                .contains(hire + "/" + q);

        // A refused edit saves nothing and names the row; a rep may not open the sheet.
        var refusedEdit = compAdmin.postForm(
                "/target-incentives",
                Map.of("period", q, "personId", Long.toString(hire), "target", "-1", "shownTarget", "24,000"));
        assertThat(refusedEdit.statusCode()).isIn(200, 302, 303);
        assertThat(jdbc.sql("select target from target_incentive where person_id = :p and period_id = :q")
                        .param("p", hire)
                        .param("q", q)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("24000");
        assertThat(login("rep", "demo").get("/target-incentives").statusCode()).isEqualTo(403);
    }

    /** Waits for the person's "variable" line with this amount and a trace step with this code. */
    private static JsonNode awaitVariableLine(
            WebSession session, long person, String quarter, String amount, String code) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String body = "";
        while (Instant.now().isBefore(until)) {
            body = session.get("/api/v1/people/" + person + "/earnings?period=" + quarter)
                    .body();
            JsonNode statement = Json.parse(body);
            for (JsonNode line : statement.path("lines")) {
                if (line.get("component").asString().equals("variable")
                        && line.get("amount").decimalValue().compareTo(new java.math.BigDecimal(amount)) == 0
                        && line.toString().contains(code)) {
                    return line;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no variable line of " + amount + " with " + code + " in " + body);
    }
}
