package org.attain.pay;

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
 * Pay is private: the matrix of who may read whose earnings through the API and the statement page.
 * A rep reads their own; their managers up the line read it; the back office reads everyone's;
 * nobody else, and a refusal looks the same as a person that does not exist.
 */
@DateDependent
class EarningsPrivacyTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepReadsTheirOwnEarningsWithLinesAndTraces() {
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        var response = rep.get("/api/v1/people/" + me + "/earnings");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode statement = Json.parse(response.body());
        assertThat(statement.get("personId").asLong()).isEqualTo(me);
        assertThat(statement.get("calculated").asBoolean()).isTrue();
        assertThat(statement.get("lines").get(0).get("trace").get("steps")).isNotEmpty();
    }

    @Test
    void whoMayReadWhoseEarnings() {
        long rep = id("rep");
        long manager = id("manager");
        long otherRep = jdbc.sql("""
                select p.id from person p where p.role_type = 'REP' and p.id <> :rep and not exists (
                  select 1 from reporting_line rl where rl.person_id = p.id and rl.manager_id = :m)
                order by p.id limit 1""")
                .param("rep", rep)
                .param("m", manager)
                .query(Long.class)
                .single();
        long managersManager = jdbc.sql("""
                select manager_id from reporting_line where person_id = :m
                  and valid_from <= cast(:today as date) and (valid_until is null or valid_until > cast(:today as date))""")
                .param("m", manager)
                .param("today", TODAY)
                .query(Long.class)
                .single();

        expect("rep", rep, 200);
        expect("rep", otherRep, 404);
        expect("rep", manager, 404);
        expect("manager", rep, 200);
        expect("manager", manager, 200);
        expect("manager", otherRep, 404);
        expect("manager", managersManager, 404);
        for (String backOffice : List.of("admin", "compadmin", "finance")) {
            expect(backOffice, rep, 200);
            expect(backOffice, otherRep, 200);
        }
        assertThat(anonymous().get("/api/v1/people/" + rep + "/earnings").statusCode())
                .isEqualTo(401);
    }

    @Test
    void theStatementPageFollowsTheSameRule() {
        long otherRep = jdbc.sql("select id from person where role_type = 'REP' and id <> :r order by id desc limit 1")
                .param("r", id("rep"))
                .query(Long.class)
                .single();
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/people/" + id("rep") + "/statement").statusCode()).isEqualTo(200);
        assertThat(rep.get("/people/" + otherRep + "/statement").statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownPeriodIsA404() {
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/people/" + id("rep") + "/earnings?period=1999-Q1")
                        .statusCode())
                .isEqualTo(404);
    }

    private void expect(String login, long personId, int status) {
        assertThat(login(login, "demo")
                        .get("/api/v1/people/" + personId + "/earnings")
                        .statusCode())
                .as("%s reading the earnings of person %s", login, personId)
                .isEqualTo(status);
    }

    private long id(String login) {
        return Json.parse(login(login, "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
    }
}
