package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Golden case 16 in the app, over real HTTP: version 2 of a plan published effective mid-quarter pays the deals
 * credited from that day, version 1 the ones before, and each statement line names its version; a version
 * effective inside a closed period is refused naming the field.
 */
class PlanVersionPublishingTest extends AttainIntegrationTest {

    private static final String PLAN = """
            id: %s
            name: Versioned AE
            currency: USD
            frequency: quarter
            components:
              - {id: commission, kind: rate, rate: "%s"}
            """;

    @Test
    void planVersion16PublishedMidQuarterPaysEachDealByTheVersionInForceOnItsCloseDate() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime(), 36);
        String key = "ver-" + n;
        JsonNode quarter =
                Json.parse(compAdmin.get("/api/v1/periods/current?kind=QUARTER").body());
        LocalDate start = LocalDate.parse(quarter.get("startsOn").asString());
        LocalDate v2From = start.plusDays(46);

        HttpResponse<String> v1 = compAdmin.sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(key, "0.05"));
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
        JsonNode none = Json.parse(v1.body()).get("effectiveFrom");
        assertThat(none == null || none.isNull())
                .as("no date: in force from the beginning")
                .isTrue();
        HttpResponse<String> v2 =
                compAdmin.sendYaml("/api/v1/plans?confirm=true&effectiveFrom=" + v2From, PLAN.formatted(key, "0.07"));
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        assertThat(Json.parse(v2.body()).get("effectiveFrom").asString()).isEqualTo(v2From.toString());

        long person = person(compAdmin, n, start);
        assertThat(compAdmin
                        .sendJson(
                                "POST",
                                "/api/v1/plans/" + key + "/assignments",
                                "{\"personIds\": [" + person + "], \"from\": \"" + start + "\"}")
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> deals =
                compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [
                  {"external_id": "V1-%1$s", "close_date": "%2$s", "amount": "10000.00", "currency": "USD", "owner": "VER%1$s", "status": "won"},
                  {"external_id": "V2-%1$s", "close_date": "%3$s", "amount": "50000.00", "currency": "USD", "owner": "VER%1$s", "status": "won"}]}""".formatted(n, v2From.minusDays(1), v2From));
        assertThat(deals.statusCode()).as(deals.body()).isEqualTo(200);
        HttpResponse<String> run = compAdmin.sendJson("POST", "/api/v1/calc/runs?person=" + person, null);
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);

        JsonNode statement = Json.parse(compAdmin
                .get("/api/v1/people/" + person + "/earnings?period="
                        + quarter.get("id").asString())
                .body());
        List<JsonNode> lines = statement.get("lines").valueStream().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("500.00"));
        assertThat(lines.get(0).get("qualifying").get(0).asString()).isEqualTo("crm:V1-" + n);
        JsonNode first = lines.get(0).get("trace").get("steps").get(0);
        assertThat(first.get("code").asString()).isEqualTo("trace.version.byDeal");
        assertThat(first.get("args").valueStream().map(JsonNode::asString).toList())
                .containsExactly("1", start.toString(), v2From.minusDays(1).toString());
        assertThat(lines.get(1).get("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("3500.00"));
        assertThat(lines.get(1).get("qualifying").get(0).asString()).isEqualTo("crm:V2-" + n);
        assertThat(lines.get(1)
                        .get("trace")
                        .get("steps")
                        .get(0)
                        .get("args")
                        .get(0)
                        .asString())
                .isEqualTo("2");
        assertThat(statement.get("earnings").decimalValue()).isEqualByComparingTo(new BigDecimal("4000.00"));

        // The statement page names the version on each line, in English and in German.
        String page = compAdmin
                .get("/people/" + person + "/statement?period="
                        + quarter.get("id").asString())
                .body();
        assertThat(page)
                .contains("version 1, in force " + start + " to " + v2From.minusDays(1))
                .contains("version 2, in force " + v2From);
        String seite = compAdmin
                .get(
                        "/people/" + person + "/statement?period="
                                + quarter.get("id").asString(),
                        Map.of("Accept-Language", "de-DE"))
                .body();
        assertThat(seite).contains("Version 2, gültig vom " + v2From);

        // The versions list says from when each is in force.
        JsonNode versions =
                Json.parse(compAdmin.get("/api/v1/plans/" + key + "/versions").body());
        assertThat(versions.get(1).get("effectiveFrom").asString()).isEqualTo(v2From.toString());
    }

    @Test
    void planVersion16AVersionEffectiveInAClosedPeriodOrBeforeTheLatestIsRefused() {
        WebSession compAdmin = login("compadmin", "demo");
        String key = "ver-closed-" + Long.toString(System.nanoTime(), 36);
        String month = TODAY.minusMonths(3).toString().substring(0, 7);
        LocalDate inside = LocalDate.parse(month + "-10");
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(key, "0.05"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + month + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            HttpResponse<String> refused = compAdmin.sendYaml(
                    "/api/v1/plans?confirm=true&effectiveFrom=" + inside, PLAN.formatted(key, "0.07"));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode error = Json.parse(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("effectiveFrom");
            assertThat(error.get("reason").asString())
                    .contains("effective date " + inside + " falls in or before the closed period");
            assertThat(refused.body()).doesNotContain("Exception");
            assertThat(Json.parse(
                            compAdmin.get("/api/v1/plans/" + key + "/versions").body()))
                    .as("nothing published")
                    .hasSize(1);

            // The editor says the same in the reader's language.
            String seite = compAdmin
                    .postForm(
                            "/plans/" + key + "/publish",
                            Map.of(
                                    "source",
                                    PLAN.formatted(key, "0.07"),
                                    "confirm",
                                    "true",
                                    "effectiveFrom",
                                    inside.toString()))
                    .body();
            assertThat(seite)
                    .contains("Not published: the effective date " + inside + " falls in or before the closed period");
        } finally {
            compAdmin.sendJson("POST", "/api/v1/periods/" + month + "/reopen", "{\"reason\":\"plan version test\"}");
        }

        LocalDate later = TODAY.plusDays(10);
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true&effectiveFrom=" + later, PLAN.formatted(key, "0.07"))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> earlier = compAdmin.sendYaml(
                "/api/v1/plans?confirm=true&effectiveFrom=" + later.minusDays(1), PLAN.formatted(key, "0.08"));
        assertThat(earlier.statusCode()).isEqualTo(400);
        assertThat(Json.parse(earlier.body()).get("errors").get(0).get("reason").asString())
                .isEqualTo("effective date " + later.minusDays(1) + " is before version 2's (" + later
                        + "); a new version takes effect on or after it");
    }

    private static long person(WebSession compAdmin, String n, LocalDate start) {
        HttpResponse<String> person = compAdmin.sendJson("POST", "/api/v1/people", """
                {"externalId": "VER%s", "firstName": "Vera", "lastName": "Version", "email": "ver%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "%s", "currency": "USD"}""".formatted(n, n, start));
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
        return Json.parse(person.body()).get("id").asLong();
    }
}
