package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.org.Visibility;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Coaching plans over real HTTP: suggestions accepted once, goals tracked live, who sees and writes which plan. */
class CoachingTest extends AttainIntegrationTest {

    @Autowired
    Coaching coaching;

    @Autowired
    Visibility visibility;

    @Autowired
    JdbcClient jdbc;

    private long me(WebSession s) {
        return Json.parse(s.get("/api/v1/me").body()).get("id").asLong();
    }

    /** The n-th rep (by id) of the manager's subtree that has a suggestion today. */
    static long repWithSuggestion(Coaching coaching, Visibility visibility, JdbcClient jdbc, long manager, int n) {
        Set<Long> subtree = visibility.subtree(manager, TODAY);
        List<Long> reps = jdbc.sql("select id from org_person_v where role_type = 'REP' and employment_end is null "
                        + "and id = any(:ids) order by id")
                .param("ids", subtree.toArray(Long[]::new))
                .query(Long.class)
                .list();
        return reps.stream()
                .filter(id -> !coaching.suggest(id, TODAY).items().isEmpty())
                .skip(n)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aManagerAcceptsASuggestionOnceAndItIsTrackedAsAGoal() {
        WebSession manager = login("manager", "demo");
        long rep = repWithSuggestion(coaching, visibility, jdbc, me(manager), 0);
        JsonNode before = Json.parse(manager.get("/api/v1/coaching/reps/" + rep).body());
        String key = before.get("suggestions").get(0).get("key").asString();
        assertThat(key).matches("(funnel|activity):[a-z_]+");
        HttpResponse<String> accepted = manager.postForm("/coaching/reps/" + rep + "/accept", Map.of("key", key));
        assertThat(accepted.statusCode()).isEqualTo(302);
        // twice: refused in words, nothing counted twice
        String again = manager.postForm("/coaching/reps/" + rep + "/accept", Map.of("key", key))
                .body();
        assertThat(again).contains("already an open goal");
        JsonNode plan = Json.parse(manager.get("/api/v1/coaching/reps/" + rep).body());
        List<JsonNode> fromIt = new java.util.ArrayList<>();
        plan.get("goals").forEach(g -> {
            if (key.equals(g.path("source").asString(""))) {
                fromIt.add(g);
            }
        });
        assertThat(fromIt).hasSize(1);
        JsonNode goal = fromIt.get(0);
        assertThat(goal.get("source").asString()).isEqualTo(key);
        assertThat(goal.get("due_on").asString())
                .isEqualTo(TODAY.plusDays(Coaching.WINDOW_DAYS).toString());
        assertThat(goal.get("status").asString()).isIn("MET", "ON_TRACK", "BEHIND", "NO_DATA");
        assertThat(manager.postForm("/coaching/reps/" + rep + "/accept", Map.of("key", "funnel:nonsense"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aGoalSetByHandIsCheckedAndTrackedFromLiveActivity() {
        WebSession manager = login("manager", "demo");
        long rep = me(login("rep", "demo"));
        String bad = manager.postForm(
                        "/coaching/reps/" + rep + "/goals",
                        Map.of(
                                "metric",
                                "golf",
                                "target",
                                "-3",
                                "due",
                                TODAY.minusDays(1).toString()))
                .body();
        assertThat(bad).contains("Pick a metric from the list").contains("Give a due date from today on");
        long stored = jdbc.sql(
                        "select count(*) from coaching_goal g join coaching_plan p on p.id = g.plan_id where p.person_id = :p")
                .param("p", rep)
                .query(Long.class)
                .single();
        assertThat(stored).isZero();
        assertThat(manager.postForm(
                                "/coaching/reps/" + rep + "/goals",
                                Map.of(
                                        "metric",
                                        "calls",
                                        "target",
                                        "40",
                                        "due",
                                        TODAY.plusDays(30).toString()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(manager.postForm(
                                "/coaching/reps/" + rep + "/entries",
                                Map.of(
                                        "kind",
                                        "AGENDA",
                                        "meeting",
                                        TODAY.plusDays(7).toString(),
                                        "body",
                                        "Pipeline review"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(manager.postForm("/coaching/reps/" + rep + "/entries", Map.of("kind", "AGENDA", "body", "no day"))
                        .body())
                .contains("Give the day of the 1:1");
        JsonNode goal = null;
        for (JsonNode g :
                Json.parse(manager.get("/api/v1/coaching/reps/" + rep).body()).get("goals")) {
            if (g.path("source").isNull() || g.path("source").isMissingNode()) {
                goal = g;
            }
        }
        assertThat(goal).isNotNull();
        long calls = jdbc.sql("""
                select count(*) from activity where person_id = :p and kind = 'CALL'
                  and occurred_at >= :from and occurred_at < cast(:to as date) + 1""")
                .param("p", rep)
                .param("from", TODAY)
                .param("to", TODAY)
                .query(Long.class)
                .single();
        assertThat(goal.get("metric").asString()).isEqualTo("calls");
        assertThat(goal.get("value").asLong()).isEqualTo(calls);
        assertThat(goal.get("target").decimalValue()).isEqualByComparingTo("40");

        // the rep sees their own plan, read-only, and nobody else's
        WebSession repSession = login("rep", "demo");
        HttpResponse<String> list = repSession.get("/coaching");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).as("the rep's /coaching is their own plan").contains("My coaching plan");
        String own = repSession.get("/coaching/reps/" + rep).body();
        assertThat(own)
                .contains("My coaching plan")
                .contains("Pipeline review")
                .doesNotContain("data-test=\"goal-form\"")
                .doesNotContain("data-test=\"suggestions\"");
        assertThat(repSession
                        .postForm("/coaching/reps/" + rep + "/entries", Map.of("kind", "NOTE", "body", "mine"))
                        .statusCode())
                .isEqualTo(403);
        long other = visibility.subtree(me(manager), TODAY).stream()
                .filter(id -> id != rep && id != me(manager))
                .findFirst()
                .orElseThrow();
        assertThat(repSession.get("/coaching/reps/" + other).statusCode()).isEqualTo(404);
        assertThat(repSession.get("/api/v1/coaching/reps/" + other).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aManagerCannotReadOrWriteThePlanOfARepOutsideTheirSubtree() {
        WebSession manager = login("manager", "demo");
        Set<Long> subtree = visibility.subtree(me(manager), TODAY);
        long outsider = jdbc.sql(
                        "select id from org_person_v where role_type = 'REP' and not (id = any(:ids)) order by id limit 1")
                .param("ids", subtree.toArray(Long[]::new))
                .query(Long.class)
                .single();
        assertThat(manager.get("/coaching/reps/" + outsider).statusCode()).isEqualTo(404);
        HttpResponse<String> api = manager.get("/api/v1/coaching/reps/" + outsider);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.body()).contains("among the people you may see");
        assertThat(manager.postForm("/coaching/reps/" + outsider + "/entries", Map.of("kind", "NOTE", "body", "x"))
                        .statusCode())
                .isEqualTo(404);
        long plans = jdbc.sql("select count(*) from coaching_plan where person_id = :p")
                .param("p", outsider)
                .query(Long.class)
                .single();
        assertThat(plans).isZero();
    }
}
