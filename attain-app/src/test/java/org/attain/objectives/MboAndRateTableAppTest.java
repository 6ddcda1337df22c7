package org.attain.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.attain.access.UserAccounts;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Golden case 20 through the app over real HTTP: a manager scores their report's objectives (API and CSV import),
 * the run pays the rate table and the MBO and reports the deal no row matches; nobody scores outside their subtree or
 * their own objectives.
 */
class MboAndRateTableAppTest extends AttainIntegrationTest {

    @Autowired
    UserAccounts users;

    @Test
    void mboAndRateTable20AManagerScoresAndTheRunPaysTheCasesNumbersAndReportsTheUnmatchedDeal() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession manager = login("manager", "demo");
        MboFixture f = MboFixture.create(compAdmin, manager, users);

        JsonNode before =
                Json.parse(manager.get("/api/v1/objective-scores?person=" + f.personId() + "&period=" + f.quarter())
                        .body());
        assertThat(before.get("editable").asBoolean()).isTrue();
        assertThat(before.get("lines").findValuesAsString("objective")).containsExactly("o1", "o2", "o3");
        assertThat(before.get("lines").get(0).hasNonNull("score")).isFalse();

        var scored = manager.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "1.00", "o2": "0.50"}}""".formatted(f.personId(), f.quarter()));
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(Json.parse(scored.body()).get("changed").asInt()).isEqualTo(2);
        // The third objective comes by import (CSV), as a manager's spreadsheet would send it.
        var imported = manager.postText(
                "/api/v1/objective-scores/import",
                "text/csv",
                "person,period,objective,score\nid:" + f.personId() + "," + f.quarter() + ",o3,0.00\n");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        var run = compAdmin.sendJson("POST", "/api/v1/calc/runs?person=" + f.personId(), "");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(201);
        assertThat(Json.parse(run.body()).get("issues").asString())
                .contains("deal " + f.deal("D4") + ": no rate table row for [Hardware, SMB]");

        JsonNode statement = Json.parse(compAdmin
                .get("/api/v1/people/" + f.personId() + "/earnings?period=" + f.quarter())
                .body());
        Map<String, BigDecimal> amounts = new java.util.HashMap<>();
        statement
                .get("lines")
                .forEach(l -> amounts.put(
                        l.get("component").asString(), l.get("amount").decimalValue()));
        assertThat(amounts.get("commission")).isEqualByComparingTo("9100.00");
        assertThat(amounts.get("mbo")).isEqualByComparingTo("3250.00");
        assertThat(statement.toString()).contains("trace.ratetable.unmatched", "trace.mbo.total");
    }

    @Test
    void mboAndRateTable20NobodyScoresOutsideTheirSubtreeOrTheirOwnAndTheRepReadsTheirOwn() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession manager = login("manager", "demo");
        MboFixture f = MboFixture.create(compAdmin, manager, users);
        WebSession rep = login(f.login(), f.password());

        // The rep reads their own objectives, unscored, and may not score them.
        JsonNode own = Json.parse(rep.get("/api/v1/objective-scores?person=" + f.personId() + "&period=" + f.quarter())
                .body());
        assertThat(own.get("editable").asBoolean()).isFalse();
        assertThat(own.get("lines").get(2).hasNonNull("score")).isFalse();
        var self = rep.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "1.00"}}""".formatted(f.personId(), f.quarter()));
        assertThat(self.statusCode()).isEqualTo(403);

        // The demo rep is outside the new rep's subtree: the same answer as someone who does not exist.
        long demoRep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        var other = rep.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "1.00"}}""".formatted(demoRep, f.quarter()));
        assertThat(other.statusCode()).isEqualTo(404);

        // A manager does not score their own objectives either.
        var managerSelf =
                manager.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "1.00"}}""".formatted(f.managerId(), f.quarter()));
        assertThat(managerSelf.statusCode()).isIn(400, 403);

        // Bad input is refused whole, naming the field.
        var bad = manager.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "0.90", "o9": "1.00", "o2": "-1"}}""".formatted(f.personId(), f.quarter()));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("scores.o9", "scores.o2");
        var badImport = manager.postText(
                "/api/v1/objective-scores/import",
                "text/csv",
                "person,period,objective,score\nid:" + f.personId() + "," + f.quarter() + ",o1,0.5\nid:" + f.personId()
                        + "," + f.quarter() + ",o2,lots\n");
        assertThat(badImport.statusCode()).isEqualTo(400);
        assertThat(Json.parse(badImport.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("rows[2].score");
        JsonNode after =
                Json.parse(manager.get("/api/v1/objective-scores?person=" + f.personId() + "&period=" + f.quarter())
                        .body());
        after.get("lines").forEach(l -> assertThat(l.hasNonNull("score")).isFalse());
    }
}
