package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Achievement rules over the API on the demo company: evaluating twice awards (and grants points) once; a rule
 * created today does not award for last month unless it is applied to the past; a badge counts the other rules'
 * achievements; meetings logged through the API award achievements without anyone evaluating; bad input names its
 * fields.
 */
class AchievementRulesTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

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

    /**
     * A streak: at least one meeting a week, three weeks in a row, applied to the past: achieved on the last day of
     * the first such third week, the weeks counted in sevens from the rule's first day (a year back), as the rep's
     * own meetings in the database say.
     */
    @Test
    void aStreakIsAchievedOnTheLastDayOfTheFirstRunOfWeeksAtTheThreshold() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long person =
                Json.parse(rep.get("/api/v1/me").body()).get("person").get("id").asLong();
        long streak = rule(compAdmin, """
                {"name":"Three weeks of meetings %d","kind":"STREAK","metric":"MEETINGS","threshold":"1","times":3,
                 "points":30,"applyToPast":true}""".formatted(System.nanoTime()));
        evaluate(compAdmin);

        LocalDate from = TODAY.minusDays(AchievementRules.PAST_DAYS);
        LocalDate expected = null;
        int run = 0;
        for (LocalDate start = from; !start.plusDays(6).isAfter(TODAY) && expected == null; start = start.plusDays(7)) {
            long meetings = jdbc.sql("""
                            select count(*) from activity where person_id = :p and kind = 'MEETING'
                              and occurred_at >= :from and occurred_at < cast(:to as date) + 1""")
                    .param("p", person)
                    .param("from", start)
                    .param("to", start.plusDays(6))
                    .query(Long.class)
                    .single();
            run = meetings >= 1 ? run + 1 : 0;
            if (run == 3) {
                expected = start.plusDays(6);
            }
        }
        assertThat(expected).as("the demo rep meets customers most weeks").isNotNull();
        assertThat(of(rep, streak)).hasSize(1);
        assertThat(LocalDate.parse(of(rep, streak).get(0).get("achievedOn").asString()))
                .isEqualTo(expected);
        assertThat(of(rep, streak).get(0).get("detail").asString())
                .isEqualTo("3 weeks in a row at 1 MEETINGS or more, to " + expected);
    }

    /**
     * Nobody presses "evaluate": meetings logged through the activity API award what they achieve within seconds.
     * The rule was added today without "apply to the past", so yesterday's meeting does not count towards it, however
     * often it is evaluated.
     */
    @Test
    void meetingsLoggedThroughTheApiAwardTheirAchievementWithoutAnyoneEvaluatingAndNeverFromBeforeTheRulesDay() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        JsonNode me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        long before = jdbc.sql("""
                        select count(*) from activity
                        where person_id = :p and kind = 'MEETING' and cast(occurred_at as date) = :d""")
                .param("p", me.get("id").asLong())
                .param("d", TODAY)
                .query(Long.class)
                .single();
        String tag = String.valueOf(System.nanoTime());
        long oneMore = rule(compAdmin, """
                {"name":"One more meeting today %s","kind":"COUNT_IN_WINDOW","metric":"MEETINGS","threshold":"%d","days":1}""".formatted(tag, before + 1));
        long twoInTwoDays = rule(compAdmin, """
                {"name":"Two more meetings in two days %s","kind":"COUNT_IN_WINDOW","metric":"MEETINGS","threshold":"%d",
                 "days":2,"points":15}""".formatted(tag, before + 2));
        assertThat(of(rep, oneMore)).isEmpty();

        String source = "calendar-" + tag;
        String email = me.get("email").asString();
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/activities", meetings(source, email, "Y1", TODAY.minusDays(1), "T1"))
                        .statusCode())
                .isEqualTo(200);
        waitFor(() -> !of(rep, oneMore).isEmpty());
        assertThat(LocalDate.parse(of(rep, oneMore).get(0).get("achievedOn").asString()))
                .isEqualTo(TODAY);
        assertThat(of(rep, twoInTwoDays))
                .as("yesterday's meeting came before the rule's first day: it does not count")
                .isEmpty();

        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/activities", meetings(source, email, null, null, "T2"))
                        .statusCode())
                .isEqualTo(200);
        waitFor(() -> !of(rep, twoInTwoDays).isEmpty());
        assertThat(LocalDate.parse(
                        of(rep, twoInTwoDays).get(0).get("achievedOn").asString()))
                .isEqualTo(TODAY);
        assertThat(pointsFor(rep, "Two more meetings in two days " + tag)).isEqualTo(1);
        evaluate(compAdmin);
        assertThat(of(rep, twoInTwoDays)).hasSize(1);
        assertThat(pointsFor(rep, "Two more meetings in two days " + tag)).isEqualTo(1);
    }

    private static String meetings(String source, String email, String pastId, LocalDate pastDay, String todayId) {
        List<String> records = new ArrayList<>();
        if (pastId != null) {
            records.add(meeting(pastId, email, pastDay));
        }
        records.add(meeting(todayId, email, TODAY));
        return "{\"source\":\"" + source + "\",\"records\":[" + String.join(",", records) + "]}";
    }

    private static String meeting(String id, String email, LocalDate day) {
        String at = day.atTime(10, 0)
                .atZone(ZoneId.systemDefault())
                .toOffsetDateTime()
                .toString();
        return """
                {"external_id":"%s","person":"%s","kind":"MEETING","occurred_at":"%s","duration_minutes":30}""".formatted(id, email, at);
    }

    private static void waitFor(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("awarded within 30 s").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
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
