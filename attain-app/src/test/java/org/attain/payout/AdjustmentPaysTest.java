package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A manual adjustment with a reason becomes a line on the payee's statement, with the reason in its trace. */
class AdjustmentPaysTest extends AttainIntegrationTest {

    @Test
    void anAdjustmentIsPaidOnTheStatementWithItsReason() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        long rep = me.get("id").asLong();
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        JsonNode before = Json.parse(compAdmin
                .get("/api/v1/people/" + rep + "/earnings?period=" + quarter)
                .body());

        var created = compAdmin.sendJson("POST", "/api/v1/adjustments", """
                {"personId": %d, "period": "%s", "amount": "432.10", "currency": "%s", "reason": "Missed split on a renewal"}""".formatted(
                        rep, quarter, me.get("currency").asString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        JsonNode after = Json.parse(compAdmin
                .get("/api/v1/people/" + rep + "/earnings?period=" + quarter)
                .body());
        assertThat(after.get("earnings")
                        .decimalValue()
                        .subtract(before.get("earnings").decimalValue()))
                .isEqualByComparingTo("432.10");
        assertThat(after.get("lines").findValuesAsString("component")).contains("adjustment");
        assertThat(after.toString()).contains("Missed split on a renewal");
    }

    @Test
    void anAdjustmentInAnotherCurrencyThanThePayIsRefused() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        String other = "USD".equals(me.get("currency").asString()) ? "EUR" : "USD";
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var response = compAdmin.sendJson(
                "POST", "/api/v1/adjustments", """
                {"personId": %d, "period": "%s", "amount": "10", "currency": "%s", "reason": "wrong currency"}""".formatted(me.get("id").asLong(), quarter, other));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("currency");
    }
}
