package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The earnings export in one paged call: a rep reads their own lines, a manager their subtree, the back
 * office everyone; each reader's totals are the earnings of the current results of exactly the people
 * they may see, and pages of any size add up to the same sorted list.
 */
class EarningsExportVisibilityTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String quarter;

    @BeforeEach
    void currentQuarter() {
        quarter = Json.parse(login("finance", "demo")
                        .get("/api/v1/periods/current?kind=QUARTER")
                        .body())
                .get("id")
                .asString();
    }

    @Test
    void eachReaderGetsTheLinesOfThePeopleTheyMaySeeAndTheirCurrentResultsTotals() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        long allLines = EarningsApi.page(login("finance", "demo"), quarter, 0, 1)
                .get("total")
                .asLong();
        assertThat(allLines)
                .as("the demo company has calculated lines in the current quarter")
                .isPositive();

        for (String reader : List.of("rep", "manager", "finance", "compadmin", "admin")) {
            WebSession s = login(reader, "demo");
            JsonNode first = EarningsApi.page(s, quarter, 0, 50);
            List<JsonNode> rows = EarningsApi.allRows(s, quarter, 50);
            List<String> periods = EarningsApi.strings(first.get("periods"));
            Visible visible = visible(reader, s);

            assertThat(first.get("scope").asString()).as(reader).isEqualTo(visible.scope());
            assertThat(rows)
                    .as("%s sees only lines of people they may see", reader)
                    .allSatisfy(r -> assertThat(visible.externalIds() == null
                                    || visible.externalIds()
                                            .contains(r.get("employeeId").asString()))
                            .isTrue());
            assertThat(first.get("total").asLong())
                    .as("%s: every visible line, none missing", reader)
                    .isEqualTo(EarningsApi.currentLines(jdbc, periods, visible.ids()));
            var expected = EarningsApi.currentEarnings(jdbc, periods, visible.ids());
            EarningsApi.assertSameMoney(EarningsApi.sumByCurrency(rows), expected, reader + ": rows over all pages");
            EarningsApi.assertSameMoney(EarningsApi.totals(first), expected, reader + ": totals of the export");
            switch (visible.scope()) {
                case "own" ->
                    assertThat(rows)
                            .isNotEmpty()
                            .allSatisfy(r ->
                                    assertThat(r.get("employeeId").asString()).isEqualTo(visible.self()));
                case "subtree" -> {
                    assertThat(first.get("total").asLong())
                            .as("a manager sees less than the company")
                            .isLessThan(allLines);
                    assertThat(rows)
                            .extracting(r -> r.get("employeeId").asString())
                            .contains(externalId(cast.rep))
                            .doesNotContain(externalId(cast.outsiders().get(0)));
                }
                default -> assertThat(first.get("total").asLong()).isEqualTo(allLines);
            }
        }
    }

    @Test
    void pagesOfAnySizeAddUpToTheSameRowsSortedByEmployeePeriodAndComponent() {
        WebSession finance = login("finance", "demo");
        List<JsonNode> inOne = EarningsApi.page(finance, quarter, 0, 5000)
                .get("rows")
                .valueStream()
                .toList();
        List<JsonNode> inPages = EarningsApi.allRows(finance, quarter, 37);
        assertThat(inPages).isEqualTo(inOne);
        List<String> periods =
                EarningsApi.strings(EarningsApi.page(finance, quarter, 0, 1).get("periods"));
        List<JsonNode> sorted = new ArrayList<>(inOne);
        sorted.sort(
                Comparator.<JsonNode, String>comparing(r -> r.get("employeeId").asString())
                        .thenComparingInt(r -> periods.indexOf(r.get("period").asString()))
                        .thenComparing(r -> r.get("component").asString()));
        assertThat(inOne).as("sorted by employee id, period, component").isEqualTo(sorted);
        assertThat(inOne).allSatisfy(r -> {
            assertThat(r.get("name").asString()).isNotBlank();
            // Every line names the plan version that paid it, except a manual adjustment (component
            // "adjustment"), which no plan pays; other tests of the suite may have posted one this quarter.
            if (!r.get("component").asString().equals("adjustment")) {
                assertThat(r.get("plan").asString()).as(r.toString()).isNotBlank();
                assertThat(r.get("planVersion").asInt()).as(r.toString()).isPositive();
            } else {
                assertThat(r.get("plan")).as(r.toString()).isNull();
            }
            assertThat(r.get("currency").asString()).matches("[A-Z]{3}");
        });
        assertThat(inOne)
                .as("reps carry their attainment")
                .anySatisfy(r -> assertThat(r.get("attainment")).isNotNull());
        JsonNode past = EarningsApi.page(finance, quarter, 1000, 10);
        assertThat(past.get("rows"))
                .as("a page past the end is empty, with the total")
                .isEmpty();
        assertThat(past.get("total").asLong()).isEqualTo(inOne.size());
    }

    @Test
    void aYearHoldsEveryPeriodInsideItAndEachRowNamesItsPeriod() {
        WebSession finance = login("finance", "demo");
        JsonNode current =
                Json.parse(finance.get("/api/v1/periods/current?kind=YEAR").body());
        String year = current.get("id").asString();
        List<String> periodsOfYear = Json.parse(finance.get("/api/v1/periods?fiscalYear="
                                + current.get("fiscalYear").asInt())
                        .body())
                .valueStream()
                .map(p -> p.get("id").asString())
                .toList();

        JsonNode first = EarningsApi.page(finance, year, 0, 1);
        assertThat(first.get("periodKind").asString()).isEqualTo("YEAR");
        assertThat(EarningsApi.strings(first.get("periods")))
                .as("months, quarters and the year itself")
                .containsExactlyInAnyOrderElementsOf(periodsOfYear)
                .endsWith(year);
        assertThat(first.get("total").asLong()).isEqualTo(EarningsApi.currentLines(jdbc, periodsOfYear, null));
        EarningsApi.assertSameMoney(
                EarningsApi.totals(first), EarningsApi.currentEarnings(jdbc, periodsOfYear, null), "the year");
        Set<String> named = new HashSet<>();
        EarningsApi.allRows(finance, year, 5000)
                .forEach(r -> named.add(r.get("period").asString()));
        assertThat(named)
                .as("rows of several quarters, each named")
                .contains(quarter)
                .hasSizeGreaterThan(1);
        assertThat(periodsOfYear).containsAll(named);
    }

    private record Visible(String scope, Set<String> externalIds, Long[] ids, String self) {}

    /** Whom a reader may see, read from the people API (null sets: everyone). */
    private Visible visible(String reader, WebSession s) {
        JsonNode me = Json.parse(s.get("/api/v1/me").body());
        return switch (reader) {
            case "rep" ->
                new Visible(
                        "own",
                        Set.of(externalId(me.get("id").asLong())),
                        new Long[] {me.get("id").asLong()},
                        externalId(me.get("id").asLong()));
            case "manager" -> {
                Set<String> external = new HashSet<>();
                List<Long> ids = new ArrayList<>();
                for (int page = 0; ; page++) {
                    JsonNode people = Json.parse(
                            s.get("/api/v1/people?size=500&page=" + page).body());
                    people.get("items").forEach(p -> {
                        external.add(p.get("externalId").asString());
                        ids.add(p.get("id").asLong());
                    });
                    if ((page + 1) * 500L >= people.get("total").asLong()) {
                        break;
                    }
                }
                yield new Visible("subtree", external, ids.toArray(Long[]::new), null);
            }
            default -> new Visible("all", null, null, null);
        };
    }

    private String externalId(long personId) {
        return jdbc.sql("select external_id from person where id = :id")
                .param("id", personId)
                .query(String.class)
                .single();
    }
}
