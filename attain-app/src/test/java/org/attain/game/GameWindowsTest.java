package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 2 on the demo company (TODAY 2026-12-05, a Saturday): boards over a custom range, the rolling last
 * N days, this week and this month; contests whose window becomes fixed days when created; money in the company
 * currency (USD) converted deal by deal at its day's rate, which the board says; bad windows refused by field.
 */
class GameWindowsTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FxRates fx;

    @Test
    void boardsCoverACustomRangeTheRollingLastDaysThisWeekAndThisMonth() {
        WebSession admin = login("compadmin", "demo");
        JsonNode range = view(admin, """
                {"name":"Range","metric":"MEETINGS","window":"RANGE","from":"%s","to":"%s"}""".formatted(TODAY.minusDays(29), TODAY));
        assertThat(range.get("from").asString()).isEqualTo(TODAY.minusDays(29).toString());
        assertThat(range.get("to").asString()).isEqualTo(TODAY.toString());
        JsonNode rolling = view(admin, """
                {"name":"Last 30 days","metric":"MEETINGS","window":"ROLLING","days":30}""");
        assertThat(rolling.get("from").asString()).isEqualTo(TODAY.minusDays(29).toString());
        assertThat(values(rolling)).isEqualTo(values(range)).isNotEmpty();
        assertThat(values(rolling).values().stream().filter(v -> v.signum() > 0))
                .isNotEmpty();
        assertThat(rolling.hasNonNull("currency")).as("meetings are no money").isFalse();

        JsonNode week = view(admin, """
                {"name":"This week","metric":"CALLS","window":"THIS_WEEK"}""");
        assertThat(week.get("from").asString()).isEqualTo("2026-11-30");
        assertThat(week.get("to").asString()).isEqualTo("2026-12-06");
        JsonNode month = view(admin, """
                {"name":"This month","metric":"CALLS","window":"THIS_MONTH","basis":"IMPROVEMENT"}""");
        assertThat(month.get("from").asString()).isEqualTo("2026-12-01");
        assertThat(month.get("to").asString()).isEqualTo("2026-12-31");
        assertThat(month.get("board").hasNonNull("periodId")).isFalse();
    }

    @Test
    void bookingsAreInTheCompanyCurrencyEachDealAtItsDaysRate() {
        WebSession admin = login("compadmin", "demo");
        LocalDate from = TODAY.minusDays(89);
        JsonNode view = view(admin, """
                {"name":"Bookings in USD","metric":"BOOKINGS","window":"RANGE","from":"%s","to":"%s"}""".formatted(from, TODAY));
        assertThat(view.get("currency").asString()).isEqualTo("USD");
        assertThat(view.get("unconverted").size()).isZero();
        RateTable rates = new RateTable(fx.all());
        Map<String, BigDecimal> expected = new HashMap<>();
        jdbc.sql("""
                        select owner_id, close_date, currency, sum(amount) from sales_transaction
                        where status = 'won' and close_date between :from and :to group by 1, 2, 3""").param("from", from).param("to", TODAY).query(rs -> {
            String currency = rs.getString(3);
            BigDecimal amount = rs.getBigDecimal(4);
            BigDecimal usd = currency.equals("USD")
                    ? amount
                    : amount.multiply(rates.rate(currency, "USD", rs.getObject(2, LocalDate.class))
                                    .orElseThrow())
                            .setScale(4, RoundingMode.HALF_EVEN);
            expected.merge(String.valueOf(rs.getLong(1)), usd, BigDecimal::add);
        });
        Map<String, BigDecimal> shown = values(view);
        int foreign = jdbc.sql("""
                        select count(distinct owner_id) from sales_transaction
                        where status = 'won' and currency <> 'USD' and close_date between :from and :to""")
                .param("from", from)
                .param("to", TODAY)
                .query(Integer.class)
                .single();
        assertThat(foreign).as("the demo has reps booking in other currencies").isPositive();
        shown.forEach((key, value) ->
                assertThat(value).as(key).isEqualByComparingTo(expected.getOrDefault(key, BigDecimal.ZERO)));
    }

    /**
     * Pipeline is money too: a rep selling in euros and one in dollars are compared in the company currency, each
     * opportunity converted at its creation day's rate (pipeline created) or at the window's last day (the pipeline
     * open now), never summed as the amounts typed.
     */
    @Test
    void pipelineBoardsAreInTheCompanyCurrencyToo() {
        WebSession admin = login("compadmin", "demo");
        LocalDate from = TODAY.minusDays(89);
        int foreign = jdbc.sql("select count(distinct owner_id) from opportunity where currency <> 'USD'")
                .query(Integer.class)
                .single();
        assertThat(foreign)
                .as("the demo has reps with pipeline in other currencies")
                .isPositive();
        RateTable rates = new RateTable(fx.all());

        JsonNode created = view(admin, """
                {"name":"Pipeline created in USD","metric":"PIPELINE_CREATED","window":"RANGE","from":"%s","to":"%s"}""".formatted(from, TODAY));
        assertThat(created.get("currency").asString()).isEqualTo("USD");
        Map<String, BigDecimal> expectedCreated = new HashMap<>();
        jdbc.sql("""
                        select owner_id, created_on, currency, sum(amount) from opportunity
                        where created_on between :from and :to group by 1, 2, 3""").param("from", from).param("to", TODAY).query(rs -> {
            expectedCreated.merge(
                    String.valueOf(rs.getLong(1)),
                    usd(rates, rs.getString(3), rs.getBigDecimal(4), rs.getObject(2, LocalDate.class)),
                    BigDecimal::add);
        });
        Map<String, BigDecimal> shownCreated = values(created);
        assertThat(shownCreated.values().stream().filter(v -> v.signum() > 0)).isNotEmpty();
        shownCreated.forEach((key, value) ->
                assertThat(value).as(key).isEqualByComparingTo(expectedCreated.getOrDefault(key, BigDecimal.ZERO)));

        JsonNode open = view(admin, """
                {"name":"Open pipeline in USD","metric":"PIPELINE","window":"RANGE","from":"%s","to":"%s"}""".formatted(from, TODAY));
        assertThat(open.get("currency").asString()).isEqualTo("USD");
        Map<String, BigDecimal> expectedOpen = new HashMap<>();
        jdbc.sql("""
                        select owner_id, currency, sum(amount) from opportunity
                        where stage not in ('Closed Won', 'Closed Lost') group by 1, 2""").query(rs -> {
            expectedOpen.merge(
                    String.valueOf(rs.getLong(1)),
                    usd(rates, rs.getString(2), rs.getBigDecimal(3), TODAY),
                    BigDecimal::add);
        });
        Map<String, BigDecimal> shownOpen = values(open);
        assertThat(shownOpen.values().stream().filter(v -> v.signum() > 0)).isNotEmpty();
        shownOpen.forEach((key, value) ->
                assertThat(value).as(key).isEqualByComparingTo(expectedOpen.getOrDefault(key, BigDecimal.ZERO)));
    }

    private static BigDecimal usd(RateTable rates, String currency, BigDecimal amount, LocalDate day) {
        return currency.equals("USD")
                ? amount
                : amount.multiply(rates.rate(currency, "USD", day).orElseThrow())
                        .setScale(4, RoundingMode.HALF_EVEN);
    }

    @Test
    void aContestsWindowBecomesFixedDaysAndBadWindowsAreRefusedByField() {
        WebSession admin = login("compadmin", "demo");
        String me = Json.parse(admin.get("/api/v1/me").body())
                .get("person")
                .get("externalId")
                .asString();
        JsonNode month = contest(admin, """
                {"name":"December","kind":"CLASSIC","metric":"CALLS","window":"THIS_MONTH","participants":["%s"]}""".formatted(me));
        assertThat(month.get("startsOn").asString()).isEqualTo("2026-12-01");
        assertThat(month.get("endsOn").asString()).isEqualTo("2026-12-31");
        JsonNode rolling = contest(admin, """
                {"name":"Ten days","kind":"CLASSIC","metric":"CALLS","window":"ROLLING","days":10,"participants":["%s"]}""".formatted(me));
        assertThat(rolling.get("startsOn").asString()).isEqualTo(TODAY.toString());
        assertThat(rolling.get("endsOn").asString()).isEqualTo(TODAY.plusDays(9).toString());
        String quarter = Json.parse(
                        admin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        JsonNode period = contest(admin, """
                {"name":"Quarter","kind":"CLASSIC","metric":"CALLS","window":"PERIOD","period":"%s","participants":["%s"]}""".formatted(quarter, me));
        assertThat(period.get("endsOn").asString()).isEqualTo("2026-12-31");

        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/boards", """
                        {"name":"x","metric":"CALLS","window":"RANGE","from":"2026-12-05","to":"2026-11-05"}""")))
                .containsExactly("to");
        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/boards", """
                        {"name":"x","metric":"CALLS","window":"ROLLING"}""")))
                .containsExactly("days");
        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/boards", """
                        {"name":"x","metric":"BOOKINGS","basis":"PERCENT_OF_GOAL","window":"THIS_WEEK"}""")))
                .containsExactly("basis");
        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/boards", """
                        {"name":"x","metric":"CALLS","window":"FORTNIGHT"}""")))
                .containsExactly("window");
        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/contests", """
                        {"name":"x","kind":"CLASSIC","metric":"CALLS","window":"PERIOD","period":"1999-Q9",
                         "participants":["%s"]}""".formatted(me))))
                .containsExactly("period");
    }

    private static JsonNode view(WebSession s, String json) {
        long id = GameMetricsTest.board(s, json);
        return Json.parse(s.get("/api/v1/game/boards/" + id).body());
    }

    private static JsonNode contest(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/contests", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body());
    }

    private static Map<String, BigDecimal> values(JsonNode view) {
        Map<String, BigDecimal> out = new HashMap<>();
        view.get("rows")
                .forEach(r -> out.put(r.get("key").asString(), r.get("value").decimalValue()));
        return out;
    }
}
