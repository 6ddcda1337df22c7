package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Plans are documents: a broken one is refused with line and column, a good one becomes the next version. */
class PlansApiTest extends AttainIntegrationTest {

    static final String PLAN = """
            id: test-flat-%s
            name: Test flat
            currency: USD
            frequency: quarter
            components:
              - {id: commission, kind: rate, rate: "%s"}
            """;

    @Test
    void aPlanWithAnErrorIsRefusedWithItsLineAndColumn() {
        WebSession compAdmin = login("compadmin", "demo");
        String broken = """
                id: broken
                currency: USD
                frequency: quarter
                components:
                  - {id: commission, kind: rate, rate: "ten percent"}
                """;
        var response = compAdmin.sendYaml("/api/v1/plans", broken);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(5);
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(error.get("reason").asString()).contains("rate");
    }

    @Test
    void publishingKeepsEveryVersionAndShowsTheDiff() {
        WebSession compAdmin = login("compadmin", "demo");
        String key = Long.toString(System.nanoTime());
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(key, "0.10"))
                        .statusCode())
                .isEqualTo(201);
        var second = compAdmin.sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(key, "0.12"));
        assertThat(Json.parse(second.body()).get("version").asInt()).isEqualTo(2);
        JsonNode versions = Json.parse(
                compAdmin.get("/api/v1/plans/test-flat-" + key + "/versions").body());
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("source").asString()).contains("0.10");
        String diff = compAdmin
                .get("/api/v1/plans/test-flat-" + key + "/diff?from=1&to=2")
                .body();
        assertThat(diff)
                .contains("\"op\":\"-\"")
                .contains("0.10")
                .contains("\"op\":\"+\"")
                .contains("0.12");
    }

    @Test
    void aRepCannotPublish() {
        assertThat(login("rep", "demo")
                        .sendYaml("/api/v1/plans", PLAN.formatted("x", "0.5"))
                        .statusCode())
                .isEqualTo(403);
    }
}
