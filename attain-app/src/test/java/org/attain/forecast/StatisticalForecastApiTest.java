package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The statistical forecast over real HTTP on the demo company (two years of history up to {@link #TODAY}): every
 * method backtested with its accuracy, the one with the lowest error forecasting the months to the end of the next
 * quarter with intervals, forecast against actual per month, the quarter's Monte-Carlo range, the same answer twice; a
 * team without history gets no number; managers forecast only their own teams; bad input is named.
 */
class StatisticalForecastApiTest extends AttainIntegrationTest {

    @Test
    void theCompanysForecastUsesTheMethodWithTheLowestBacktestErrorAndShowsEveryMethodsAccuracy() {
        WebSession finance = login("finance", "demo");
        HttpResponse<String> response = finance.get("/api/v1/forecast/statistical?scope=company&currency=USD");
        JsonNode view = ok(response);
        assertThat(view.get("tooLittleHistory").asBoolean()).isFalse();
        // History from December 2024 (the demo's start) to November 2026, the month before today's.
        assertThat(view.get("months").asInt()).isEqualTo(24);
        assertThat(view.get("origin").asString()).isEqualTo("2026-12");
        Map<String, BigDecimal> booked = new HashMap<>();
        view.get("history").forEach(p -> booked.put(p.get("month").asString(), number(p.get("actual"))));
        assertThat(booked).containsKeys("2024-12", "2026-11").hasSize(24);

        List<String> picked = new ArrayList<>();
        BigDecimal lowest = null;
        for (JsonNode m : view.get("methods")) {
            JsonNode a = m.get("accuracy");
            assertThat(a).as(m.get("method").asString()).isNotNull();
            for (String measure : List.of("mape", "smape", "mase", "bias")) {
                assertThat(a.get(measure).isNull()).as(measure).isFalse();
            }
            // Origins 16..23, up to three months each: 6 × 3 + 2 + 1.
            assertThat(a.get("points").asInt()).isEqualTo(21);
            BigDecimal mase = number(a.get("mase"));
            // A backtest flattered by today's close dates is shown, never picked.
            if (!m.get("flattered").asBoolean()) {
                lowest = lowest == null || mase.compareTo(lowest) < 0 ? mase : lowest;
            }
            if (m.get("picked").asBoolean()) {
                picked.add(m.get("method").asString());
            }
        }
        assertThat(view.get("methods")).hasSize(4);
        // The demo's deals have no close dates recorded before November 2026's end: every one of the eight origins of
        // pipeline + run-rate used today's close dates.
        JsonNode closeDates = view.get("closeDates");
        assertThat(closeDates.get("origins").asInt()).isEqualTo(8);
        assertThat(closeDates.get("withTodaysDates").asInt()).isEqualTo(8);
        JsonNode pipelineRunRate = find(view.get("methods"), "PIPELINE_RUN_RATE");
        assertThat(pipelineRunRate.get("flattered").asBoolean()).isTrue();
        assertThat(pipelineRunRate.get("picked").asBoolean()).isFalse();
        assertThat(picked).containsExactly(view.get("picked").asString());
        JsonNode best = find(view.get("methods"), view.get("picked").asString());
        assertThat(number(best.get("accuracy").get("mase"))).isEqualByComparingTo(lowest);

        // The months to come: December to the end of 2027-Q1, the picked method's numbers with an interval.
        JsonNode ahead = view.get("forecast");
        assertThat(ahead).hasSize(4);
        assertThat(ahead.get(0).get("month").asString()).isEqualTo("2026-12");
        assertThat(number(ahead.get(0).get("forecast"))).isEqualByComparingTo(number(best.get("currentMonth")));
        for (JsonNode p : ahead) {
            assertThat(number(p.get("low"))).isLessThanOrEqualTo(number(p.get("high")));
            // An interval always holds its own point.
            assertThat(number(p.get("forecast"))).isBetween(number(p.get("low")), number(p.get("high")));
        }
        for (JsonNode q : view.get("quarters")) {
            if (q.hasNonNull("low")) {
                assertThat(number(q.get("forecast")))
                        .as(q.get("periodId").asString())
                        .isBetween(number(q.get("low")), number(q.get("high")));
            }
        }
        // The quarter: October and November as booked plus December's forecast.
        JsonNode q4 = view.get("quarters").get(0);
        assertThat(q4.get("periodId").asString()).isEqualTo("2026-Q4");
        assertThat(number(q4.get("booked")))
                .isEqualByComparingTo(booked.get("2026-10").add(booked.get("2026-11")));
        assertThat(number(q4.get("forecast")))
                .isEqualByComparingTo(
                        number(q4.get("booked")).add(number(ahead.get(0).get("forecast"))));
        assertThat(number(q4.get("forecast"))).isEqualByComparingTo(number(best.get("currentQuarter")));

        // Forecast against actual: the picked method's one-month-ahead forecasts, beside what was booked.
        JsonNode checks = view.get("checks");
        assertThat(checks).hasSize(8);
        for (JsonNode c : checks) {
            assertThat(number(c.get("actual")))
                    .isEqualByComparingTo(booked.get(c.get("month").asString()));
        }

        // The Monte-Carlo range of the quarter: won to date and above, ordered, with its seed.
        JsonNode range = view.get("range");
        assertThat(range.get("periodId").asString()).isEqualTo("2026-Q4");
        assertThat(range.get("openDeals").asInt()).isPositive();
        assertThat(number(range.get("p10"))).isGreaterThanOrEqualTo(number(range.get("wonToDate")));
        assertThat(number(range.get("p10"))).isLessThanOrEqualTo(number(range.get("p50")));
        assertThat(number(range.get("p50"))).isLessThanOrEqualTo(number(range.get("p90")));
        assertThat(range.get("seed").asLong()).isEqualTo(MonteCarloRange.SEED);

        // Deterministic: the same history gives the same bytes.
        assertThat(finance.get("/api/v1/forecast/statistical?scope=company&currency=USD")
                        .body())
                .isEqualTo(response.body());
    }

    @Test
    void aRegionAndATeamWithHistoryAreForecastFromTheirOwn() {
        WebSession finance = login("finance", "demo");
        JsonNode scopes = ok(finance.get("/api/v1/forecast/statistical/scopes"));
        JsonNode region = first(scopes, "region", "North America");
        JsonNode view = ok(finance.get("/api/v1/forecast/statistical?scope=region&id="
                + region.get("id").asLong()));
        assertThat(view.get("scope").get("name").asString()).isEqualTo("North America");
        assertThat(view.get("tooLittleHistory").asBoolean()).isFalse();
        JsonNode company = ok(finance.get("/api/v1/forecast/statistical?scope=company"));
        assertThat(number(view.get("history").get(23).get("actual")))
                .as("a region books part of the company")
                .isLessThan(number(company.get("history").get(23).get("actual")));
    }

    @Test
    void aTeamWithoutHistoryIsToldSoAndGetsNoNumber() {
        WebSession finance = login("finance", "demo");
        JsonNode team = first(ok(finance.get("/api/v1/forecast/statistical/scopes")), "team", "Revenue Operations");
        JsonNode view = ok(finance.get(
                "/api/v1/forecast/statistical?scope=team&id=" + team.get("id").asLong()));
        assertThat(view.get("tooLittleHistory").asBoolean()).isTrue();
        assertThat(view.get("months").asInt())
                .isLessThan(view.get("monthsNeeded").asInt());
        assertThat(view.get("forecast")).isEmpty();
        assertThat(view.get("methods")).isEmpty();
        assertThat(view.get("picked")).as("no method picked").isNull();
        assertThat(view.get("range")).as("no range").isNull();
    }

    @Test
    void aManagerForecastsOnlyTheTeamsInTheirTreeAndBadInputIsNamed() {
        WebSession manager = login("manager", "demo");
        JsonNode scopes = ok(manager.get("/api/v1/forecast/statistical/scopes"));
        assertThat(scopes).isNotEmpty();
        scopes.forEach(s -> assertThat(s.get("kind").asString()).isEqualTo("team"));
        JsonNode own = ok(manager.get("/api/v1/forecast/statistical"));
        assertThat(own.get("scope").get("id").asLong())
                .isEqualTo(scopes.get(0).get("id").asLong());
        assertThat(manager.get("/api/v1/forecast/statistical?scope=company").statusCode())
                .isEqualTo(403);
        WebSession finance = login("finance", "demo");
        JsonNode all = ok(finance.get("/api/v1/forecast/statistical/scopes"));
        for (JsonNode s : all) {
            if (s.get("kind").asString().equals("team")
                    && !contains(scopes, s.get("id").asLong())) {
                assertThat(manager.get("/api/v1/forecast/statistical?scope=team&id="
                                        + s.get("id").asLong())
                                .statusCode())
                        .isEqualTo(403);
                break;
            }
        }
        assertThat(login("rep", "demo").get("/api/v1/forecast/statistical").statusCode())
                .isEqualTo(403);

        HttpResponse<String> bad = finance.get("/api/v1/forecast/statistical?scope=planet");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"scope\"");
        HttpResponse<String> noRegion = finance.get("/api/v1/forecast/statistical?scope=region&id=99999");
        assertThat(noRegion.statusCode()).isEqualTo(400);
        assertThat(noRegion.body()).contains("\"id\"");
        assertThat(finance.get("/api/v1/forecast/statistical?currency=usd").body())
                .contains("\"currency\"");
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }

    private static BigDecimal number(JsonNode n) {
        return new BigDecimal(n.asString());
    }

    private static JsonNode find(JsonNode methods, String method) {
        for (JsonNode m : methods) {
            if (m.get("method").asString().equals(method)) {
                return m;
            }
        }
        throw new AssertionError("no method " + method);
    }

    private static JsonNode first(JsonNode scopes, String kind, String name) {
        for (JsonNode s : scopes) {
            if (s.get("kind").asString().equals(kind)
                    && s.get("name").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no " + kind + " " + name);
    }

    private static boolean contains(JsonNode scopes, long id) {
        for (JsonNode s : scopes) {
            if (s.get("id").asLong() == id) {
                return true;
            }
        }
        return false;
    }
}
