package org.attain.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.attain.access.Role;
import org.attain.access.UserAccounts;
import org.attain.support.Json;
import org.attain.support.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Case 20 in the demo company: a new AE reporting to the demo manager, on a plan with a rate table by product family
 * and segment and three MBO objectives (50/30/20, target 5,000), with the case's four deals in the current quarter
 * (D4 Hardware has no row). The AE gets a login of their own, so the demo rep's pay is left alone.
 */
record MboFixture(String n, String planKey, long personId, String login, String quarter, long managerId) {

    static final String PLAN = """
            id: %s
            name: AE with MBO and rate table %s
            currency: USD
            frequency: quarter
            components:
              - id: commission
                kind: rate_table
                keys: [deal.product_family, deal.segment]
                rows:
                  - {key: [Software, Enterprise], rate: "0.06"}
                  - {key: [Software, SMB], rate: "0.08"}
                  - {key: [Services, "*"], rate: "0.03"}
              - id: mbo
                kind: mbo
                target: "5000.00"
                objectives: [{id: o1, weight: "0.50"}, {id: o2, weight: "0.30"}, {id: o3, weight: "0.20"}]
            """;

    static MboFixture create(WebSession compAdmin, WebSession manager, UserAccounts users) {
        String n = Long.toString(System.nanoTime());
        String planKey = "ae-mbo-rt-" + n;
        var published = compAdmin.sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(planKey, n));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        long managerId = Json.parse(manager.get("/api/v1/me").body()).get("id").asLong();
        JsonNode quarter =
                Json.parse(compAdmin.get("/api/v1/periods/current?kind=QUARTER").body());
        LocalDate start = LocalDate.parse(quarter.get("startsOn").asString());
        var hired = compAdmin.sendJson("POST", "/api/v1/people", """
                {"externalId": "MBO-%s", "firstName": "Mia", "lastName": "Objective", "email": "mia.%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "%s", "managerId": %d}""".formatted(n, n, start.minusMonths(3), managerId));
        assertThat(hired.statusCode()).as(hired.body()).isIn(200, 201);
        long person = Json.parse(hired.body()).get("id").asLong();
        var assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/" + planKey + "/assignments",
                "{\"personIds\": [" + person + "], \"from\": \"" + start + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        String deals = String.join(
                ",",
                deal(n, "D1", start.plusDays(9), "100000.00", "Software", "Enterprise"),
                deal(n, "D2", start.plusDays(40), "20000.00", "Software", "SMB"),
                deal(n, "D3", start.plusDays(50), "50000.00", "Services", "Enterprise"),
                deal(n, "D4", start.plusDays(60), "7000.00", "Hardware", "SMB"));
        var loaded = compAdmin.sendJson(
                "POST", "/api/v1/transactions/bulk", "{\"source\": \"crm\", \"records\": [" + deals + "]}");
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        String login = "mbo-" + n;
        users.create(login, "demo-" + n, person, Set.of(Role.REP), "test");
        return new MboFixture(n, planKey, person, login, quarter.get("id").asString(), managerId);
    }

    private static String deal(String n, String id, LocalDate close, String amount, String family, String segment) {
        return """
                {"external_id": "%s-%s", "close_date": "%s", "amount": "%s", "currency": "USD", "owner": "MBO-%s",
                 "status": "won", "attributes": {"product_family": "%s", "segment": "%s"}}""".formatted(id, n, close, amount, n, family, segment);
    }

    String deal(String id) {
        return "crm:" + id + "-" + n;
    }

    String password() {
        return "demo-" + n;
    }
}
