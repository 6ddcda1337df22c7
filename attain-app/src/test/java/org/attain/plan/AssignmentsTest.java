package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/** People are put on a plan from a date; overlapping the same plan twice is refused with the person named. */
class AssignmentsTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    Plans plans;

    @Test
    void aNewHireIsAssignedOnceAndAnOverlapIsRefused() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", PlansApiTest.PLAN.formatted(n, "0.07"))
                        .statusCode())
                .isEqualTo(201);
        long hire = Json.parse(compAdmin
                        .sendJson("POST", "/api/v1/people", """
                {"externalId": "H-%s", "firstName": "Mara", "lastName": "Schulz", "email": "mara.%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "2026-10-01"}""".formatted(n, n))
                        .body())
                .get("id")
                .asLong();

        // Not on a plan yet: a change to this person's deals asks no recalculation for them as a manager.
        assertThat(plans.everAssigned(java.util.Set.of(hire))).isEmpty();
        var assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/test-flat-" + n + "/assignments",
                "{\"personIds\": [" + hire + "], \"from\": \"2026-10-01\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        assertThat(Json.parse(assigned.body()).findValuesAsString("name")).contains("Mara Schulz");
        assertThat(plans.everAssigned(java.util.Set.of(hire, -1L))).containsExactly(hire);

        var overlap = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/test-flat-" + n + "/assignments",
                "{\"personIds\": [" + hire + "], \"from\": \"2026-11-01\", \"until\": \"2027-01-01\"}");
        assertThat(overlap.statusCode()).isEqualTo(400);
        assertThat(Json.parse(overlap.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("personIds[1]");

        var unknown = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/test-flat-" + n + "/assignments",
                "{\"personIds\": [999999999], \"from\": \"2026-10-01\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(login("rep", "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/plans/test-flat-" + n + "/assignments",
                                "{\"personIds\": [" + hire + "], \"from\": \"2027-01-01\"}")
                        .statusCode())
                .isEqualTo(403);
    }
}
