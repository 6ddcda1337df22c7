package org.attain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The organisation over REST: filters, paging, manager history, validation errors. */
class OrgApiTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void peopleFilterByRoleAndPage() {
        WebSession admin = login("admin", "demo");
        JsonNode reps =
                Json.parse(admin.get("/api/v1/people?role=REP&page=0&size=10").body());
        long repCount = jdbc.sql("select count(*) from person where role_type = 'REP'")
                .query(Long.class)
                .single();
        assertThat(reps.get("total").asLong()).isEqualTo(repCount);
        assertThat(reps.get("items")).hasSize(10);
        reps.get("items").forEach(p -> assertThat(p.get("roleType").asString()).isEqualTo("REP"));

        JsonNode secondPage =
                Json.parse(admin.get("/api/v1/people?role=REP&page=1&size=10").body());
        assertThat(secondPage.get("items").get(0).get("id").asLong())
                .isNotEqualTo(reps.get("items").get(0).get("id").asLong());
    }

    @Test
    void whoReportedToWhomOnADayFollowsTheManagerChange() {
        // The demo company has exactly one person whose manager changed.
        record Change(long personId, long oldManager, long newManager, LocalDate changedOn) {}
        Change change = jdbc.sql("""
                select a.person_id, a.manager_id as old_manager, b.manager_id as new_manager, b.valid_from as changed_on
                from reporting_line a join reporting_line b on a.person_id = b.person_id and a.valid_until = b.valid_from
                where a.manager_id <> b.manager_id limit 1""").query(Change.class).single();
        WebSession admin = login("admin", "demo");
        JsonNode before = Json.parse(admin.get("/api/v1/reporting-lines?personId=" + change.personId() + "&asOf="
                        + change.changedOn().minusDays(1))
                .body());
        JsonNode after = Json.parse(
                admin.get("/api/v1/reporting-lines?personId=" + change.personId() + "&asOf=" + change.changedOn())
                        .body());
        assertThat(before.get(0).get("managerId").asLong()).isEqualTo(change.oldManager());
        assertThat(after.get(0).get("managerId").asLong()).isEqualTo(change.newManager());
        assertThat(Json.parse(admin.get("/api/v1/people/" + change.personId() + "/reporting-lines")
                        .body()))
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aValidationErrorIsAProblemDocumentNamingEachField() {
        WebSession admin = login("admin", "demo");
        var response = admin.sendJson(
                "POST",
                "/api/v1/people",
                "{\"externalId\":\"X1\",\"firstName\":\"\",\"lastName\":\"Doe\",\"email\":\"not-an-email\",\"title\":\"AE\",\"roleType\":\"REP\",\"employmentStart\":\"2026-01-01\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        JsonNode problem = Json.parse(response.body());
        assertThat(problem.get("errors").findValuesAsString("field")).contains("firstName", "email");
    }

    @Test
    void outOfRangePagingIsABadRequestNotAnError() {
        WebSession admin = login("admin", "demo");
        var response = admin.get("/api/v1/people?size=100000");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("size");
    }

    @Test
    void aCompAdminAddsAPersonWithAManagerAndARepMayNot() {
        long managerId = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String body = "{\"externalId\":\"NEW-" + System.nanoTime()
                + "\",\"firstName\":\"Jana\",\"lastName\":\"Neumann\",\"email\":\"jana"
                + System.nanoTime()
                + "@example.com\",\"title\":\"Account Executive\",\"roleType\":\"REP\",\"managerId\":" + managerId
                + ",\"employmentStart\":\"2026-01-01\"}";
        assertThat(login("rep", "demo").sendJson("POST", "/api/v1/people", body).statusCode())
                .isEqualTo(403);
        var created = login("compadmin", "demo").sendJson("POST", "/api/v1/people", body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(Json.parse(created.body()).get("managerId").asLong()).isEqualTo(managerId);
        var again = login("compadmin", "demo").sendJson("POST", "/api/v1/people", body);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("externalId");
    }
}
