package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may see and act on whose disputes, approvals, adjustments and payroll: rep, manager and back
 * office against their own, their subtree's and someone else's data. Not visible looks like not there.
 */
class PayoutPrivacyMatrixTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;
    long teammate;
    long outsider;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
        teammate = cast.teammates().get(1);
        outsider = cast.outsiders().get(6);
    }

    @Test
    void openingADisputeFollowsTheStatementRule() {
        expectOpen("rep", cast.rep, 201);
        expectOpen("rep", teammate, 404);
        expectOpen("rep", outsider, 404);
        expectOpen("manager", cast.rep, 201);
        expectOpen("manager", outsider, 404);
        expectOpen("compadmin", outsider, 201);
        expectOpen("finance", outsider, 201);
    }

    @Test
    void readingADisputeFollowsTheStatementRule() {
        long repsDispute = open("rep", cast.rep);
        long outsidersDispute = open("admin", outsider);
        expectGet("rep", repsDispute, 200);
        expectGet("rep", outsidersDispute, 404);
        expectGet("manager", repsDispute, 200);
        expectGet("manager", outsidersDispute, 404);
        for (String backOffice : List.of("admin", "compadmin", "finance")) {
            expectGet(backOffice, repsDispute, 200);
            expectGet(backOffice, outsidersDispute, 200);
        }
        assertThat(listedPeople("rep")).containsOnly(cast.rep);
        assertThat(listedPeople("manager")).contains(cast.rep).doesNotContain(outsider);
        assertThat(login("rep", "demo").get("/disputes/" + outsidersDispute).statusCode())
                .isEqualTo(404);
        assertThat(anonymous().get("/api/v1/disputes").statusCode()).isEqualTo(401);
    }

    @Test
    void theApprovalQueueShowsTheManagersTeamAndNothingToReps() {
        assertThat(login("rep", "demo")
                        .get("/api/v1/approvals?period=" + cast.quarter)
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("rep", "demo").get("/approvals").statusCode()).isEqualTo(403);
        List<Long> managers = queue("manager");
        assertThat(managers).contains(cast.rep, teammate).doesNotContain(outsider);
        assertThat(queue("compadmin")).contains(cast.rep, outsider);
        assertThat(queue("finance")).contains(outsider);
    }

    @Test
    void approvingFollowsTheSubtree() {
        long another = cast.outsiders().get(7);
        expectApprove("rep", teammate, 404);
        expectApprove("manager", outsider, 404);
        expectApprove("finance", another, 403);
        expectApprove("compadmin", another, 201);
    }

    @Test
    void adjustmentsAreRecordedByTheBackOfficeAndReadUnderVisibility() {
        String body = "{\"personId\":" + cast.rep + ",\"period\":\"" + cast.quarter
                + "\",\"amount\":\"150.00\",\"currency\":\"" + currencyOf(cast.rep)
                + "\",\"reason\":\"Missed split on T9\"}";
        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/adjustments", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("manager", "demo")
                        .sendJson("POST", "/api/v1/adjustments", body)
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("compadmin", "demo")
                        .sendJson("POST", "/api/v1/adjustments", body)
                        .statusCode())
                .isEqualTo(201);
        assertThat(login("rep", "demo").get("/api/v1/adjustments").body()).contains("Missed split on T9");
        String outsiders =
                "{\"personId\":" + outsider + ",\"period\":\"" + cast.quarter + "\",\"amount\":\"-20\",\"currency\":\""
                        + currencyOf(outsider) + "\",\"reason\":\"Outsider clawback\"}";
        assertThat(login("admin", "demo")
                        .sendJson("POST", "/api/v1/adjustments", outsiders)
                        .statusCode())
                .isEqualTo(201);
        assertThat(login("manager", "demo").get("/api/v1/adjustments").body()).doesNotContain("Outsider clawback");
        assertThat(login("finance", "demo").get("/api/v1/adjustments").body()).contains("Outsider clawback");
    }

    private void expectOpen(String login, long person, int status) {
        assertThat(login(login, "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/disputes",
                                PayoutFixtures.disputeJson(
                                        person, cast.quarter, cast.firstLine(person), "Is this right?"))
                        .statusCode())
                .as("%s questioning a line of person %s", login, person)
                .isEqualTo(status);
    }

    private long open(String login, long person) {
        return Json.parse(login(login, "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/disputes",
                                PayoutFixtures.disputeJson(
                                        person, cast.quarter, cast.firstLine(person), "Check please"))
                        .body())
                .get("id")
                .asLong();
    }

    private void expectGet(String login, long dispute, int status) {
        assertThat(login(login, "demo").get("/api/v1/disputes/" + dispute).statusCode())
                .as("%s reading dispute %s", login, dispute)
                .isEqualTo(status);
    }

    private void expectApprove(String login, long person, int status) {
        assertThat(login(login, "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/approvals",
                                "{\"personId\":" + person + ",\"period\":\"" + cast.quarter + "\"}")
                        .statusCode())
                .as("%s approving the payout of person %s", login, person)
                .isEqualTo(status);
    }

    private List<Long> listedPeople(String login) {
        return Json.parse(login(login, "demo").get("/api/v1/disputes").body())
                .valueStream()
                .map(n -> n.get("personId").asLong())
                .distinct()
                .toList();
    }

    private List<Long> queue(String login) {
        WebSession s = login(login, "demo");
        return Json.parse(s.get("/api/v1/approvals?period=" + cast.quarter).body())
                .valueStream()
                .map(n -> n.get("personId").asLong())
                .toList();
    }

    private String currencyOf(long person) {
        return jdbc.sql("select currency from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();
    }
}
