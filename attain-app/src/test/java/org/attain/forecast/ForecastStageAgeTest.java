package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Probabilities learned by stage and deal age on the demo company: deals seen in Proposal when young mostly won,
 * deals seen there after half a year mostly lost; the forecast's stage table shows the bands (English and German)
 * and a stage set to use what was learned weighs with them ({@link ForecastDealAgeWeightTest}: deal by deal).
 */
class ForecastStageAgeTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    String stagesBefore;

    @BeforeEach
    void history() {
        stagesBefore = login("admin", "demo").get("/api/v1/forecast/stages").body();
        // 10 won and 10 lost closed deals: 8 won and 2 lost seen in Proposal at about 10 days old, 2 won and 8 lost at
        // about 200 days. A snapshot's week is a Monday, so an age lands 0..6 days earlier: still in the same band.
        List<Long> won = closed("Closed Won");
        List<Long> lost = closed("Closed Lost");
        for (int i = 0; i < 10; i++) {
            seen(won.get(i), i < 8 ? 10 : 200);
            seen(lost.get(i), i < 2 ? 10 : 200);
        }
        // The same deals seen in Proposal again at two and at four months old (a deal counts once per band): 6 of 10
        // won at about 60 days, 4 of 10 at about 120.
        for (int i = 0; i < 10; i++) {
            seen(won.get(i), i < 6 ? 60 : 120);
            seen(lost.get(i), i < 4 ? 60 : 120);
        }
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from forecast_stage_snapshot where opportunity_id = any(:ids) and stage = 'Proposal'")
                .param("ids", ids().toArray(Long[]::new))
                .update();
        login("admin", "demo").sendJson("PUT", "/api/v1/forecast/stages", stagesBefore);
    }

    private List<Long> seenIds;

    private List<Long> ids() {
        return seenIds == null ? List.of() : seenIds;
    }

    private List<Long> closed(String stage) {
        List<Long> ids = jdbc.sql("select id from opportunity where stage = :s order by id limit 10")
                .param("s", stage)
                .query(Long.class)
                .list();
        assertThat(ids).as(stage).hasSize(10);
        seenIds = seenIds == null ? new java.util.ArrayList<>() : seenIds;
        seenIds.addAll(ids);
        return ids;
    }

    private void seen(long opportunity, int ageDays) {
        LocalDate created = jdbc.sql("select created_on from opportunity where id = :id")
                .param("id", opportunity)
                .query(LocalDate.class)
                .single();
        jdbc.sql("""
                        insert into forecast_stage_snapshot (week_of, opportunity_id, stage) values (:w, :id, 'Proposal')
                        on conflict (week_of, opportunity_id) do update set stage = excluded.stage""")
                .param("w", created.plusDays(ageDays).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .param("id", opportunity)
                .update();
    }

    private static JsonNode proposal(JsonNode view) {
        for (JsonNode s : view.get("stages")) {
            if (s.get("stage").asString().equals("Proposal")) {
                return s;
            }
        }
        throw new AssertionError("no Proposal stage");
    }

    @Test
    void proposalLearnsAYoungAndAStaleRateAndTheStageTableShowsThemInBothLanguages() {
        WebSession admin = login("admin", "demo");
        JsonNode stage = proposal(ForecastApiTest.ok(admin.get("/api/v1/forecast?currency=USD")));
        JsonNode byAge = stage.get("byAge");
        assertThat(byAge).hasSize(4);
        assertThat(byAge.get(0).get("band").asString()).isEqualTo("UP_TO_30");
        assertThat(new BigDecimal(byAge.get(0).get("value").asString())).isEqualByComparingTo("0.8");
        assertThat(byAge.get(0).get("sample").asInt()).isEqualTo(10);
        assertThat(byAge.get(1).get("band").asString()).isEqualTo("UP_TO_90");
        assertThat(new BigDecimal(byAge.get(1).get("value").asString())).isEqualByComparingTo("0.6");
        assertThat(byAge.get(2).get("band").asString()).isEqualTo("UP_TO_180");
        assertThat(new BigDecimal(byAge.get(2).get("value").asString())).isEqualByComparingTo("0.4");
        assertThat(byAge.get(3).get("band").asString()).isEqualTo("OVER_180");
        assertThat(new BigDecimal(byAge.get(3).get("value").asString())).isEqualByComparingTo("0.2");
        // The stage as a whole: 10 of 20 won.
        assertThat(new BigDecimal(stage.get("learned").asString())).isEqualByComparingTo("0.5");
        // Until the admin chooses learned values, the set 40 % is used.
        assertThat(new BigDecimal(stage.get("used").asString())).isEqualByComparingTo("0.40");

        StringBuilder stages = new StringBuilder("[");
        for (JsonNode s : Json.parse(admin.get("/api/v1/forecast/stages").body())) {
            String name = s.get("stage").asString();
            stages.append(stages.length() > 1 ? "," : "")
                    .append("{\"stage\":\"%s\",\"probability\":%s,\"category\":\"%s\",\"useLearned\":%s}"
                            .formatted(
                                    name,
                                    s.get("probability").asString(),
                                    s.get("category").asString(),
                                    name.equals("Proposal")
                                            || s.get("useLearned").asBoolean()));
        }
        stages.append("]");
        assertThat(admin.sendJson("PUT", "/api/v1/forecast/stages", stages.toString())
                        .statusCode())
                .isIn(200, 204);
        JsonNode learning = proposal(ForecastApiTest.ok(admin.get("/api/v1/forecast?currency=USD")));
        assertThat(new BigDecimal(learning.get("used").asString())).isEqualByComparingTo("0.5");
        for (String lang : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), lang)) {
                browser.logIn("admin", "demo").open("/forecast");
                browser.resize(1400, 2600);
                String cell = browser.text("[data-test=forecast-stages]");
                if (lang.startsWith("en")) {
                    assertThat(cell)
                            .containsIgnoringCase("Learned by deal age")
                            .contains("0–30 days: 80.0")
                            .contains("over 180 days: 20.0");
                    assertThat(browser.text("[data-test=stages-how]")).contains("age band");
                } else {
                    assertThat(cell)
                            .containsIgnoringCase("Gelernt nach Alter der Chance")
                            .contains("0–30 Tage: 80,0")
                            .contains("über 180 Tage: 20,0");
                }
                assertThat(browser.pageText()).doesNotContain("forecast.").doesNotContain("??");
                assertThat(browser.cspViolations()).isEmpty();
                browser.screenshot("forecast-stage-age-" + lang.substring(0, 2));
            }
        }
    }
}
