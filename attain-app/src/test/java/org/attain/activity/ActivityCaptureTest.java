package org.attain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.UUID;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Activities in bulk over REST: idempotent by (source, external_id), bad records named, summaries in step. */
@DateDependent
class ActivityCaptureTest extends AttainIntegrationTest {

    private static String today(String time) {
        return TODAY.atTime(java.time.LocalTime.parse(time))
                .atZone(ZoneId.systemDefault())
                .toOffsetDateTime()
                .toString();
    }

    private String batch(String source, String person) {
        return """
                {"source":"%1$s","records":[
                  {"external_id":"A1","person":"%2$s","kind":"CALL","occurred_at":"%3$s","duration_minutes":15,"outcome":"connected"},
                  {"external_id":"A2","person":"%2$s","kind":"meeting","occurred_at":"%4$s","duration_minutes":45},
                  {"external_id":"A3","person":"%2$s","kind":"WEBINAR","occurred_at":"%4$s","duration_minutes":60},
                  {"external_id":"A4","person":"%2$s","kind":"fax","occurred_at":"%4$s"},
                  {"external_id":"A5","person":"nobody@example.com","kind":"EMAIL","occurred_at":"%4$s"},
                  {"external_id":"A6","person":"%2$s","kind":"EMAIL","occurred_at":"yesterday"}
                ]}""".formatted(source, person, today("09:00"), today("11:00"));
    }

    private long myActivityToday(WebSession session, String kind) {
        String day = TODAY.toString();
        JsonNode rows = Json.parse(session.get("/api/v1/activities/summary?from=" + day + "&to=" + day)
                .body());
        long sum = 0;
        for (JsonNode r : rows) {
            if (r.get("kind").asString().equals(kind)) {
                sum += r.get("activities").asLong();
            }
        }
        return sum;
    }

    @Test
    void aBatchKeepsTheGoodRecordsNamesTheBadOnesAndCountsOnceWhenSentAgain() {
        WebSession rep = login("rep", "demo");
        String email = Json.parse(rep.get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
        long callsBefore = myActivityToday(rep, "CALL");
        WebSession admin = login("compadmin", "demo");
        String source = "dialer-" + UUID.randomUUID();

        JsonNode first = Json.parse(admin.sendJson("POST", "/api/v1/activities", batch(source, email))
                .body());
        assertThat(first.get("inserted").asLong()).isEqualTo(3);
        assertThat(first.get("rejections").findValuesAsString("field"))
                .containsExactly("kind", "person", "occurred_at");
        assertThat(first.get("rejections").findValuesAsString("row")).containsExactly("4", "5", "6");

        JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/activities", batch(source, email))
                .body());
        assertThat(again.get("inserted").asLong()).isZero();
        assertThat(again.get("unchanged").asLong()).isEqualTo(3);
        assertThat(myActivityToday(rep, "CALL")).isEqualTo(callsBefore + 1);

        String longerCall = batch(source, email).replace("\"duration_minutes\":15", "\"duration_minutes\":20");
        assertThat(Json.parse(admin.sendJson("POST", "/api/v1/activities", longerCall)
                                .body())
                        .get("updated")
                        .asLong())
                .isEqualTo(1);
        assertThat(myActivityToday(rep, "CALL")).isEqualTo(callsBefore + 1);
    }

    @Test
    void repsAndManagersDoNotLoadActivities() {
        String body = "{\"records\":[{\"external_id\":\"X\"}]}";
        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/activities", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("manager", "demo")
                        .sendJson("POST", "/api/v1/activities", body)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anEmptyBatchIsA400() {
        var response = login("admin", "demo").sendJson("POST", "/api/v1/activities", "{\"records\":[]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("records");
    }
}
