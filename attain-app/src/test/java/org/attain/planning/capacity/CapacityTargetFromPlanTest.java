package org.attain.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The capacity plan takes its revenue target from an approved quota plan's top, split evenly over the plan's months
 * (whole cents, the residue to the first month), instead of the typed months; a draft plan or one in another
 * currency is refused naming targetPlanId; a plan sent back to draft leaves no target; choosing the typed months
 * again brings them back.
 */
class CapacityTargetFromPlanTest extends AttainIntegrationTest {

    @Test
    void anApprovedPlansTopIsTheTargetByMonthAndQuarterAndADraftOrAnotherCurrencyIsRefused() {
        WebSession compAdmin = login("compadmin", "demo");
        String year = nextYear(compAdmin);
        long usd = created(
                compAdmin,
                "{\"name\":\"Capacity top\",\"periodId\":\"" + year
                        + "\",\"target\":\"1000000.01\",\"currency\":\"USD\"}");
        try {
            HttpResponse<String> draft = link(compAdmin, "USD", usd);
            assertThat(draft.statusCode()).isEqualTo(400);
            assertThat(draft.body())
                    .contains("\"field\":\"targetPlanId\"")
                    .contains("only an approved or published plan's top is a target");

            approve(compAdmin, usd);
            HttpResponse<String> linked = link(compAdmin, "USD", usd);
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
            JsonNode targets = Json.parse(linked.body());
            assertThat(targets.get("targetPlanId").asLong()).isEqualTo(usd);
            assertThat(targets.get("targets").size()).isEqualTo(12);
            // 1,000,000.01 / 12 = 83,333.33 a month, 0.05 left over: to the first month.
            assertThat(targets.get("targets").get(0).get("amount").decimalValue())
                    .isEqualByComparingTo("83333.38");
            assertThat(targets.get("targets").get(11).get("amount").decimalValue())
                    .isEqualByComparingTo("83333.33");

            JsonNode plan = Json.parse(compAdmin
                    .get("/api/v1/capacity?currency=USD&from=" + year + "-01&to=" + year + "-12")
                    .body());
            assertThat(plan.get("total").get("target").decimalValue()).isEqualByComparingTo("1000000.01");
            assertThat(plan.get("quarters").get(0).get("target").decimalValue())
                    .isEqualByComparingTo("250000.04"); // 83,333.38 + 2 × 83,333.33
            assertThat(plan.get("targetPlan").get("id").asLong()).isEqualTo(usd);
            assertThat(plan.get("targetPlan").get("settled").asBoolean()).isTrue();

            // A plan in euros does not make a dollar target.
            long eur = created(
                    compAdmin,
                    "{\"name\":\"Capacity top EUR\",\"periodId\":\"" + year
                            + "\",\"target\":\"900000\",\"currency\":\"EUR\"}");
            approve(compAdmin, eur);
            HttpResponse<String> euros = link(compAdmin, "USD", eur);
            assertThat(euros.statusCode()).isEqualTo(400);
            assertThat(euros.body()).contains("\"field\":\"targetPlanId\"").contains("is in EUR, not USD");

            // Sent back to draft, the plan is no target any more (and says so).
            assertThat(move(compAdmin, usd, "DRAFT").statusCode()).isEqualTo(200);
            JsonNode unsettled = Json.parse(compAdmin
                    .get("/api/v1/capacity?currency=USD&from=" + year + "-01&to=" + year + "-12")
                    .body());
            assertThat(unsettled.get("total").path("target").isMissingNode()
                            || unsettled.get("total").get("target").isNull())
                    .as("no target")
                    .isTrue();
            assertThat(unsettled.get("targetPlan").get("settled").asBoolean()).isFalse();
        } finally {
            HttpResponse<String> typed = link(compAdmin, "USD", null);
            assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
            assertThat(Json.parse(typed.body()).path("targetPlanId").asLong(-1)).isEqualTo(-1);
        }
    }

    static HttpResponse<String> link(WebSession s, String currency, Long planId) {
        return s.sendJson(
                "PUT", "/api/v1/capacity/target-plan", "{\"currency\":\"" + currency + "\",\"planId\":" + planId + "}");
    }

    static long created(WebSession s, String body) {
        var response = s.sendJson("POST", "/api/v1/quota-plans", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.parse(response.body()).get("id").asLong();
    }

    static void approve(WebSession s, long id) {
        assertThat(move(s, id, "IN_REVIEW").statusCode()).isEqualTo(200);
        assertThat(move(s, id, "APPROVED").statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> move(WebSession s, long id, String state) {
        return s.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"" + state + "\"}");
    }

    static String nextYear(WebSession s) {
        int next = Json.parse(s.get("/api/v1/periods/current?kind=YEAR").body())
                        .get("fiscalYear")
                        .asInt()
                + 1;
        return Json.parse(s.get("/api/v1/periods?kind=YEAR&fiscalYear=" + next).body())
                .get(0)
                .get("id")
                .asString();
    }

    static BigDecimal amount(JsonNode n) {
        return n.decimalValue();
    }
}
