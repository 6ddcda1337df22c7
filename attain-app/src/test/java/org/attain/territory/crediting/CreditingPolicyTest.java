package org.attain.territory.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunStatus;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The company's territory crediting policy: off by default, and then a run of the demo company changes nothing
 * (every result's fingerprint as it was); set through the API by planners only, bad input refused with a reason per
 * field and nothing saved; a change is audited.
 */
class CreditingPolicyTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    record Fingerprint(long personId, String periodId, String fingerprint) {}

    @Test
    void withThePolicyOffTheDemoCompanysRunIsUnchanged() {
        WebSession planner = login("compadmin", "demo");
        JsonNode policy =
                Json.parse(planner.get("/api/v1/territories/crediting-policy").body());
        assertThat(policy.get("enabled").asBoolean()).isFalse();
        // Other tests turn the policy on and off, each time recalculating everyone in the background: a full run
        // first, which no run started before it can overwrite (results only move forward).
        assertThat(runs.runFull("test", "test").status()).isEqualTo(RunStatus.DONE);
        List<Fingerprint> before = fingerprints();
        CalcRuns.Run rerun = runs.runFull("test", "test");
        assertThat(rerun.status()).isEqualTo(RunStatus.DONE);
        assertThat(rerun.changed()).isZero();
        assertThat(fingerprints()).containsExactlyElementsOf(before);
    }

    @Test
    void badInputIsRefusedWithAReasonPerFieldAndNothingIsSaved() {
        WebSession planner = login("compadmin", "demo");
        String before = planner.get("/api/v1/territories/crediting-policy").body();

        var bad = planner.sendJson("PUT", "/api/v1/territories/crediting-policy", """
                {"enabled": "maybe", "hierarchy": "NO-SUCH", "precedence": ["territory", "boss"], "primaryOnce": 3}""");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(c -> assertThat(c).contains("application/problem+json"));
        Map<String, String> errors = errors(bad.body());
        assertThat(errors.get("enabled")).contains("'maybe' is not true or false");
        assertThat(errors.get("hierarchy")).contains("no territory hierarchy NO-SUCH");
        assertThat(errors.get("precedence")).contains("'boss' is not a source of credit");
        assertThat(errors.get("primaryOnce")).contains("'3' is not true or false");

        var twice = planner.sendJson("PUT", "/api/v1/territories/crediting-policy", """
                {"enabled": true, "hierarchy": "SALES", "precedence": ["owner", "owner"]}""");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(errors(twice.body()).get("precedence")).contains("names owner twice");

        var noHierarchy = planner.sendJson("PUT", "/api/v1/territories/crediting-policy", """
                {"enabled": true, "precedence": ["territory", "owner"]}""");
        assertThat(noHierarchy.statusCode()).isEqualTo(400);
        assertThat(errors(noHierarchy.body())).containsKey("hierarchy");

        var noEnabled = planner.sendJson("PUT", "/api/v1/territories/crediting-policy", "{}");
        assertThat(noEnabled.statusCode()).isEqualTo(400);
        assertThat(errors(noEnabled.body())).containsKey("enabled");

        assertThat(planner.get("/api/v1/territories/crediting-policy").body()).isEqualTo(before);
        WebSession rep = login("rep", "demo");
        assertThat(rep.sendJson("PUT", "/api/v1/territories/crediting-policy", "{\"enabled\": false}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aChangeIsAuditedAndTheSamePolicyAgainChangesNothing() {
        WebSession planner = login("compadmin", "demo");
        TerritoryCreditFixture.policy(planner, "SALES", "\"owner\"");
        try {
            JsonNode on = Json.parse(
                    planner.get("/api/v1/territories/crediting-policy").body());
            assertThat(on.get("enabled").asBoolean()).isTrue();
            assertThat(on.get("hierarchyCode").asString()).isEqualTo("SALES");
            assertThat(on.get("precedence").toString()).isEqualTo("[\"owner\"]");
            assertThat(on.get("changedBy").asString()).isEqualTo("compadmin");
            long audited = audited();
            TerritoryCreditFixture.policy(planner, "SALES", "\"owner\"");
            assertThat(audited()).as("the same policy again is no change").isEqualTo(audited);
        } finally {
            long audited = audited();
            TerritoryCreditFixture.policy(planner, null, null);
            assertThat(audited()).isEqualTo(audited + 1);
        }
        assertThat(jdbc.sql("""
                        select after->>'enabled' from audit_log where action = 'TERRITORY_CREDITING_POLICY_CHANGED'
                        order by id desc limit 1""").query(String.class).single()).isEqualTo("false");
    }

    private long audited() {
        return jdbc.sql("select count(*) from audit_log where action = 'TERRITORY_CREDITING_POLICY_CHANGED'")
                .query(Long.class)
                .single();
    }

    private List<Fingerprint> fingerprints() {
        return jdbc.sql("select person_id, period_id, fingerprint from payee_period_result where is_current"
                        + " order by person_id, period_id")
                .query(Fingerprint.class)
                .list();
    }

    private static Map<String, String> errors(String body) {
        Map<String, String> out = new HashMap<>();
        Json.parse(body)
                .get("errors")
                .forEach(e ->
                        out.merge(e.get("field").asString(), e.get("reason").asString(), (a, b) -> a + " " + b));
        return out;
    }
}
