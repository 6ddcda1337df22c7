package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.JsonNode;

/**
 * The weekly history of calls taken by the scheduled job on a pinned clock: one row per week whether anyone called,
 * the manager's week equal to their forecast's roll-up, a rerun in the same week replacing it, the next week added
 * beside it; shown on the forecast page in English and German.
 */
class WeeklyForecastSnapshotTest extends AttainIntegrationTest {

    @Autowired
    Forecasts forecasts;

    @Autowired
    ForecastStore store;

    @Autowired
    JdbcClient jdbc;

    private WeeklyForecastSnapshot on(LocalDate day) {
        Clock clock =
                Clock.fixed(day.atTime(6, 0).atZone(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault());
        return new WeeklyForecastSnapshot(forecasts, store, jdbc, clock);
    }

    @Test
    void theJobRunsOnMondaysFromTheSchedule() throws Exception {
        Scheduled scheduled =
                WeeklyForecastSnapshot.class.getDeclaredMethod("onSchedule").getAnnotation(Scheduled.class);
        assertThat(scheduled.cron()).isEqualTo("${attain.forecast.weekly.cron:0 0 5 * * MON}");
    }

    @Test
    void eachWeekIsTakenOnceWithTheManagersRollUpAndShownOnThePage() {
        LocalDate monday = LocalDate.of(2026, 11, 30);
        assertThat(TODAY).isBetween(monday, monday.plusDays(6));
        WeeklyForecastSnapshot.Taken first = on(TODAY).take();
        assertThat(first.weekOf()).isEqualTo(monday);
        assertThat(first.periodId()).isEqualTo("2026-Q4");
        assertThat(first.people()).isPositive();
        // The open deals' stage and close date that week: what the pipeline + run-rate backtest forecasts from later.
        assertThat(first.deals()).isPositive();
        assertThat(jdbc.sql("select count(*) filter (where close_date is null), count(*) from forecast_stage_snapshot"
                                + " where week_of = :w")
                        .param("w", monday)
                        .query((rs, n) -> rs.getLong(1) + " without a close date of " + rs.getLong(2))
                        .single())
                .startsWith("0 without a close date of ");

        WebSession manager = login("manager", "demo");
        JsonNode view = ForecastApiTest.ok(manager.get("/api/v1/forecast?currency=USD"));
        JsonNode weeks = ForecastApiTest.ok(manager.get("/api/v1/forecast/weeks?currency=USD"));
        assertThat(weeks).hasSize(1);
        JsonNode week = weeks.get(0);
        assertThat(week.get("weekOf").asString()).isEqualTo("2026-11-30");
        for (String c : List.of("CLOSED", "COMMIT", "BEST_CASE", "PIPELINE")) {
            assertThat(new BigDecimal(week.get("lines").get(c).get("rolledUp").asString()))
                    .as(c)
                    .isEqualByComparingTo(
                            ForecastApiTest.amount(view.get("total").get("lines"), c));
        }
        assertThat(new BigDecimal(week.get("weighted").asString()))
                .isEqualByComparingTo(
                        new BigDecimal(view.get("total").get("weighted").asString()));

        // Again the same week (a restart, a second run): replaced, not doubled. The next Monday: a second week.
        long rows = rows();
        on(monday.plusDays(1)).take();
        assertThat(rows()).isEqualTo(rows);
        WeeklyForecastSnapshot.Taken next = on(monday.plusDays(7)).take();
        assertThat(next.weekOf()).isEqualTo(monday.plusDays(7));
        assertThat(rows()).isEqualTo(rows * 2);
        JsonNode two =
                Json.parse(manager.get("/api/v1/forecast/weeks?currency=USD").body());
        assertThat(two).hasSize(2);
        assertThat(two.get(0).get("weekOf").asString()).isEqualTo("2026-12-07");

        for (String lang : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), lang)) {
                browser.logIn("manager", "demo").open("/forecast");
                browser.resize(1400, 3200);
                boolean en = lang.startsWith("en");
                assertThat(browser.driver()
                                .findElements(org.openqa.selenium.By.cssSelector("[data-test=forecast-week]")))
                        .hasSize(2);
                assertThat(browser.pageText())
                        .contains(en ? "Weekly snapshots" : "Wöchentliche Schnappschüsse")
                        .contains(en ? "Taken every Monday" : "Jeden Montag")
                        .doesNotContain("forecast.")
                        .doesNotContain("??");
                assertThat(browser.cspViolations()).isEmpty();
                browser.screenshot("forecast-weeks-" + lang.substring(0, 2));
            }
        }
    }

    private long rows() {
        return jdbc.sql("select count(*) from forecast_call_week where period_id = '2026-Q4'")
                .query(Long.class)
                .single();
    }
}
