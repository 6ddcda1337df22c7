package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Once the admin sets a stage to use what was learned, the pipeline forecast weighs each open deal of that stage with
 * the share won of its own age band (the deal's age today): on the demo manager's quarter, the stage most of its open
 * deals stand in, with a history of closed deals seen in that stage young (80 % won), at two months (60 %), at four
 * (40 %) and after half a year (20 %). The deal list shows each deal's probability and the weighted pipeline adds up
 * from them.
 */
class ForecastDealAgeWeightTest extends AttainIntegrationTest {

    static final Map<Integer, String> SHARE_WON_BY_AGE = Map.of(10, "0.8", 60, "0.6", 120, "0.4", 200, "0.2");

    @Autowired
    JdbcClient jdbc;

    String stagesBefore;
    String stage;
    final List<Long> seen = new ArrayList<>();

    @BeforeEach
    void history() {
        WebSession admin = login("admin", "demo");
        stagesBefore = admin.get("/api/v1/forecast/stages").body();
        Map<String, Integer> open = new HashMap<>();
        for (JsonNode d : quarter(login("manager", "demo")).get("opportunities")) {
            if (settable(d)) {
                open.merge(d.get("stage").asString(), 1, Integer::sum);
            }
        }
        stage = open.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow(() -> new AssertionError("the demo quarter has open deals"))
                .getKey();
        // 10 won and 10 lost closed deals (not the ones ForecastStageAgeTest uses), each seen in the stage at four
        // ages.
        List<Long> won = closed("Closed Won");
        List<Long> lost = closed("Closed Lost");
        SHARE_WON_BY_AGE.forEach((age, share) -> {
            int wonOfTen = new BigDecimal(share).movePointRight(1).intValue();
            for (int i = 0; i < 10; i++) {
                if (i < wonOfTen) {
                    seen(won.get(i), age);
                }
                if (i < 10 - wonOfTen) {
                    seen(lost.get(i), age);
                }
            }
        });
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from forecast_stage_snapshot where opportunity_id = any(:ids) and stage = :s")
                .param("ids", seen.toArray(Long[]::new))
                .param("s", stage)
                .update();
        login("admin", "demo").sendJson("PUT", "/api/v1/forecast/stages", stagesBefore);
    }

    @Test
    void eachOpenDealOfALearningStageIsWeighedWithItsOwnAgeBandsShareWon() {
        useLearned(login("admin", "demo"));
        JsonNode view = quarter(login("manager", "demo"));
        int weighed = 0;
        BigDecimal weighted = BigDecimal.ZERO;
        for (JsonNode d : view.get("opportunities")) {
            BigDecimal p = new BigDecimal(d.get("probability").asString());
            if (!d.get("category").asString().equals("OMITTED")) {
                weighted = weighted.add(new BigDecimal(d.get("amount").asString()).multiply(p));
            }
            if (!settable(d) || !d.get("stage").asString().equals(stage)) {
                continue;
            }
            long age = ChronoUnit.DAYS.between(createdOn(d.get("id").asLong()), TODAY);
            String expected = age <= 30 ? "0.8" : age <= 90 ? "0.6" : age <= 180 ? "0.4" : "0.2";
            assertThat(p)
                    .as("%s deal %s, %d days old", stage, d.get("id").asString(), age)
                    .isEqualByComparingTo(expected);
            weighed++;
        }
        assertThat(weighed).as("open deals in " + stage).isPositive();
        // The weighted pipeline is the deals' amounts times their probabilities (each amount in cents: a cent apart
        // per deal at most).
        assertThat(new BigDecimal(view.get("total").get("weighted").asString()))
                .isCloseTo(
                        weighted,
                        org.assertj.core.api.Assertions.within(
                                BigDecimal.valueOf(view.get("opportunities").size(), 2)));
    }

    private void useLearned(WebSession admin) {
        StringBuilder stages = new StringBuilder("[");
        for (JsonNode s : Json.parse(admin.get("/api/v1/forecast/stages").body())) {
            String name = s.get("stage").asString();
            stages.append(stages.length() > 1 ? "," : "")
                    .append("{\"stage\":\"%s\",\"probability\":%s,\"category\":\"%s\",\"useLearned\":%s}"
                            .formatted(
                                    name,
                                    s.get("probability").asString(),
                                    s.get("category").asString(),
                                    name.equals(stage) || s.get("useLearned").asBoolean()));
        }
        assertThat(admin.sendJson(
                                "PUT",
                                "/api/v1/forecast/stages",
                                stages.append("]").toString())
                        .statusCode())
                .isIn(200, 204);
    }

    /** The demo manager's quarter: their team's deals. */
    private static JsonNode quarter(WebSession manager) {
        return ForecastApiTest.ok(manager.get("/api/v1/forecast?currency=USD"));
    }

    private static boolean settable(JsonNode deal) {
        String c = deal.get("stageCategory").asString();
        return !c.equals("CLOSED") && !c.equals("OMITTED");
    }

    private List<Long> closed(String closedStage) {
        List<Long> ids = jdbc.sql("select id from opportunity where stage = :s order by id offset 10 limit 10")
                .param("s", closedStage)
                .query(Long.class)
                .list();
        assertThat(ids).as(closedStage).hasSize(10);
        seen.addAll(ids);
        return ids;
    }

    private LocalDate createdOn(long opportunity) {
        return jdbc.sql("select created_on from opportunity where id = :id")
                .param("id", opportunity)
                .query(LocalDate.class)
                .single();
    }

    /** The deal seen in the stage at about that age (a snapshot's week is the Monday on or before). */
    private void seen(long opportunity, int ageDays) {
        jdbc.sql("""
                        insert into forecast_stage_snapshot (week_of, opportunity_id, stage) values (:w, :id, :s)
                        on conflict (week_of, opportunity_id) do update set stage = excluded.stage""")
                .param(
                        "w",
                        createdOn(opportunity)
                                .plusDays(ageDays)
                                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .param("id", opportunity)
                .param("s", stage)
                .update();
    }
}
