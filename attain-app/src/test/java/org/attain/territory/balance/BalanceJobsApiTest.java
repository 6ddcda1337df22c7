package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The balancing API over real HTTP: a comp admin starts, follows and reads a job; a rep may not; bad input is named. */
class BalanceJobsApiTest extends AttainIntegrationTest {

    private static final String GOLDEN = """
            {"territories":["T1","T2","T3"],
             "accounts":[
               {"id":"a90","values":{"potential":90}},{"id":"a80","values":{"potential":80}},
               {"id":"a70","values":{"potential":70}},{"id":"a60","values":{"potential":60}},
               {"id":"a50","values":{"potential":50}},{"id":"a40a","values":{"potential":40}},
               {"id":"a40b","values":{"potential":40}},{"id":"a30a","values":{"potential":30}},
               {"id":"a30b","values":{"potential":30}},{"id":"a20","values":{"potential":20}},
               {"id":"a10a","values":{"potential":10}},{"id":"a10b","values":{"potential":10}}],
             "locks":{"a90":"T1","a80":"T2"},
             "metrics":[{"name":"potential"}],
             "band":0.10,"timeLimitSeconds":20}""";

    @Test
    void aCompAdminBalancesTerritoriesInTheBackgroundAndReadsTheResult() {
        WebSession admin = login("compadmin", "demo");

        HttpResponse<String> started = admin.sendJson("POST", "/api/v1/territories/balance/jobs", GOLDEN);
        assertThat(started.statusCode()).isEqualTo(202);
        long id = Json.parse(started.body()).get("id").asLong();
        assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/territories/balance/jobs/" + id);

        JsonNode done = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> Json.parse(admin.get("/api/v1/territories/balance/jobs/" + id)
                                .body()),
                        j -> "DONE".equals(j.get("state").asString()));
        JsonNode result = done.get("result");
        assertThat(result.get("feasible").asBoolean()).isTrue();
        assertThat(result.get("assignment").get("a90").asString()).isEqualTo("T1");
        assertThat(result.get("assignment").get("a80").asString()).isEqualTo("T2");
        assertThat(result.get("territories")).hasSize(3);
        for (JsonNode territory : result.get("territories")) {
            assertThat(territory.get("after").get("potential").decimalValue())
                    .isBetween(new java.math.BigDecimal("159.0"), new java.math.BigDecimal("194.3"));
        }
        assertThat(done.get("percentOfTimeLimit").asInt()).isEqualTo(100);
        assertThat(admin.sendJson("DELETE", "/api/v1/territories/balance/jobs/" + id, "")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndARepMayNotBalance() {
        WebSession admin = login("compadmin", "demo");
        HttpResponse<String> bad = admin.sendJson(
                "POST",
                "/api/v1/territories/balance/jobs",
                GOLDEN.replace("\"locks\":{\"a90\":\"T1\"", "\"locks\":{\"a90\":\"T7\""));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = Json.parse(bad.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("locks.a90");
        assertThat(errors.findValuesAsString("reason"))
                .containsExactly("account 'a90' is locked to 'T7', which is not among the territories");

        WebSession rep = login("rep", "demo");
        assertThat(rep.sendJson("POST", "/api/v1/territories/balance/jobs", GOLDEN)
                        .statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/api/v1/territories/balance/jobs/999999").statusCode())
                .isEqualTo(404);
    }
}
