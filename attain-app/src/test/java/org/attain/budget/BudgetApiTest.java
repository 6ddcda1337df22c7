package org.attain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Budgets over real HTTP on the demo company: finance sets budgets, compensation actuals are the team's calculated
 * earnings (worked out here in SQL), a quarter sums its months, the variance and alert follow the threshold, bad input
 * and closed periods are refused naming the field, a CSV file is saved whole or not at all, a manager reads only
 * the teams of their subtree, and plan cost at 80/100/120 % comes from the engine.
 */
class BudgetApiTest extends AttainIntegrationTest {

    static final String QUARTER = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
    static final String FIRST_MONTH = TODAY.withMonth(((TODAY.getMonthValue() - 1) / 3) * 3 + 1)
            .toString()
            .substring(0, 7);
    static final String SECOND_MONTH = TODAY.withMonth(((TODAY.getMonthValue() - 1) / 3) * 3 + 2)
            .toString()
            .substring(0, 7);

    @Autowired
    JdbcClient jdbc;

    @Test
    void compensationActualIsTheTeamsEarningsAndTheVarianceAlertsOverTheThreshold() {
        WebSession finance = login("finance", "demo");
        JsonNode comp = rowOf(report(finance), null, "COMPENSATION");
        long team = comp.get("teamId").asLong();
        String currency = comp.get("currency").asString();
        BigDecimal expected = jdbc.sql("""
                        select coalesce(sum(r.earnings), 0) from calc_current_result_v r join org_person_v p on p.id = r.person_id
                        where r.period_id = :q and p.team_id = :t and r.currency = :c
                          and p.employment_start <= :d and (p.employment_end is null or p.employment_end > :d)""")
                .param("q", QUARTER)
                .param("t", team)
                .param("c", currency)
                .param("d", TODAY)
                .query(BigDecimal.class)
                .single();
        BigDecimal actual = comp.get("variance").get("actual").decimalValue();
        assertThat(actual).isPositive().isEqualByComparingTo(expected);

        BigDecimal budget = actual.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
        put(finance, "", team, QUARTER, "COMPENSATION", budget.toPlainString(), currency);
        JsonNode v = rowOf(report(finance), team, "COMPENSATION").get("variance");
        assertThat(v.get("budget").decimalValue()).isEqualByComparingTo(budget);
        assertThat(v.get("variance").decimalValue()).isEqualByComparingTo(actual.subtract(budget));
        assertThat(v.get("percent").decimalValue())
                .isEqualByComparingTo(actual.subtract(budget)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(budget, 2, RoundingMode.HALF_EVEN));
        assertThat(v.get("alert").asBoolean()).isTrue();

        // The threshold moves the alert: at 1000 % the same line is no longer flagged.
        assertThat(finance.sendJson("PUT", "/api/v1/budgets/settings", "{\"alertThresholdPercent\": 1000}")
                        .statusCode())
                .isEqualTo(200);
        try {
            assertThat(rowOf(report(finance), team, "COMPENSATION")
                            .get("variance")
                            .get("alert")
                            .asBoolean())
                    .isFalse();
        } finally {
            finance.sendJson("PUT", "/api/v1/budgets/settings", "{\"alertThresholdPercent\": 10}");
        }

        // Marketing budgeted per month: the quarter takes their sum; the entered actual is compared with it.
        put(finance, "", team, FIRST_MONTH, "MARKETING", "10000.00", currency);
        put(finance, "", team, SECOND_MONTH, "MARKETING", "5000.50", currency);
        put(finance, "/actuals", team, QUARTER, "MARKETING", "14000.00", currency);
        JsonNode marketing = rowOf(report(finance), team, "MARKETING").get("variance");
        assertThat(marketing.get("budget").decimalValue()).isEqualByComparingTo("15000.50");
        assertThat(marketing.get("actual").decimalValue()).isEqualByComparingTo("14000.00");
        assertThat(marketing.get("variance").decimalValue()).isEqualByComparingTo("-1000.50");
        assertThat(marketing.get("percent").decimalValue()).isEqualByComparingTo("-6.67");
        assertThat(marketing.get("alert").asBoolean()).isFalse();

        // Headcount is the team's people; one fewer budgeted than there are is over budget.
        JsonNode heads = rowOf(report(finance), team, "HEADCOUNT").get("variance");
        int people = heads.get("actual").asInt();
        put(finance, "", team, QUARTER, "HEADCOUNT", Integer.toString(people - 1), null);
        JsonNode after = rowOf(report(finance), team, "HEADCOUNT").get("variance");
        assertThat(after.get("variance").decimalValue()).isEqualByComparingTo("1");
        assertThat(after.get("alert").asBoolean())
                .as("1 of %d budgeted is over 10 %% when fewer than 10 are budgeted", people - 1)
                .isEqualTo(BigDecimal.valueOf(100)
                                .divide(BigDecimal.valueOf(people - 1L), 2, RoundingMode.HALF_EVEN)
                                .compareTo(BigDecimal.TEN)
                        > 0);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndNothingIsSaved() {
        WebSession finance = login("finance", "demo");
        long team = rowOf(report(finance), null, "COMPENSATION").get("teamId").asLong();
        HttpResponse<String> bad = finance.sendJson("PUT", "/api/v1/budgets", """
                {"period": "%s-13", "teamId": %d, "category": "MARKETING", "amount": -5, "currency": "EU"}""".formatted(TODAY.getYear(), team));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("period", "amount", "currency");

        HttpResponse<String> fraction = finance.sendJson("PUT", "/api/v1/budgets", """
                {"period": "%s", "teamId": %d, "category": "HEADCOUNT", "amount": 2.5}""".formatted(QUARTER, team));
        assertThat(fields(fraction)).containsExactly("amount");
        HttpResponse<String> compActual =
                finance.sendJson("PUT", "/api/v1/budgets/actuals", """
                {"period": "%s", "teamId": %d, "category": "COMPENSATION", "amount": 1, "currency": "USD"}""".formatted(QUARTER, team));
        assertThat(fields(compActual)).containsExactly("category");
        assertThat(finance.sendJson("PUT", "/api/v1/budgets", """
                        {"period": "%s", "teamId": -1, "category": "OTHER", "amount": 1, "currency": "USD"}""".formatted(QUARTER))
                        .body())
                .contains("\"field\":\"team\"");
    }

    @Test
    void budgetsOfAClosedPeriodAreReadOnly() {
        WebSession finance = login("finance", "demo");
        WebSession admin = login("compadmin", "demo");
        long team = rowOf(report(finance), null, "COMPENSATION").get("teamId").asLong();
        String month = (TODAY.getYear() - 1) + "-08";
        String quarter = (TODAY.getYear() - 1) + "-Q3";
        put(finance, "", team, month, "OTHER", "700.00", "USD");
        assertThat(admin.sendJson("POST", "/api/v1/periods/" + month + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            for (String period : List.of(month, quarter)) {
                HttpResponse<String> refused = finance.sendJson("PUT", "/api/v1/budgets", """
                        {"period": "%s", "teamId": %d, "category": "OTHER", "amount": 900, "currency": "USD"}""".formatted(period, team));
                assertThat(refused.statusCode()).isEqualTo(400);
                JsonNode error = Json.parse(refused.body()).get("errors").get(0);
                assertThat(error.get("field").asString()).isEqualTo("period");
                assertThat(error.get("reason").asString()).contains("closed").contains(month);
            }
            assertThat(rowOf(
                                    Json.parse(finance.get("/api/v1/budgets?period=" + month)
                                            .body()),
                                    team,
                                    "OTHER")
                            .get("variance")
                            .get("budget")
                            .decimalValue())
                    .isEqualByComparingTo("700.00");
            assertThat(Json.parse(finance.get("/api/v1/budgets?period=" + month).body())
                            .get("closedBy")
                            .asString())
                    .isEqualTo(month);
        } finally {
            admin.sendJson("POST", "/api/v1/periods/" + month + "/reopen", "{\"reason\":\"budget test\"}");
        }
    }

    @Test
    void aCsvFileIsCheckedWholeAndSavedWholeAndTheExportReadsBack() {
        WebSession finance = login("finance", "demo");
        String code = jdbc.sql("select code from org_team_v order by code limit 1")
                .query(String.class)
                .single();
        String period = (TODAY.getYear() + 1) + "-02";
        String bad = "kind,period,team,category,amount,currency\r\n"
                + "budget," + period + "," + code + ",MARKETING,1234.56,USD\r\n"
                + "budget," + period + ",no-such-team,MARKETING,1,USD\r\n"
                + "actual," + period + "," + code + ",HEADCOUNT,3,\r\n";
        HttpResponse<String> refused = postCsv(finance, bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("line 3: team", "line 4: category");
        assertThat(finance.get("/api/v1/budgets/export?period=" + period).body())
                .as("nothing of a refused file is saved")
                .doesNotContain("1234.56");

        String good = "kind,period,team,category,amount,currency\r\n"
                + "budget," + period + "," + code + ",MARKETING,1234.56,USD\r\n"
                + "budget," + period + "," + code + ",HEADCOUNT,4,\r\n"
                + "actual," + period + "," + code + ",OTHER,99.90,USD\r\n";
        HttpResponse<String> saved = postCsv(finance, good);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(Json.parse(saved.body()).get("budgets").asInt()).isEqualTo(2);
        assertThat(Json.parse(saved.body()).get("actuals").asInt()).isEqualTo(1);
        String export = finance.get("/api/v1/budgets/export?period=" + period).body();
        assertThat(export.split("\r\n"))
                .containsExactly(
                        "kind,period,team,category,amount,currency",
                        "budget," + period + "," + code + ",HEADCOUNT,4,",
                        "budget," + period + "," + code + ",MARKETING,1234.56,USD",
                        "actual," + period + "," + code + ",OTHER,99.90,USD");
        // What the export writes, the import reads back unchanged.
        assertThat(postCsv(finance, export).statusCode()).isEqualTo(200);
        assertThat(finance.get("/api/v1/budgets/export?period=" + period).body())
                .isEqualTo(export);
    }

    @Test
    void aManagerReadsOnlyTheTeamsOfTheirSubtreeAndWritesNothing() {
        WebSession manager = login("manager", "demo");
        JsonNode report = report(manager);
        Set<Long> seen = new TreeSet<>();
        report.get("rows").forEach(r -> seen.add(r.get("teamId").asLong()));
        Set<Long> subtreeTeams =
                new TreeSet<>(jdbc.sql("""
                        with recursive sub(id) as (
                            select person_id from app_user where username = 'manager'
                            union
                            select rl.person_id from org_reporting_line_v rl join sub on rl.manager_id = sub.id
                            where rl.valid_from <= :d and (rl.valid_until is null or rl.valid_until > :d))
                        select distinct p.team_id from org_person_v p join sub on sub.id = p.id
                        where p.team_id is not null and p.employment_start <= :d
                          and (p.employment_end is null or p.employment_end > :d)""").param("d", TODAY).query(Long.class).list());
        assertThat(seen).isNotEmpty().isSubsetOf(subtreeTeams);
        long allTeams =
                jdbc.sql("select count(*) from org_team_v").query(Long.class).single();
        assertThat((long) seen.size()).isLessThan(allTeams);
        assertThat(manager.sendJson("PUT", "/api/v1/budgets", """
                        {"period": "%s", "teamId": %d, "category": "OTHER", "amount": 1, "currency": "USD"}""".formatted(
                                        QUARTER, seen.iterator().next()))
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("rep", "demo").get("/api/v1/budgets?period=" + QUARTER).statusCode())
                .isEqualTo(403);
        long other = jdbc.sql("select id from org_team_v where not (id = any(:seen)) order by id limit 1")
                .param("seen", seen.toArray(Long[]::new))
                .query(Long.class)
                .single();
        assertThat(manager.get("/api/v1/budgets/cost-model?period=" + QUARTER + "&team=" + other)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void planCostAtHigherAttainmentCostsMoreAndCostOfSalesIsCommissionsOverBookings() {
        WebSession finance = login("finance", "demo");
        JsonNode report = report(finance);
        long team = rowOf(report, null, "COMPENSATION").get("teamId").asLong();
        JsonNode model = Json.parse(finance.get("/api/v1/budgets/cost-model?period=" + QUARTER + "&team=" + team)
                .body());
        assertThat(model.get("attainments")).hasSize(3);
        assertThat(model.get("totals")).isNotEmpty();
        for (JsonNode t : model.get("totals")) {
            List<BigDecimal> s = new ArrayList<>();
            t.get("scenarios").forEach(x -> s.add(x.decimalValue()));
            assertThat(s).hasSize(3);
            assertThat(s.get(0)).isLessThanOrEqualTo(s.get(1));
            assertThat(s.get(1)).isLessThan(s.get(2));
        }
        for (JsonNode p : model.get("payees")) {
            if (!p.get("synthetic").asBoolean()
                    && p.get("attainment").decimalValue().compareTo(BigDecimal.ONE) == 0) {
                assertThat(p.get("scenarioEarnings").get(1).decimalValue())
                        .isEqualByComparingTo(p.get("earnings").decimalValue());
            }
        }
        assertThat(finance.get("/api/v1/budgets/cost-model?period=1999-Q1&team=" + team)
                        .body())
                .contains("\"field\":\"period\"");

        assertThat(report.get("costOfSales")).isNotEmpty();
        for (JsonNode c : report.get("costOfSales")) {
            if (c.get("bookings").decimalValue().signum() > 0) {
                assertThat(c.get("percent").decimalValue())
                        .isEqualByComparingTo(c.get("earnings")
                                .decimalValue()
                                .multiply(BigDecimal.valueOf(100))
                                .divide(c.get("bookings").decimalValue(), 2, RoundingMode.HALF_EVEN));
            }
        }
    }

    private static HttpResponse<String> postCsv(WebSession session, String csv) {
        return session.postText("/api/v1/budgets/import", "text/csv", csv);
    }

    private static JsonNode report(WebSession s) {
        HttpResponse<String> r = s.get("/api/v1/budgets?period=" + QUARTER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** The team's row of a category; with team null, the first team whose row has a positive actual. */
    private static JsonNode rowOf(JsonNode report, Long team, String category) {
        for (JsonNode r : report.get("rows")) {
            if (!r.get("category").asString().equals(category)) {
                continue;
            }
            if (team == null) {
                JsonNode actual = r.get("variance").get("actual");
                if (actual != null && !actual.isNull() && actual.decimalValue().signum() > 0) {
                    return r;
                }
            } else if (r.get("teamId").asLong() == team) {
                return r;
            }
        }
        throw new AssertionError("no " + category + " row for team " + team + " in " + report);
    }

    private static void put(
            WebSession s, String path, long team, String period, String category, String amount, String currency) {
        HttpResponse<String> r = s.sendJson("PUT", "/api/v1/budgets" + path, """
                {"period": "%s", "teamId": %d, "category": "%s", "amount": %s, "currency": %s}""".formatted(
                        period, team, category, amount, currency == null ? "null" : "\"" + currency + "\""));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static List<String> fields(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        JsonNode errors = Json.parse(r.body()).get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.get("field").asString()));
        }
        return out;
    }
}
