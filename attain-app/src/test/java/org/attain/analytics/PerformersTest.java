package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.analytics.PerformerClassifier.Assessment;
import org.attain.analytics.PerformerClassifier.Flag;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Visibility;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Top and low performers and a rep's standing on the demo company, on the pinned day, over real HTTP. */
class PerformersTest extends AttainIntegrationTest {

    @Autowired
    PerformanceReview review;

    @Autowired
    Periods periods;

    @Autowired
    Visibility visibility;

    @Autowired
    JdbcClient jdbc;

    record Named(long id, String name) {}

    private Map<Long, Assessment> verdicts() {
        var quarter = periods.current(PeriodKind.QUARTER);
        String last = periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> q.endsOn().isBefore(quarter.startsOn()))
                .reduce((a, b) -> b)
                .map(Periods.PeriodRow::id)
                .orElse(null);
        return review.review(quarter.id(), last, quarter.startsOn(), quarter.endsOn(), TODAY);
    }

    private List<Named> reps() {
        return jdbc.sql("select id, first_name || ' ' || last_name as name from org_person_v where role_type = 'REP'")
                .query(Named.class)
                .list();
    }

    @Test
    void everyFlaggedRepHasAReasonAndNoOneIsFlaggedOnOneNumber() {
        Map<Long, Assessment> all = verdicts();
        List<Assessment> flagged =
                all.values().stream().filter(a -> a.flag() != Flag.NONE).toList();
        System.out.printf(
                "demo reps %d, top %d, low %d, ramping %d%n",
                all.size(),
                flagged.stream().filter(a -> a.flag() == Flag.TOP).count(),
                flagged.stream().filter(a -> a.flag() == Flag.LOW).count(),
                all.values().stream().filter(Assessment::ramping).count());
        Map<String, Long> why = new java.util.TreeMap<>();
        flagged.forEach(a -> a.reasons().forEach(r -> why.merge(r.key(), 1L, Long::sum)));
        System.out.println("reasons among the flagged: " + why);
        // The rule, not a number: a flag marks the exceptional. Its strong-result half (the top or bottom tenth of
        // peers
        // this quarter and the same quartile the quarter before) cannot reach more than a tenth of the peers each way,
        // and it also needs pipeline or activity agreeing; so at most one rep in eight is flagged each way, at most one
        // in five in all, and in a company of this size someone is.
        long top = flagged.stream().filter(a -> a.flag() == Flag.TOP).count();
        long low = flagged.stream().filter(a -> a.flag() == Flag.LOW).count();
        assertThat(flagged).isNotEmpty();
        assertThat(top * 8).as("top %d of %d", top, all.size()).isLessThanOrEqualTo(all.size());
        assertThat(low * 8).as("low %d of %d", low, all.size()).isLessThanOrEqualTo(all.size());
        assertThat(flagged.size() * 5L).isLessThanOrEqualTo(all.size());
        for (Assessment a : flagged) {
            assertThat(a.reasons()).as("reasons of %d", a.personId()).isNotEmpty();
            boolean strong =
                    a.reasons().stream().anyMatch(r -> r.key().matches("insight\\.attainment\\.(top|bottom)(2|10)"));
            boolean agreeing =
                    a.reasons().stream().anyMatch(r -> r.key().matches("insight\\.(coverage|meetings|calls)\\..*"));
            assertThat(strong && agreeing)
                    .as("%d flagged on %s", a.personId(), a.reasons())
                    .isTrue();
        }
    }

    @Test
    void aManagerSeesFlagsForTheirSubtreeOnly() {
        long managerId = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        Set<Long> subtree = new HashSet<>(visibility.subtree(managerId, TODAY));
        String page = login("manager", "demo").get("/team").body();
        List<Named> reps = reps();
        Set<String> inside = new HashSet<>();
        reps.stream().filter(r -> subtree.contains(r.id())).forEach(r -> inside.add(r.name()));
        int outsiders = 0;
        for (Named r : reps) {
            if (!subtree.contains(r.id()) && !inside.contains(r.name())) {
                assertThat(page).as("outsider %s", r.name()).doesNotContain(r.name());
                outsiders++;
            }
        }
        assertThat(outsiders).isPositive();
        // the flagged in the subtree are on the page with their reasons
        Map<Long, Assessment> all = verdicts();
        long flaggedHere = all.values().stream()
                .filter(a -> a.flag() != Flag.NONE && subtree.contains(a.personId()))
                .count();
        assertThat(page.split("data-test=\"flagged\"", -1).length - 1).isEqualTo((int) flaggedHere);
        assertThat(page).doesNotContain("insight.");
    }

    @Test
    void aRepSeesTheirBandButNoOtherPersonsNameOrMoney() {
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        String page = rep.get("/standing").body();
        String api = rep.get("/api/v1/me/standing").body();
        JsonNode json = Json.parse(api);
        assertThat(json.propertyNames())
                .containsExactly("period", "ramping", "peers", "band", "points_from_median", "notes");
        Assessment mine = verdicts().get(me);
        assertThat(json.get("peers").asInt()).isEqualTo(mine.peers());
        if (mine.band() != null) {
            assertThat(json.get("band").asString()).isEqualTo(mine.band().name());
        }
        String myName = reps().stream()
                .filter(r -> r.id() == me)
                .findFirst()
                .orElseThrow()
                .name();
        for (Named r : reps()) {
            if (r.id() != me && !r.name().equals(myName)) {
                assertThat(page).as("name %s", r.name()).doesNotContain(r.name());
                assertThat(api).doesNotContain(r.name());
            }
        }
        record Money(BigDecimal earnings, BigDecimal quota) {}
        List<Money> others = jdbc.sql("""
                select earnings, quota from calc_current_result_v where person_id <> :me and period_id = :p""")
                .param("me", me)
                .param("p", periods.current(PeriodKind.QUARTER).id())
                .query(Money.class)
                .list();
        assertThat(others).isNotEmpty();
        for (Money m : others) {
            for (BigDecimal amount : new BigDecimal[] {m.earnings(), m.quota()}) {
                if (amount != null && amount.compareTo(BigDecimal.valueOf(1000)) >= 0) {
                    long whole = amount.longValue();
                    for (String shown : List.of(
                            Long.toString(whole),
                            String.format("%,d", whole),
                            String.format(java.util.Locale.GERMANY, "%,d", whole))) {
                        assertThat(page).doesNotContain(shown);
                        assertThat(api).doesNotContain(shown);
                    }
                }
            }
        }
    }

    @Test
    void aManagerWithoutAPersonHasNoStanding() {
        assertThat(login("manager", "demo").get("/standing").statusCode()).isIn(200, 403);
        assertThat(anonymous().get("/api/v1/me/standing").statusCode()).isEqualTo(401);
    }
}
