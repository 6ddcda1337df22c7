package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Visibility;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Performance analytics over real HTTP on the demo company: figures checked against SQL of their own, drill-down
 * sums, visibility (a manager's subtree, a rep's own figures), empty and backwards ranges, the CSV.
 */
class PerformanceAnalyticsTest extends AttainIntegrationTest {

    @Autowired
    Periods periods;

    @Autowired
    Visibility visibility;

    @Autowired
    JdbcClient jdbc;

    LocalDate from;
    LocalDate to;
    String range;

    @BeforeEach
    void quarter() {
        var q = periods.current(PeriodKind.QUARTER);
        from = q.startsOn();
        to = q.endsOn();
        range = "from=" + from + "&to=" + to;
    }

    private long me(WebSession s) {
        return Json.parse(s.get("/api/v1/me").body()).get("id").asLong();
    }

    /** The REP-role people of a subtree employed in the range, worked out in SQL here. */
    private Set<Long> reps(Set<Long> people) {
        return new HashSet<>(jdbc.sql("""
                select id from org_person_v where role_type = 'REP' and id = any(:ids)
                  and (employment_start is null or employment_start <= :to)
                  and (employment_end is null or employment_end >= :from)""")
                .param("ids", people.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .list());
    }

    @Test
    void aManagersCompanyIsTheirSubtreeAndItsFiguresAddUpDownToTheReps() {
        WebSession manager = login("manager", "demo");
        Set<Long> visible = reps(visibility.subtree(me(manager), TODAY));
        JsonNode company =
                Json.parse(manager.get("/api/v1/analytics/performance?" + range).body());
        JsonNode group = company.get("group");
        assertThat(group.get("level").asString()).isEqualTo("COMPANY");
        assertThat(group.get("reps").asInt()).isEqualTo(visible.size());
        BigDecimal booked = jdbc.sql("""
                select coalesce(sum(amount), 0) from sales_booking_v
                where owner_id = any(:ids) and status = 'won' and close_date between :from and :to""")
                .param("ids", visible.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(BigDecimal.class)
                .single();
        assertThat(sum(group.get("bookings"))).isEqualByComparingTo(booked);
        // the regions' reps and calls add up to the company's, month by month too
        int reps = 0;
        long childCalls = 0;
        for (JsonNode region : company.get("children")) {
            reps += region.get("reps").asInt();
            childCalls += region.get("calls").asLong();
        }
        assertThat(reps).isEqualTo(visible.size());
        assertThat(childCalls).isEqualTo(group.get("calls").asLong());
        long monthly = 0;
        for (JsonNode m : group.get("months")) {
            monthly += m.get("calls").asLong();
        }
        assertThat(monthly).isEqualTo(group.get("calls").asLong());
        assertThat(group.get("months")).hasSize(3);

        // drill down: a region, then a team, then its reps; each level sums to the one above
        JsonNode region = company.get("children").get(0);
        JsonNode inRegion = Json.parse(manager.get("/api/v1/analytics/performance?" + range + "&region="
                        + region.get("id").asLong())
                .body());
        assertThat(inRegion.get("group").get("calls").asLong())
                .isEqualTo(region.get("calls").asLong());
        JsonNode team = inRegion.get("children").get(0);
        JsonNode inTeam = Json.parse(manager.get("/api/v1/analytics/performance?" + range + "&team="
                        + team.get("id").asLong())
                .body());
        long teamCalls = 0;
        for (JsonNode r : inTeam.get("reps")) {
            assertThat(visible).contains(r.get("id").asLong());
            assertThat(r.has("earnings")).isFalse();
            teamCalls += r.get("calls").asLong();
        }
        assertThat(teamCalls).isEqualTo(team.get("calls").asLong());
        assertThat(inTeam.get("reps")).hasSize(team.get("reps").asInt());
    }

    @Test
    void aRepsFunnelWinRateAndCycleMatchTheirOpportunitiesAndActivities() {
        WebSession manager = login("manager", "demo");
        long rep = me(login("rep", "demo"));
        JsonNode view = Json.parse(manager.get("/api/v1/analytics/performance/reps/" + rep + "?" + range)
                .body());
        JsonNode r = view.get("rep");
        record Opp(long won, long lost, long created, long days) {}
        Opp o = jdbc.sql("""
                select count(*) filter (where stage = 'Closed Won' and close_date between :from and :to),
                       count(*) filter (where stage = 'Closed Lost' and close_date between :from and :to),
                       count(*) filter (where created_on between :from and :to),
                       coalesce(sum(close_date - created_on) filter (where stage = 'Closed Won' and close_date between :from and :to), 0)
                from opportunity where owner_id = :p""")
                .param("p", rep)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Opp(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        long calls = jdbc.sql("""
                select count(*) from activity where person_id = :p and kind = 'CALL'
                  and occurred_at >= :from and occurred_at < cast(:to as date) + 1""")
                .param("p", rep)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        assertThat(r.get("opportunities_won").asLong()).isEqualTo(o.won());
        assertThat(r.get("opportunities_lost").asLong()).isEqualTo(o.lost());
        assertThat(r.get("opportunities").asLong()).isEqualTo(o.created());
        assertThat(r.get("calls").asLong()).isEqualTo(calls);
        if (o.won() + o.lost() > 0) {
            assertThat(r.get("win_rate").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(o.won())
                            .divide(BigDecimal.valueOf(o.won() + o.lost()), 4, java.math.RoundingMode.HALF_EVEN));
        }
        if (o.won() > 0) {
            assertThat(r.get("sales_cycle_days").decimalValue())
                    .isEqualByComparingTo(BigDecimal.valueOf(o.days())
                            .divide(BigDecimal.valueOf(o.won()), 1, java.math.RoundingMode.HALF_EVEN));
        }
        List<String> steps = new ArrayList<>();
        r.get("funnel").forEach(s -> steps.add(s.get("step").asString()));
        assertThat(steps).containsExactly("calls", "meetings", "opportunities", "wins");
        // peers: every metric named, the percentile between 0 and 100 where there is one
        List<String> metrics = new ArrayList<>();
        for (JsonNode p : view.get("peers")) {
            metrics.add(p.get("metric").asString());
            if (!p.get("percentile").isNull()) {
                assertThat(p.get("percentile").asInt()).isBetween(0, 100);
                assertThat(p.get("peers").asInt()).isGreaterThanOrEqualTo(PerformerClassifier.MIN_PEERS);
            }
        }
        assertThat(metrics)
                .contains(
                        "attainment",
                        "bookings",
                        "win_rate",
                        "average_deal_size",
                        "sales_cycle_days",
                        "calls",
                        "meetings");
    }

    @Test
    void aManagerAskingForARepOutsideTheirSubtreeIsRefusedWithoutLearningAnything() {
        WebSession manager = login("manager", "demo");
        Set<Long> subtree = visibility.subtree(me(manager), TODAY);
        record Rep(long id, String name) {}
        Rep outsider = jdbc.sql(
                        "select id, first_name || ' ' || last_name as name from org_person_v "
                                + "where role_type = 'REP' and employment_end is null and not (id = any(:ids)) order by id limit 1")
                .param("ids", subtree.toArray(Long[]::new))
                .query(Rep.class)
                .single();
        HttpResponse<String> refused = manager.get("/api/v1/analytics/performance/reps/" + outsider.id() + "?" + range);
        assertThat(refused.statusCode()).isEqualTo(404);
        JsonNode problem = Json.parse(refused.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("person");
        assertThat(problem.get("errors").get(0).get("reason").asString())
                .isEqualTo("no rep " + outsider.id() + " among the people you may see");
        assertThat(refused.body()).doesNotContain(outsider.name());
        // the same refusal for a person who does not exist at all
        HttpResponse<String> nobody = manager.get("/api/v1/analytics/performance/reps/99999999?" + range);
        assertThat(nobody.statusCode()).isEqualTo(404);
        // and on the page, in the reader's language
        String page = manager.get("/insights/reps/" + outsider.id()).body();
        assertThat(page).doesNotContain(outsider.name());
        // a team without anyone the manager sees
        Long otherTeam = jdbc.sql("select team_id from org_person_v where team_id is not null and role_type = 'REP' "
                        + "group by team_id having bool_and(not (id = any(:ids))) order by team_id limit 1")
                .param("ids", subtree.toArray(Long[]::new))
                .query(Long.class)
                .single();
        assertThat(manager.get("/api/v1/analytics/performance?team=" + otherTeam)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aRepSeesOnlyTheirOwnFiguresAndNoOnesPay() {
        WebSession rep = login("rep", "demo");
        long me = me(rep);
        HttpResponse<String> own = rep.get("/api/v1/analytics/performance/reps/" + me + "?" + range);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("earnings").doesNotContain("payout");
        JsonNode company =
                Json.parse(rep.get("/api/v1/analytics/performance?" + range).body());
        assertThat(company.get("group").get("reps").asInt()).isEqualTo(1);
        long other = jdbc.sql("select id from org_person_v where role_type = 'REP' and id <> :me order by id limit 1")
                .param("me", me)
                .query(Long.class)
                .single();
        assertThat(rep.get("/api/v1/analytics/performance/reps/" + other).statusCode())
                .isEqualTo(404);
        // the dashboard is a rep's own page, shown at once (200)
        HttpResponse<String> dashboard = rep.get("/insights?" + range);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        String myName = jdbc.sql("select first_name || ' ' || last_name from org_person_v where id = :me")
                .param("me", me)
                .query(String.class)
                .single();
        assertThat(dashboard.body()).contains(myName);
        // another person's pay is not on the rep's page: no earnings of anyone, their own neither
        String page = rep.get("/insights/reps/" + me + "?" + range).body();
        List<BigDecimal> pay = jdbc.sql(
                        "select earnings from calc_current_result_v where period_id = :p and earnings >= 1000")
                .param("p", periods.current(PeriodKind.QUARTER).id())
                .query(BigDecimal.class)
                .list();
        assertThat(pay).isNotEmpty();
        for (BigDecimal amount : pay) {
            // the amount to the cent as a whole number on the page (not inside a larger one such as 15,000.00)
            String shown = String.format(java.util.Locale.US, "%,.2f", amount);
            assertThat(page).doesNotContainPattern("(?<![\\d,.])" + java.util.regex.Pattern.quote(shown) + "(?!\\d)");
        }
    }

    @Test
    void emptyAndBackwardsRangesAreAnsweredClearly() {
        WebSession admin = login("admin", "demo");
        HttpResponse<String> backwards = admin.get("/api/v1/analytics/performance?from=2026-12-31&to=2026-10-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        JsonNode problem = Json.parse(backwards.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(problem.get("errors").get(0).get("reason").asString()).contains("the range is empty");
        HttpResponse<String> half = admin.get("/api/v1/analytics/performance?from=2026-10-01");
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(half.body()).contains("\"field\":\"to\"");
        assertThat(admin.get("/api/v1/analytics/performance?from=2020-01-01&to=2026-12-31")
                        .statusCode())
                .isEqualTo(400);
        // a range before the company sold anything: zeros and "empty", not an error
        JsonNode quiet = Json.parse(admin.get("/api/v1/analytics/performance?from=2019-01-01&to=2019-03-31")
                .body());
        assertThat(quiet.get("empty").asBoolean()).isTrue();
        assertThat(quiet.get("group").get("calls").asLong()).isZero();
        assertThat(quiet.get("group").path("win_rate").isValueNode()).isFalse();
        // the page says both in words and keeps the form
        String page = admin.get("/insights?from=2026-12-31&to=2026-10-01").body();
        assertThat(page).contains("The range is empty").contains("data-test=\"range\"");
        assertThat(admin.get("/insights?from=2019-01-01&to=2019-03-31").body())
                .contains("Nothing happened in this range");
    }

    @Test
    void theCsvHasOneRowPerVisibleRep() {
        WebSession manager = login("manager", "demo");
        Set<Long> visible = reps(visibility.subtree(me(manager), TODAY));
        HttpResponse<String> csv = manager.get("/api/v1/analytics/performance.csv?" + range);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).startsWith("person_id,name,role,region,team,currency,attainment,bookings");
        Set<Long> ids = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            ids.add(Long.parseLong(lines[i].substring(0, lines[i].indexOf(','))));
        }
        assertThat(ids).isEqualTo(visible);
    }

    private static BigDecimal sum(JsonNode amounts) {
        BigDecimal total = BigDecimal.ZERO;
        for (var e : amounts.properties()) {
            total = total.add(e.getValue().decimalValue());
        }
        return total;
    }
}
