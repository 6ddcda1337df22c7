package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Who sees whose person data, as a matrix of role x endpoint x whose data, over real HTTP:
 * a rep sees only themself, a manager their reporting subtree, the back office everyone.
 */
@DateDependent
class VisibilityMatrixTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    long repId;
    long managerId;
    long teammateId;
    long outsiderId;

    private void findPeople() {
        WebSession rep = login("rep", "demo");
        repId = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        managerId = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        teammateId = jdbc.sql("""
                select person_id from reporting_line where manager_id = :m and person_id <> :r
                  and valid_from <= cast(:today as date) and (valid_until is null or valid_until > cast(:today as date)) limit 1""")
                .param("m", managerId)
                .param("r", repId)
                .param("today", TODAY)
                .query(Long.class)
                .single();
        outsiderId = jdbc.sql("""
                select p.id from person p where p.id not in (
                  with recursive sub(id) as (select cast(:m as bigint) union
                    select rl.person_id from reporting_line rl join sub on rl.manager_id = sub.id
                    where rl.valid_from <= cast(:today as date) and (rl.valid_until is null or rl.valid_until > cast(:today as date)))
                  select id from sub) and p.role_type = 'REP' limit 1""")
                .param("m", managerId)
                .param("today", TODAY)
                .query(Long.class)
                .single();
    }

    @Test
    void theDemoManagerManagesTheDemoRep() {
        findPeople();
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body());
        assertThat(me.get("person").get("managerId").asLong()).isEqualTo(managerId);
    }

    @Test
    void aRepSeesOnlyThemself() {
        findPeople();
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/people/" + repId).statusCode()).isEqualTo(200);
        for (long other : List.of(managerId, teammateId, outsiderId)) {
            assertThat(rep.get("/api/v1/people/" + other).statusCode())
                    .as("API person %s", other)
                    .isEqualTo(404);
            assertThat(rep.get("/people/" + other).statusCode())
                    .as("page of person %s", other)
                    .isEqualTo(404);
        }
        JsonNode list = Json.parse(rep.get("/api/v1/people").body());
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(repId);
    }

    @Test
    void aManagerSeesTheirSubtreeButNoOneElse() {
        findPeople();
        WebSession manager = login("manager", "demo");
        for (long inside : List.of(managerId, repId, teammateId)) {
            assertThat(manager.get("/api/v1/people/" + inside).statusCode())
                    .as("person %s", inside)
                    .isEqualTo(200);
            assertThat(manager.get("/people/" + inside).statusCode())
                    .as("page %s", inside)
                    .isEqualTo(200);
        }
        assertThat(manager.get("/api/v1/people/" + outsiderId).statusCode()).isEqualTo(404);
        assertThat(manager.get("/people/" + outsiderId).statusCode()).isEqualTo(404);
        JsonNode list = Json.parse(manager.get("/api/v1/people?size=500").body());
        list.get("items").forEach(p -> assertThat(p.get("id").asLong()).isNotEqualTo(outsiderId));
    }

    @Test
    void theBackOfficeSeesEveryone() {
        findPeople();
        long everyone =
                jdbc.sql("select count(*) from person").query(Long.class).single();
        for (String login : List.of("admin", "compadmin", "finance")) {
            WebSession s = login(login, "demo");
            assertThat(s.get("/api/v1/people/" + outsiderId).statusCode())
                    .as(login)
                    .isEqualTo(200);
            assertThat(Json.parse(s.get("/api/v1/people").body()).get("total").asLong())
                    .as(login)
                    .isEqualTo(everyone);
        }
    }

    @Test
    void anAnonymousCallerGetsA401NotARedirect() {
        WebSession nobody = anonymous();
        assertThat(nobody.get("/api/v1/people").statusCode()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/me").statusCode()).isEqualTo(401);
        assertThat(nobody.get("/").statusCode()).isEqualTo(302);
    }
}
