package org.attain.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Capacity over REST on the demo company: planned hires ramp in and move capacity by exactly their ramped
 * quota x attainment, a what-if changes nothing stored, targets give the gap, and bad input (percentages,
 * closed periods, reversed dates) is refused field by field with nothing saved.
 */
class CapacityApiTest extends AttainIntegrationTest {

    static final int NEXT = TODAY.getYear() + 1;
    static final String FROM = NEXT + "-01";
    static final String TO = NEXT + "-06";

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPlannedHireRampsInAndMovesCapacityByItsRampedQuotaTimesAttainment() {
        WebSession planner = login("compadmin", "demo");
        long ramp = id(planner.sendJson(
                "POST",
                "/api/v1/capacity/ramp-profiles",
                "{\"name\":\"API ramp\",\"cutoffDay\":15,\"percents\":[25,50,75,100]}"));
        JsonNode before = plan(planner, "USD");
        assertThat(before.get("months")).hasSize(6);
        assertThat(before.get("quarters")).hasSize(2);
        assertThat(before.get("reps").asInt()).isPositive();

        long hire = id(planner.sendJson("POST", "/api/v1/capacity/hires", """
                {"role":"Account Executive","startsOn":"%s-01-10","currency":"USD","headcount":2,"monthlyQuota":"50000","rampProfileId":%d}""".formatted(NEXT, ramp)));
        JsonNode after = plan(planner, "USD");
        BigDecimal attainment = after.get("expectedAttainment").decimalValue();
        List<String> expectedDelta = new ArrayList<>();
        for (String share : List.of("0.25", "0.5", "0.75", "1", "1", "1")) {
            expectedDelta.add(new BigDecimal("100000")
                    .multiply(new BigDecimal(share))
                    .multiply(attainment)
                    .setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        List<String> delta = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delta.add(after.get("months")
                    .get(i)
                    .get("capacity")
                    .decimalValue()
                    .subtract(before.get("months").get(i).get("capacity").decimalValue())
                    .setScale(2, RoundingMode.HALF_EVEN)
                    .toPlainString());
        }
        assertThat(delta).as("two hires on the 10th: ramp month 1 in January").isEqualTo(expectedDelta);
        assertThat(after.get("plannedHires").asInt())
                .isEqualTo(before.get("plannedHires").asInt() + 2);

        // What-if: half the attainment, the hire left out; nothing stored changes.
        JsonNode whatIf = Json.parse(planner.sendJson("POST", "/api/v1/capacity/what-if", """
                {"currency":"USD","from":"%s","to":"%s","expectedAttainment":"0.5","dropHires":[%d]}""".formatted(FROM, TO, hire))
                .body());
        JsonNode jan = whatIf.get("months").get(0);
        assertThat(jan.get("quotaCarried").decimalValue())
                .isEqualByComparingTo(
                        before.get("months").get(0).get("quotaCarried").decimalValue());
        assertThat(jan.get("capacity").decimalValue())
                .isEqualByComparingTo(jan.get("quotaCarried")
                        .decimalValue()
                        .multiply(new BigDecimal("0.5"))
                        .setScale(2, RoundingMode.HALF_EVEN));
        assertThat(plan(planner, "USD").get("months").get(0).get("capacity").decimalValue())
                .as("the what-if saved nothing")
                .isEqualByComparingTo(after.get("months").get(0).get("capacity").decimalValue());

        // A target gives the gap.
        assertThat(planner.sendJson(
                                "PUT",
                                "/api/v1/capacity/targets",
                                "{\"currency\":\"USD\",\"targets\":[{\"month\":\"" + FROM
                                        + "\",\"amount\":\"1000000\"}]}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode withTarget = plan(planner, "USD").get("months").get(0);
        assertThat(withTarget.get("gap").decimalValue())
                .isEqualByComparingTo(withTarget.get("capacity").decimalValue().subtract(new BigDecimal("1000000")));

        assertThat(planner.sendJson("DELETE", "/api/v1/capacity/hires/" + hire, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(plan(planner, "USD").get("months").get(3).get("capacity").decimalValue())
                .isEqualByComparingTo(
                        before.get("months").get(3).get("capacity").decimalValue());
    }

    @Test
    void aNamedLeaverStopsCountingAfterTheirDate() {
        WebSession planner = login("compadmin", "demo");
        long rep = jdbc.sql("""
                select id from org_person_v where role_type = 'REP' and currency = 'EUR' and employment_end is null order by id limit 1""").query(Long.class).single();
        JsonNode before = plan(planner, "EUR");
        long leaving = id(planner.sendJson(
                "POST",
                "/api/v1/capacity/attrition",
                "{\"personId\":" + rep + ",\"leavesOn\":\"" + NEXT + "-02-10\",\"currency\":\"EUR\"}"));
        JsonNode after = plan(planner, "EUR");
        assertThat(after.get("months").get(0).get("seats").decimalValue())
                .isEqualByComparingTo(before.get("months").get(0).get("seats").decimalValue());
        assertThat(after.get("months").get(1).get("seats").decimalValue())
                .as("leaving on the 10th: February no longer counts")
                .isEqualByComparingTo(
                        before.get("months").get(1).get("seats").decimalValue().subtract(BigDecimal.ONE));
        assertThat(planner.sendJson("DELETE", "/api/v1/capacity/attrition/" + leaving, null)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsSaved() {
        WebSession planner = login("compadmin", "demo");
        HttpResponse<String> percents = planner.sendJson(
                "POST", "/api/v1/capacity/ramp-profiles", "{\"name\":\"Broken ramp\",\"percents\":[50,120,90]}");
        assertThat(percents.statusCode()).isEqualTo(400);
        assertThat(fields(percents)).containsExactly("percents[2]", "percents");
        assertThat(planner.get("/api/v1/capacity/ramp-profiles").body()).doesNotContain("Broken ramp");

        long ramp = id(planner.sendJson(
                "POST", "/api/v1/capacity/ramp-profiles", "{\"name\":\"Checks ramp\",\"percents\":[100]}"));
        int hiresBefore = Json.parse(
                        planner.get("/api/v1/capacity/hires?currency=GBP").body())
                .size();
        HttpResponse<String> reversed =
                planner.sendJson("POST", "/api/v1/capacity/hires", """
                {"role":"SDR","startsOn":"%s-03-01","endsOn":"%s-02-01","currency":"GBP","monthlyQuota":"10000","rampProfileId":%d}""".formatted(NEXT, NEXT, ramp));
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(fields(reversed)).containsExactly("endsOn");

        String closedMonth = (TODAY.getYear() - 2) + "-05";
        assertThat(planner.sendJson("POST", "/api/v1/periods/" + closedMonth + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            HttpResponse<String> closed =
                    planner.sendJson("POST", "/api/v1/capacity/hires", """
                    {"role":"SDR","startsOn":"%s-10","currency":"GBP","monthlyQuota":"10000","rampProfileId":%d}""".formatted(closedMonth, ramp));
            assertThat(closed.statusCode()).isEqualTo(400);
            assertThat(Json.parse(closed.body())
                            .get("errors")
                            .get(0)
                            .get("reason")
                            .asString())
                    .contains("closed period " + closedMonth);
        } finally {
            planner.sendJson("POST", "/api/v1/periods/" + closedMonth + "/reopen", "{\"reason\":\"capacity test\"}");
        }
        assertThat(Json.parse(planner.get("/api/v1/capacity/hires?currency=GBP").body()))
                .as("nothing half-saved")
                .hasSize(hiresBefore);

        HttpResponse<String> range = planner.get("/api/v1/capacity?currency=GBP&from=" + TO + "&to=" + FROM);
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(fields(range)).containsExactly("to");

        HttpResponse<String> attainment = planner.sendJson(
                "POST", "/api/v1/capacity/what-if", "{\"currency\":\"GBP\",\"expectedAttainment\":\"3\"}");
        assertThat(fields(attainment)).containsExactly("expectedAttainment");
    }

    @Test
    void capacityIsForPlannersOnly() {
        assertThat(login("rep", "demo").get("/api/v1/capacity?currency=USD").statusCode())
                .isEqualTo(403);
        assertThat(login("manager", "demo")
                        .get("/api/v1/capacity/ramp-profiles")
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("admin", "demo").get("/api/v1/capacity?currency=USD").statusCode())
                .isEqualTo(200);
    }

    private static JsonNode plan(WebSession s, String currency) {
        HttpResponse<String> r = s.get("/api/v1/capacity?currency=" + currency + "&from=" + FROM + "&to=" + TO);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static long id(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private static List<String> fields(HttpResponse<String> r) {
        List<String> fields = new ArrayList<>();
        Json.parse(r.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }
}
