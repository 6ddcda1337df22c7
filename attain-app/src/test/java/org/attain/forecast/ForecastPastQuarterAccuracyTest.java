package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Forecast against actual for an earlier quarter nobody called: the manager's last weekly snapshot of the quarter
 * (not an earlier week's) stands for what the forecast said, its weighted pipeline and its commit scored against what
 * was won, and the page names the week it came from, in English and German.
 */
class ForecastPastQuarterAccuracyTest extends AttainIntegrationTest {

    static final String QUARTER = "2026-Q3";
    static final LocalDate EARLIER = LocalDate.of(2026, 9, 14);
    static final LocalDate LAST = LocalDate.of(2026, 9, 21);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuarterWithoutACallIsScoredOnItsLastWeeklySnapshot() {
        WebSession manager = login("manager", "demo");
        JsonNode view = ForecastApiTest.ok(manager.get("/api/v1/forecast?currency=USD"));
        long person = view.get("personId").asLong();
        JsonNode before = past(view);
        assertThat(before.hasNonNull("weighted")).as("nobody called " + QUARTER).isFalse();
        BigDecimal won = new BigDecimal(before.get("won").asString());
        assertThat(won).isPositive();
        BigDecimal weighted = won.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal commit = won.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_EVEN);
        week(EARLIER, person, won, won);
        week(LAST, person, commit, weighted);
        try {
            JsonNode after = past(ForecastApiTest.ok(manager.get("/api/v1/forecast?currency=USD")));
            assertThat(after.get("fromWeek").asString()).isEqualTo(LAST.toString());
            assertThat(new BigDecimal(after.get("weighted").asString())).isEqualByComparingTo(weighted);
            assertThat(new BigDecimal(after.get("commit").asString())).isEqualByComparingTo(commit);
            // 1 - |1.1 won - won| / won = 0.9; 1 - |0.8 won - won| / won = 0.8.
            assertThat(new BigDecimal(after.get("weightedAccuracy").asString()))
                    .isCloseTo(new BigDecimal("0.9"), within(new BigDecimal("0.0001")));
            assertThat(new BigDecimal(after.get("commitAccuracy").asString()))
                    .isCloseTo(new BigDecimal("0.8"), within(new BigDecimal("0.0001")));

            for (String lang : List.of("en-US", "de-DE")) {
                try (Browser browser = new Browser(baseUrl(), lang)) {
                    browser.logIn("manager", "demo").open("/forecast");
                    browser.resize(1400, 3200);
                    boolean en = lang.startsWith("en");
                    assertThat(browser.text("[data-test=forecast-past-basis-" + QUARTER + "]"))
                            .isEqualTo(en ? "weekly snapshot of 2026-09-21" : "Wochen-Schnappschuss vom 21.09.2026");
                    assertThat(browser.text("[data-test=forecast-accuracy]")).contains(en ? "90.0%" : "90,0");
                    assertThat(browser.pageText()).doesNotContain("??");
                    browser.screenshot("forecast-past-quarter-" + lang.substring(0, 2));
                }
            }
        } finally {
            jdbc.sql("delete from forecast_call_week where person_id = :p and period_id = :q and week_of in (:a, :b)")
                    .param("p", person)
                    .param("q", QUARTER)
                    .param("a", EARLIER)
                    .param("b", LAST)
                    .update();
        }
    }

    private static JsonNode past(JsonNode view) {
        for (JsonNode p : view.get("past")) {
            if (p.get("periodId").asString().equals(QUARTER)) {
                return p;
            }
        }
        throw new AssertionError("no " + QUARTER + " in " + view.get("past"));
    }

    private void week(LocalDate week, long person, BigDecimal commit, BigDecimal weighted) {
        jdbc.sql("""
                        insert into forecast_call_week (week_of, person_id, period_id, currency, category, called, computed,
                                                        rolled_up, weighted)
                        values (:w, :p, :q, 'USD', 'commit', null, :c, :c, :weighted)""")
                .param("w", week)
                .param("p", person)
                .param("q", QUARTER)
                .param("c", commit)
                .param("weighted", weighted)
                .update();
    }
}
