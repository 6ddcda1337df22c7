package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The forecast over real HTTP on the demo company: the manager's quarter adds up (cumulative categories, the
 * reports' rows to the total), a call overrides the roll-up with the computed figure kept and lands in the weekly
 * history, bad calls are refused naming each field with nothing written, nobody sees a forecast outside their
 * subtree, and a person with no deals and no history gets no invented number.
 */
class ForecastApiTest extends AttainIntegrationTest {

    @Test
    void aManagersQuarterAddsUpCumulativelyAndThroughTheReports() {
        JsonNode view = ok(login("manager", "demo").get("/api/v1/forecast?currency=USD"));
        JsonNode total = view.get("total").get("lines");
        // What the deals say (another test's call may override what rolls up).
        BigDecimal closed = computed(total, "CLOSED");
        BigDecimal commit = computed(total, "COMMIT");
        BigDecimal best = computed(total, "BEST_CASE");
        BigDecimal pipeline = computed(total, "PIPELINE");
        assertThat(view.get("deals").asInt())
                .as("the demo manager's team has deals this quarter")
                .isPositive();
        assertThat(closed).isLessThanOrEqualTo(commit);
        assertThat(commit).isLessThanOrEqualTo(best);
        assertThat(best).isLessThanOrEqualTo(pipeline);
        assertThat(pipeline).isPositive();
        assertThat(new BigDecimal(view.get("total").get("weighted").asString())).isLessThanOrEqualTo(pipeline);
        BigDecimal reports = BigDecimal.ZERO;
        for (JsonNode r : view.get("reports")) {
            reports = reports.add(amount(r.get("lines"), "PIPELINE"));
        }
        assertThat(reports).as("the reports' pipeline is within the total").isLessThanOrEqualTo(pipeline);
        assertThat(view.get("noHistory").asBoolean()).isFalse();
        assertThat(view.get("stages")).isNotEmpty();
    }

    @Test
    void aCallRollsUpInsteadOfTheDealsKeepsWhatTheDealsSaidAndStaysInTheHistory() {
        WebSession manager = login("manager", "demo");
        JsonNode before = ok(manager.get("/api/v1/forecast?currency=USD"));
        String period = before.get("periodId").asString();
        BigDecimal computed = computed(before.get("total").get("lines"), "BEST_CASE");
        int calls = before.get("history").size();

        JsonNode after = ok(manager.sendJson("POST", "/api/v1/forecast/calls", """
                {"period": "%s", "currency": "USD", "category": "best_case", "amount": 123456.78, "note": "api test"}""".formatted(period)));
        JsonNode line = after.get("total").get("lines").get("BEST_CASE");
        assertThat(line.get("rolledUp").asString()).isEqualTo("123456.78");
        assertThat(line.get("called").asString()).isEqualTo("123456.78");
        assertThat(new BigDecimal(line.get("computed").asString())).isEqualByComparingTo(computed);
        assertThat(after.get("history").size())
                .as("one row per week and category")
                .isBetween(Math.max(1, calls), calls + 1);
        // This week's best-case row (another test's commit call may sit beside it in the same week).
        JsonNode latest = after.get("history").get(0);
        JsonNode bestCase = null;
        for (JsonNode h : after.get("history")) {
            if (h.get("weekOf").equals(latest.get("weekOf"))
                    && h.get("category").asString().equals("BEST_CASE")) {
                bestCase = h;
            }
        }
        assertThat(bestCase).as("this week's best case call").isNotNull();
        assertThat(bestCase.get("amount").asString()).isEqualTo("123456.78");

        // Refused: each field named, nothing written.
        HttpResponse<String> bad = manager.sendJson("POST", "/api/v1/forecast/calls", """
                {"period": "%s", "currency": "usd", "category": "maybe", "amount": -5}""".formatted(period));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"category\"").contains("\"amount\"").contains("\"currency\"");
        JsonNode unchanged = ok(manager.get("/api/v1/forecast?currency=USD"));
        assertThat(unchanged.get("history").size())
                .isEqualTo(after.get("history").size());
        assertThat(unchanged
                        .get("total")
                        .get("lines")
                        .get("BEST_CASE")
                        .get("rolledUp")
                        .asString())
                .isEqualTo("123456.78");
    }

    @Test
    void aQuarterThatIsOverTakesNoMoreCalls() {
        WebSession manager = login("manager", "demo");
        String current =
                ok(manager.get("/api/v1/forecast?currency=USD")).get("periodId").asString();
        JsonNode past = ok(manager.get("/api/v1/forecast?currency=USD")).get("past");
        assertThat(past).isNotEmpty();
        String earlier = past.get(0).get("periodId").asString();
        assertThat(earlier).isNotEqualTo(current);
        HttpResponse<String> refused = manager.sendJson("POST", "/api/v1/forecast/calls", """
                {"period": "%s", "currency": "USD", "category": "commit", "amount": 1}""".formatted(earlier));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"period\"");
    }

    @Test
    void nobodySeesAForecastOutsideTheirSubtreeAndRepsHaveNone() {
        JsonNode everyone = ok(login("finance", "demo").get("/api/v1/forecast?currency=USD"));
        long top = everyone.get("personId").asLong();
        assertThat(login("manager", "demo")
                        .get("/api/v1/forecast?currency=USD&person=" + top)
                        .statusCode())
                .isEqualTo(404);
        assertThat(login("rep", "demo").get("/api/v1/forecast?currency=USD").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPersonWithNoDealsAndNoHistoryGetsNoInventedNumber() {
        WebSession admin = login("compadmin", "demo");
        HttpResponse<String> created = admin.sendJson("POST", "/api/v1/people", """
                {"externalId": "FC-NEW-1", "firstName": "Nora", "lastName": "Newcomer", "email": "nora.newcomer@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "2026-11-01"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Json.parse(created.body()).get("id").asLong();
        JsonNode view = ok(admin.get("/api/v1/forecast?currency=USD&person=" + id));
        assertThat(view.get("noHistory").asBoolean()).isTrue();
        assertThat(view.get("deals").asInt()).isZero();
        String page = admin.get("/forecast?currency=USD&person=" + id).body();
        assertThat(page)
                .contains("no forecast is shown rather than an invented number")
                .doesNotContain("data-test=\"forecast-weighted\"");
    }

    @Test
    void stagesAreCheckedWholeBeforeAnythingIsSaved() {
        WebSession admin = login("admin", "demo");
        HttpResponse<String> bad = admin.sendJson("PUT", "/api/v1/forecast/stages", """
                [{"stage": "Proposal", "probability": 0.45, "category": "best_case"},
                 {"stage": "Negotiation", "probability": 1.5, "category": "commit"}]""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("stages[1].probability");
        JsonNode stages = ok(admin.get("/api/v1/forecast/stages"));
        for (JsonNode s : stages) {
            if (s.get("stage").asString().equals("Proposal")) {
                assertThat(new BigDecimal(s.get("probability").asString())).isEqualByComparingTo("0.40");
            }
        }
        assertThat(ok(admin.sendJson("POST", "/api/v1/forecast/snapshots", null))
                        .get("opportunities")
                        .asInt())
                .isPositive();
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    static BigDecimal computed(JsonNode lines, String category) {
        return new BigDecimal(lines.get(category).get("computed").asString());
    }

    static BigDecimal amount(JsonNode lines, String category) {
        return new BigDecimal(lines.get(category).get("rolledUp").asString());
    }
}
