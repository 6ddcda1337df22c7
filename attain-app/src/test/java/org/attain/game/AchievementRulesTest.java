package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Achievement rules over the API on the demo company: evaluating twice awards (and grants points) once; a rule
 * created today does not award for last month unless it is applied to the past; a badge counts the other rules'
 * achievements; bad input names its fields.
 */
class AchievementRulesTest extends AttainIntegrationTest {

    private long rule(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/achievement-rules", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private int evaluate(WebSession s) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/achievement-rules/evaluate", "{}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("awarded").asInt();
    }

    private static List<JsonNode> of(WebSession rep, long rule) {
        List<JsonNode> out = new ArrayList<>();
        Json.parse(rep.get("/api/v1/game/achievements/me").body()).forEach(a -> {
            if (a.get("ruleId").asLong() == rule) {
                out.add(a);
            }
        });
        return out;
    }

    private static long pointsFor(WebSession rep, String achievement) {
        long n = 0;
        for (JsonNode g : Json.parse(rep.get("/api/v1/game/points/me").body()).get("history")) {
            if (g.hasNonNull("achievement")
                    && achievement.equals(g.get("achievement").asString())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void awardingTwiceAwardsOnceAndGrantsItsPointsOnce() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long rule = rule(compAdmin, """
                {"name":"First deal twice","kind":"FIRST_DEAL_OVER","threshold":"1","points":25,"applyToPast":true}""");
        evaluate(compAdmin);
        assertThat(of(rep, rule)).hasSize(1);
        assertThat(of(rep, rule).get(0).get("points").asInt()).isEqualTo(25);
        assertThat(of(rep, rule).get(0).get("detail").asString()).startsWith("deal ");
        assertThat(pointsFor(rep, "First deal twice")).isEqualTo(1);

        evaluate(compAdmin);
        assertThat(of(rep, rule)).hasSize(1);
        assertThat(pointsFor(rep, "First deal twice")).isEqualTo(1);
    }

    @Test
    void aRuleCreatedTodayDoesNotAwardForLastMonthUnlessAppliedToThePast() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long today = rule(compAdmin, """
                {"name":"A meeting a week","kind":"COUNT_IN_WINDOW","metric":"MEETINGS","threshold":"1","days":7}""");
        long past = rule(compAdmin, """
                {"name":"A meeting a week, past too","kind":"COUNT_IN_WINDOW","metric":"MEETINGS","threshold":"1",
                 "days":7,"applyToPast":true}""");
        evaluate(compAdmin);

        JsonNode created =
                Json.parse(compAdmin.get("/api/v1/game/achievement-rules").body());
        created.forEach(r -> {
            if (r.get("id").asLong() == today) {
                assertThat(r.get("countsFrom").asString()).isEqualTo(TODAY.toString());
                assertThat(r.get("retroactive").asBoolean()).isFalse();
            }
        });
        assertThat(of(rep, today))
                .allSatisfy(a -> assertThat(LocalDate.parse(a.get("achievedOn").asString()))
                        .isAfterOrEqualTo(TODAY));
        assertThat(of(rep, past)).hasSize(1);
        assertThat(LocalDate.parse(of(rep, past).get(0).get("achievedOn").asString()))
                .as("last month's meetings count once the admin applies the rule to the past")
                .isBefore(TODAY);
    }

    @Test
    void aBadgeCountsTheOtherRulesAchievementsWithinItsWindow() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        rule(compAdmin, """
                {"name":"Two calls in a day","kind":"COUNT_IN_WINDOW","metric":"CALLS","threshold":"2","days":1,"applyToPast":true}""");
        rule(compAdmin, """
                {"name":"Any deal","kind":"FIRST_DEAL_OVER","threshold":"1","applyToPast":true}""");
        long badge = rule(compAdmin, """
                {"name":"All-rounder","kind":"BADGE","times":2,"days":366,"points":100,"applyToPast":true}""");
        evaluate(compAdmin);
        assertThat(of(rep, badge)).hasSize(1);
        assertThat(of(rep, badge).get(0).get("kind").asString()).isEqualTo("BADGE");
        assertThat(pointsFor(rep, "All-rounder")).isEqualTo(1);
    }

    @Test
    void badRulesNameTheirFieldsAndARepMayNotCreateOne() {
        WebSession compAdmin = login("compadmin", "demo");
        HttpResponse<String> r = compAdmin.sendJson("POST", "/api/v1/game/achievement-rules", """
                {"name":"","kind":"STREAK","metric":"PIPELINE","threshold":"-3"}""");
        assertThat(r.statusCode()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        Json.parse(r.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("name", "metric", "threshold", "times");

        HttpResponse<String> rep = login("rep", "demo").sendJson("POST", "/api/v1/game/achievement-rules", """
                        {"name":"Mine","kind":"FIRST_DEAL_OVER","threshold":"1"}""");
        assertThat(rep.statusCode()).isEqualTo(403);
    }
}
