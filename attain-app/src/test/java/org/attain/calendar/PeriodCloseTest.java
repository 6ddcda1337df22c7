package org.attain.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/** Closing locks a period once; reopening needs a reason; both are for comp admins and audited. */
@DateDependent
class PeriodCloseTest extends AttainIntegrationTest {

    @Test
    void closingTwiceIsAConflictAndReopeningNeedsAReason() {
        WebSession compAdmin = login("compadmin", "demo");
        String period = (TODAY.getYear() - 2) + "-01";
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + period + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Json.parse(compAdmin.get("/api/v1/periods/" + period).body())
                        .get("status")
                        .asString())
                .isEqualTo("CLOSED");
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + period + "/close", null)
                        .statusCode())
                .isEqualTo(409);

        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + period + "/reopen", "{\"reason\":\"\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + period + "/reopen", "{\"reason\":\"late deal\"}")
                        .statusCode())
                .isEqualTo(200);
        String audit =
                login("admin", "demo").get("/api/v1/audit?entityType=period").body();
        assertThat(audit).contains("PERIOD_CLOSED").contains("PERIOD_REOPENED").contains("late deal");
    }

    @Test
    void aManagerCannotClose() {
        assertThat(login("manager", "demo")
                        .sendJson("POST", "/api/v1/periods/" + (TODAY.getYear() - 2) + "-02/close", null)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void theCalendarCoversTheCurrentQuarter() {
        var current = Json.parse(
                login("rep", "demo").get("/api/v1/periods/current?kind=QUARTER").body());
        assertThat(current.get("id").asString()).matches("\\d{4}-Q[1-4]");
    }
}
