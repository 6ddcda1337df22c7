package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The plans API checks conditions against the data: a typo is an error with its place and the closest
 * field, a condition no current deal meets is a warning, and publishing without a passing scenario
 * needs {@code confirm=true}.
 */
class PlanCheckApiTest extends AttainIntegrationTest {

    private static final String SPIFF = """
            id: check-%s
            name: Check
            currency: USD
            frequency: quarter
            components:
              - {id: spiff, kind: per_deal_amount, amount: "100.00", when: "%s"}
            """;

    @Test
    void aTypoInAConditionIsRefusedWithItsLineColumnAndTheClosestField() {
        WebSession compAdmin = login("compadmin", "demo");
        String plan = SPIFF.formatted(System.nanoTime(), "deal.typ == 'new_logo'");
        for (var response : new java.net.http.HttpResponse[] {
            compAdmin.sendYaml("/api/v1/plans", plan), compAdmin.sendYaml("/api/v1/plans?confirm=true", plan)
        }) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = Json.parse((String) response.body()).get("errors").get(0);
            assertThat(error.get("line").asInt()).isEqualTo(6);
            // `  - {id: spiff, kind: per_deal_amount, amount: "100.00", when: "deal.typ ...`: 'typ' is column 70.
            assertThat(error.get("column").asInt()).isEqualTo(70);
            assertThat(error.get("reason").asString())
                    .isEqualTo("unknown field 'typ' of deal (did you mean deal.type?)");
            assertThat(error.get("code").asString()).isEqualTo("plan.cel.unknownField.didYouMean");
        }
        JsonNode validated =
                Json.parse(compAdmin.sendYaml("/api/v1/plans/validate", plan).body());
        assertThat(validated.get(0).get("reason").asString()).contains("did you mean deal.type?");
    }

    @Test
    void aConditionNoCurrentDealMeetsIsAWarningAndOneSomeDealMeetsIsNot() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode check = Json.parse(compAdmin
                .sendYaml("/api/v1/plans/check", SPIFF.formatted(System.nanoTime(), "deal.type == 'new_lgo'"))
                .body());
        assertThat(check.get("errors")).isEmpty();
        JsonNode warning = check.get("warnings").get(0);
        assertThat(warning.get("line").asInt()).isEqualTo(6);
        assertThat(warning.get("reason").asString())
                .matches("never true over the [1-9][0-9]* current deals \\(deal\\.type is one of: .*new_logo.*\\)");

        JsonNode fine = Json.parse(compAdmin
                .sendYaml(
                        "/api/v1/plans/check",
                        SPIFF.formatted(System.nanoTime(), "deal.type == 'new_logo' && deal.amount > 1000.0"))
                .body());
        assertThat(fine.get("errors")).isEmpty();
        assertThat(fine.get("warnings")).isEmpty();
    }

    @Test
    void aCustomAttributeTheDealsCarryIsAllowedTypedAndCheckedAgainstItsValues() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode rep = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        var loaded = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "ATTR-%s", "close_date": "%s", "amount": "100.00",
                  "currency": "%s", "owner": "%s", "deal_type": "expansion", "status": "lost",
                  "attributes": {"segment": "smb", "seats": 12}}]}""".formatted(
                        System.nanoTime(),
                        LocalDate.now(),
                        rep.get("currency").asString(),
                        rep.get("externalId").asString()));
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);

        JsonNode ok = Json.parse(compAdmin
                .sendYaml(
                        "/api/v1/plans/check",
                        SPIFF.formatted(System.nanoTime(), "deal.segment == 'smb' && deal.seats >= 10"))
                .body());
        assertThat(ok.get("errors")).isEmpty();
        assertThat(ok.get("warnings")).isEmpty();

        JsonNode typo = Json.parse(compAdmin
                .sendYaml("/api/v1/plans/check", SPIFF.formatted(System.nanoTime(), "deal.segmnt == 'smb'"))
                .body());
        assertThat(typo.get("errors").get(0).get("reason").asString())
                .isEqualTo("unknown field 'segmnt' of deal (did you mean deal.segment?)");

        JsonNode mistyped = Json.parse(compAdmin
                .sendYaml("/api/v1/plans/check", SPIFF.formatted(System.nanoTime(), "deal.segment == 3"))
                .body());
        assertThat(mistyped.get("errors").get(0).get("reason").asString()).contains("no matching overload");

        JsonNode never = Json.parse(compAdmin
                .sendYaml("/api/v1/plans/check", SPIFF.formatted(System.nanoTime(), "deal.segment == 'enterprise'"))
                .body());
        assertThat(never.get("warnings").get(0).get("reason").asString()).contains("(deal.segment is one of: smb)");
    }

    @Test
    void publishingWithoutAPassingScenarioNeedsConfirmation() {
        WebSession compAdmin = login("compadmin", "demo");
        String key = Long.toString(System.nanoTime());
        String plan = PlansApiTest.PLAN.formatted(key, "0.10");

        var unconfirmed = compAdmin.sendYaml("/api/v1/plans", plan);
        assertThat(unconfirmed.statusCode()).isEqualTo(409);
        JsonNode conflict = Json.parse(unconfirmed.body());
        assertThat(conflict.get("detail").asString())
                .contains("has no scenario")
                .contains("confirm=true");
        assertThat(conflict.get("scenarios")).isEmpty();
        assertThat(compAdmin.get("/api/v1/plans/test-flat-" + key + "/versions").statusCode())
                .isEqualTo(404);

        var confirmed = compAdmin.sendYaml("/api/v1/plans?confirm=true", plan);
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(Json.parse(confirmed.body()).get("version").asInt()).isEqualTo(1);

        var attached = compAdmin.postForm(
                "/plans/test-flat-" + key + "/scenarios", Map.of("name", "ten percent", "body", """
                scenario: ten-percent
                periods: [2026-Q1]
                currency: USD
                people:
                  - {id: ae1, role: AE, start: 2025-01-01}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-10, amount: "50000.00"}
                expected:
                  - {person: ae1, period: 2026-Q1, component: commission, amount: "5000.00"}
                """));
        assertThat(attached.statusCode()).isIn(200, 302, 303);

        var passing = compAdmin.sendYaml("/api/v1/plans", plan.replace("name: Test flat", "name: Test flat, renamed"));
        assertThat(passing.statusCode()).as(passing.body()).isEqualTo(201);
        JsonNode published = Json.parse(passing.body());
        assertThat(published.get("version").asInt()).isEqualTo(2);
        assertThat(published.get("scenarios").get(0).get("passed").asBoolean()).isTrue();

        String failingPlan = PlansApiTest.PLAN.formatted(key, "0.12");
        var failing = compAdmin.sendYaml("/api/v1/plans", failingPlan);
        assertThat(failing.statusCode()).isEqualTo(409);
        JsonNode failed = Json.parse(failing.body());
        assertThat(failed.get("detail").asString()).contains("1 of 1 scenario(s)");
        assertThat(failed.get("scenarios").get(0).get("passed").asBoolean()).isFalse();
        assertThat(failed.get("scenarios").get(0).get("problems").get(0).asString())
                .contains("expected 5000.00, got 6000.00");
        assertThat(compAdmin.sendYaml("/api/v1/plans?confirm=true", failingPlan).statusCode())
                .isEqualTo(201);
    }

    @Test
    void theDemoPlansPassTheScenariosTheyShipWith() {
        WebSession compAdmin = login("compadmin", "demo");
        int checked = 0;
        for (JsonNode plan : Json.parse(compAdmin.get("/api/v1/plans").body())) {
            String key = plan.get("planKey").asString();
            if (!key.startsWith("ae-") && !key.startsWith("mgr-")) {
                continue;
            }
            checked++;
            String outcomes = compAdmin
                    .postForm(
                            "/plans/" + key + "/scenarios/run",
                            Map.of("source", plan.get("source").asString()))
                    .body();
            assertThat(outcomes).as(key).contains("passed").doesNotContain("failed");
        }
        assertThat(checked).isGreaterThanOrEqualTo(2);
    }
}
