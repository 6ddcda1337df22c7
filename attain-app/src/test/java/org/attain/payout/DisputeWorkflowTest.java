package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A rep questions a statement line; a comp admin reviews it and answers; every step is audited. */
class DisputeWorkflowTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
    }

    @Test
    void aRepQuestionsALineAndTheCompAdminResolvesIt() {
        WebSession rep = login("rep", "demo");
        HttpResponse<String> opened = rep.sendJson(
                "POST",
                "/api/v1/disputes",
                PayoutFixtures.disputeJson(cast.rep, cast.quarter, cast.firstLine(cast.rep), "My deal T1 is missing"));
        assertThat(opened.statusCode()).isEqualTo(201);
        JsonNode dispute = Json.parse(opened.body());
        long id = dispute.get("id").asLong();
        assertThat(dispute.get("status").asString()).isEqualTo("OPEN");
        assertThat(dispute.get("assignee")).isNull();
        assertThat(dispute.get("ageDays").asLong()).isZero();
        assertThat(dispute.get("lineAmount")).isNotNull();

        WebSession compadmin = login("compadmin", "demo");
        JsonNode inReview = Json.parse(compadmin
                .sendJson("POST", "/api/v1/disputes/" + id + "/status", "{\"status\":\"IN_REVIEW\"}")
                .body());
        assertThat(inReview.get("status").asString()).isEqualTo("IN_REVIEW");
        assertThat(inReview.get("assignee").asString())
                .as("whoever starts the review holds it")
                .isEqualTo("compadmin");

        assertThat(compadmin
                        .sendJson(
                                "POST", "/api/v1/disputes/" + id + "/status", "{\"status\":\"RESOLVED\",\"note\":\"\"}")
                        .statusCode())
                .as("resolving needs an answer")
                .isEqualTo(400);
        JsonNode resolved = Json.parse(compadmin
                .sendJson(
                        "POST",
                        "/api/v1/disputes/" + id + "/status",
                        "{\"status\":\"RESOLVED\",\"note\":\"T1 closes next quarter; it will count then.\"}")
                .body());
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");

        JsonNode seenByRep = Json.parse(rep.get("/api/v1/disputes/" + id).body());
        assertThat(seenByRep.get("dispute").get("status").asString()).isEqualTo("RESOLVED");
        assertThat(seenByRep.get("comments").get(0).get("text").asString()).contains("next quarter");

        var actions = jdbc.sql(
                        "select action from audit_log where entity_type = 'dispute' and entity_id = :id order by id")
                .param("id", String.valueOf(id))
                .query(String.class)
                .list();
        assertThat(actions).containsExactly("DISPUTE_OPENED", "DISPUTE_IN_REVIEW", "DISPUTE_RESOLVED");
    }

    @Test
    void aDisputeWithoutTextIsRefusedWithAFieldMessage() {
        HttpResponse<String> response = login("rep", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/disputes",
                        PayoutFixtures.disputeJson(cast.rep, cast.quarter, cast.firstLine(cast.rep), "   "));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("text");
        assertThat(error.get("reason").asString()).contains("say what looks wrong");
    }

    @Test
    void theFormSaysWhatIsMissingInTheUsersLanguage() {
        WebSession rep = login("rep", "demo");
        rep.get("/?lang=de");
        HttpResponse<String> page = rep.postForm(
                "/disputes",
                Map.of(
                        "person",
                        String.valueOf(cast.rep),
                        "period",
                        cast.quarter,
                        "line",
                        String.valueOf(cast.firstLine(cast.rep)),
                        "text",
                        ""));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Bitte beschreiben Sie, was an dieser Zeile falsch scheint.");
        assertThat(jdbc.sql("select count(*) from dispute where text = ''")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aClosedDisputeCannotBeMovedAgainAndARepCannotMoveOne() {
        long id = Json.parse(login("rep", "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/disputes",
                                PayoutFixtures.disputeJson(
                                        cast.rep, cast.quarter, cast.firstLine(cast.rep), "Rate looks low"))
                        .body())
                .get("id")
                .asLong();
        assertThat(login("rep", "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/disputes/" + id + "/status",
                                "{\"status\":\"RESOLVED\",\"note\":\"fine\"}")
                        .statusCode())
                .isEqualTo(403);
        WebSession admin = login("admin", "demo");
        assertThat(admin.sendJson(
                                "POST",
                                "/api/v1/disputes/" + id + "/status",
                                "{\"status\":\"REJECTED\",\"note\":\"The rate is the plan's.\"}")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = admin.sendJson(
                "POST", "/api/v1/disputes/" + id + "/status", "{\"status\":\"RESOLVED\",\"note\":\"changed my mind\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.parse(again.body()).get("detail").asString()).contains("REJECTED");
    }

    @Test
    void theInboxFiltersByStatusAndHolder() {
        long id = Json.parse(login("rep", "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/disputes",
                                PayoutFixtures.disputeJson(
                                        cast.rep, cast.quarter, cast.firstLine(cast.rep), "Split share wrong"))
                        .body())
                .get("id")
                .asLong();
        WebSession compadmin = login("compadmin", "demo");
        assertThat(ids(compadmin.get("/api/v1/disputes?status=OPEN&holder=none").body()))
                .contains(id);
        compadmin.sendJson("PUT", "/api/v1/disputes/" + id + "/assignee", "{\"assignee\":\"admin\"}");
        assertThat(ids(compadmin.get("/api/v1/disputes?holder=none").body())).doesNotContain(id);
        assertThat(ids(compadmin
                        .get("/api/v1/disputes?holder=admin&status=OPEN")
                        .body()))
                .contains(id);
        assertThat(ids(compadmin.get("/api/v1/disputes?minAgeDays=3").body()))
                .as("opened today")
                .doesNotContain(id);
        assertThat(compadmin.get("/disputes?status=OPEN&holder=admin").body())
                .contains("data-test=\"dispute-" + id + "\"");
    }

    private static java.util.List<Long> ids(String body) {
        return Json.parse(body).valueStream().map(n -> n.get("id").asLong()).toList();
    }
}
