package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A rep who left before this quarter (the demo's David Wilson, person 40, left on 2025-09-30) used to be "nothing
 * here" on their performance and coaching pages even to an admin, because both opened on days the rep never worked.
 * Now the performance page opens on their last quarter up to their last day and says they left; a range they did not
 * work is answered beside the range form; their coaching plan is kept read-only; a manager who may not see them
 * still learns nothing.
 */
class FormerRepTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record Former(long id, String name, LocalDate lastDay, LocalDate lastQuarterStarts) {}

    Former former;

    @BeforeEach
    void aRepWhoLeftBeforeThisQuarterWithResults() {
        former = formerRep(jdbc);
    }

    static Former formerRep(JdbcClient jdbc) {
        return jdbc.sql("""
                        select p.id, p.first_name || ' ' || p.last_name as name, p.employment_end as last_day,
                               (select q.starts_on from calendar_period_v q where q.kind = 'QUARTER'
                                  and q.starts_on <= p.employment_end and q.ends_on >= p.employment_end) as last_quarter_starts
                        from person p
                        where p.role_type = 'REP' and p.employment_end < (select starts_on from calendar_period_v
                                  where kind = 'QUARTER' and starts_on <= :today and ends_on >= :today)
                          and exists (select 1 from calc_current_result_v r where r.person_id = p.id)
                        order by p.id limit 1""").param("today", TODAY).query(Former.class).single();
    }

    @Test
    void anAdminReadsAFormerRepsLastQuarterWithTheDayTheyLeft() {
        WebSession admin = login("admin", "demo");
        HttpResponse<String> api = admin.get("/api/v1/analytics/performance/reps/" + former.id());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        JsonNode view = Json.parse(api.body());
        assertThat(view.get("left_on").asString()).isEqualTo(former.lastDay().toString());
        assertThat(view.get("from").asString())
                .isEqualTo(former.lastQuarterStarts().toString());
        assertThat(view.get("to").asString()).isEqualTo(former.lastDay().toString());
        assertThat(view.get("rep").get("name").asString()).isEqualTo(former.name());

        HttpResponse<String> page = admin.get("/insights/reps/" + former.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(former.name() + " left the company on " + former.lastDay())
                .contains("data-test=\"peers\"");
        assertThat(admin.get("/insights/reps/" + former.id() + "?lang=de").body())
                .contains(former.name() + " hat das Unternehmen am " + former.lastDay() + " verlassen");
    }

    @Test
    void aRangeTheRepDidNotWorkIsAnsweredClearlyAndAnOutsiderLearnsNothing() {
        WebSession admin = login("admin", "demo");
        String thisQuarter = "?from=" + TODAY.withDayOfMonth(1) + "&to=" + TODAY;
        HttpResponse<String> api = admin.get("/api/v1/analytics/performance/reps/" + former.id() + thisQuarter);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(Json.parse(api.body()).get("errors").get(0).get("reason").asString())
                .startsWith("rep " + former.id() + " was employed from ")
                .contains("to " + former.lastDay());
        HttpResponse<String> page = admin.get("/insights/reps/" + former.id() + thisQuarter);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("This rep did not work here in this range.");

        // The demo manager's subtree today does not hold them: the same "not among the people you may see" as anyone.
        WebSession manager = login("manager", "demo");
        HttpResponse<String> refused = manager.get("/api/v1/analytics/performance/reps/" + former.id());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("among the people you may see").doesNotContain(former.name());
        assertThat(manager.get("/insights/reps/" + former.id()).body()).doesNotContain(former.name());
        assertThat(manager.get("/coaching/reps/" + former.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormerRepsCoachingPlanIsKeptReadOnly() {
        WebSession admin = login("admin", "demo");
        HttpResponse<String> page = admin.get("/coaching/reps/" + former.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(former.name() + " left the company on " + former.lastDay())
                .doesNotContain("data-test=\"suggestions\"")
                .doesNotContain("data-test=\"note-form\"");
        long entries = entries();
        HttpResponse<String> note = admin.postForm(
                "/coaching/reps/" + former.id() + "/entries", Map.of("kind", "NOTE", "body", "Too late"));
        assertThat(note.statusCode()).isEqualTo(403);
        assertThat(note.body()).contains("This rep has left the company");
        assertThat(admin.postForm(
                                "/coaching/reps/" + former.id() + "/goals?lang=de",
                                Map.of(
                                        "metric",
                                        "calls",
                                        "target",
                                        "10",
                                        "due",
                                        TODAY.plusDays(30).toString()))
                        .body())
                .contains("Diese Person hat das Unternehmen verlassen");
        assertThat(entries()).isEqualTo(entries);
    }

    private long entries() {
        return jdbc.sql("""
                        select (select count(*) from coaching_entry e join coaching_plan p on p.id = e.plan_id where p.person_id = :p)
                             + (select count(*) from coaching_goal g join coaching_plan p on p.id = g.plan_id where p.person_id = :p)""").param("p", former.id()).query(Long.class).single();
    }
}
