package org.attain.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin sets a team (pod) quota; a member on a plan paid on pod attainment is recalculated and
 * their statement shows the pod's credited bookings, the pod quota and the pod's attainment.
 */
class TeamQuotasTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final Pattern POD_LINE =
            Pattern.compile("pod (.+?): credited ([0-9.\\-]+) of quota ([0-9.]+) = ([0-9.]+)% attainment");

    @Test
    void aMemberOfAPodIsPaidOnThePodsAttainmentAfterTheTeamQuotaIsSet() throws InterruptedException {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        JsonNode quarter =
                Json.parse(compAdmin.get("/api/v1/periods/current?kind=QUARTER").body());
        String q = quarter.get("id").asString();
        String start = quarter.get("startsOn").asString();
        // The demo rep's team: its members book deals every quarter.
        JsonNode rep = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        long teamId = rep.get("teamId").asLong();
        String teamName = rep.get("team").asString();
        // The hire joins the team under its manager, as a new hire would (other tests rely on the demo manager's
        // teams lying wholly in their subtree).
        long teamManager = jdbc.sql("""
                        select rl.manager_id from org_reporting_line_v rl join app_user u on u.person_id = rl.person_id
                        where u.username = 'rep' and rl.valid_until is null""").query(Long.class).single();

        var published = compAdmin.sendYaml("/api/v1/plans?confirm=true", """
                id: pod-test-%s
                name: Pod test
                currency: USD
                frequency: quarter
                components:
                  - {id: pod_rate, kind: rate, rate: "0.01", attainment: pod}
                """.formatted(n));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long hire = Json.parse(compAdmin
                        .sendJson("POST", "/api/v1/people", """
                {"externalId": "POD-%s", "firstName": "Pia", "lastName": "Podmann", "email": "pia.%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "teamId": %d, "managerId": %d, "employmentStart": "%s"}""".formatted(n, n, teamId, teamManager, start))
                        .body())
                .get("id")
                .asLong();
        var assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/pod-test-" + n + "/assignments",
                "{\"personIds\": [" + hire + "], \"from\": \"" + start + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);

        var set = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"teams\":[{\"teamId\":" + teamId + ",\"periodId\":\"" + q + "\",\"amount\":\"1000000.00\"}]}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(Json.parse(set.body()).get("teamsChanged").asInt()).isEqualTo(1);

        Matcher pod = awaitPodLine(compAdmin, hire, q, "1000000.00");
        assertThat(pod.group(1)).isEqualTo(teamName);
        BigDecimal credited = new BigDecimal(pod.group(2));
        assertThat(credited).as("the pod's bookings this quarter").isPositive();
        BigDecimal attainment = credited.divide(new BigDecimal("1000000.00"), 4, RoundingMode.DOWN)
                .movePointRight(2);
        assertThat(new BigDecimal(pod.group(4))).isEqualByComparingTo(attainment);
        JsonNode statement = Json.parse(compAdmin
                .get("/api/v1/people/" + hire + "/earnings?period=" + q)
                .body());
        BigDecimal paid = BigDecimal.ZERO;
        for (JsonNode line : statement.get("lines")) {
            if (line.get("component").asString().equals("pod_rate")) {
                paid = paid.add(line.get("amount").decimalValue());
            }
        }
        // The new hire booked nothing, yet earns 1% of the pod's bookings.
        assertThat(paid)
                .isEqualByComparingTo(credited.multiply(new BigDecimal("0.01")).setScale(2, RoundingMode.HALF_EVEN));

        // A team mate's new deal changes the pod total, so the new hire is recalculated too.
        JsonNode mate =
                Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        var deal = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "POD-%s", "close_date": "%s", "amount": "10000.00",
                  "currency": "%s", "owner": "%s", "deal_type": "expansion"}]}""".formatted(
                        n,
                        start,
                        mate.get("currency").asString(),
                        mate.get("externalId").asString()));
        assertThat(deal.statusCode()).as(deal.body()).isEqualTo(200);
        Matcher after = awaitPodLine(compAdmin, hire, q, "1000000.00", credited);
        assertThat(new BigDecimal(after.group(2))).isGreaterThan(credited);

        assertThat(compAdmin.get("/quotas?period=" + q + "&team=" + teamId).body())
                .contains("data-test=\"team-quota-sheet\"")
                .contains("value=\"1,000,000\"");
        var page = compAdmin.postForm(
                "/quotas/teams",
                Map.of(
                        "period",
                        q,
                        "team",
                        Long.toString(teamId),
                        "teamId",
                        Long.toString(teamId),
                        "teamAmount",
                        "2000000"));
        assertThat(page.statusCode()).isIn(200, 302, 303);
        awaitPodLine(compAdmin, hire, q, "2000000.00");
        assertThat(login("admin", "demo")
                        .get("/api/v1/audit?action=TEAM_QUOTA_SET")
                        .body())
                .contains(teamId + "/" + q);
    }

    @Test
    void aBadTeamRowSavesNothingAndNamesTheRow() {
        WebSession compAdmin = login("compadmin", "demo");
        String q = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var response = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"teams\":["
                        + "{\"teamId\":999999999,\"periodId\":\"" + q + "\",\"amount\":\"1.00\"},"
                        + "{\"teamId\":999999998,\"periodId\":\"" + q + "\",\"amount\":\"-1\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("teams[1].teamId").contains("teams[2].amount");
        assertThat(login("rep", "demo").get("/api/v1/quotas/teams?period=" + q).statusCode())
                .isEqualTo(403);
        assertThat(login("rep", "demo")
                        .sendJson("PUT", "/api/v1/quotas", "{\"teams\":[]}")
                        .statusCode())
                .isEqualTo(403);
    }

    private static Matcher awaitPodLine(WebSession session, long person, String quarter, String quota)
            throws InterruptedException {
        return awaitPodLine(session, person, quarter, quota, null);
    }

    /** Waits for the person's pod line with this quota and, if {@code above} is set, more credited than that. */
    private static Matcher awaitPodLine(WebSession session, long person, String quarter, String quota, BigDecimal above)
            throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        String body = "";
        while (Instant.now().isBefore(until)) {
            body = session.get("/api/v1/people/" + person + "/earnings?period=" + quarter)
                    .body();
            Matcher m = POD_LINE.matcher(body);
            if (m.find()
                    && m.group(3).equals(quota)
                    && (above == null || new BigDecimal(m.group(2)).compareTo(above) > 0)) {
                return m;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no pod line with quota " + quota + " in " + body);
    }
}
