package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Issue 21.8 over real HTTP: the budget, report and commission-expense APIs carry their amounts in the reporting
 * currency (USD) beside the local ones, at the period's rate (the rate in force on its last day), rounded half-even
 * to the cent; a currency without a rate is named with its period instead of converted; the privacy rules stay.
 */
class ReportingCurrencyApiTest extends AttainIntegrationTest {

    static final String THIRD_MONTH = TODAY.withMonth(((TODAY.getMonthValue() - 1) / 3) * 3 + 3)
            .toString()
            .substring(0, 7);
    static final String QUARTER = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FxRates fx;

    @Test
    void budgetLinesInAnotherCurrencyAreConvertedToTheCentAndAMissingRateIsNamed() {
        WebSession finance = login("finance", "demo");
        List<Long> teams = new ArrayList<>();
        budget(finance, THIRD_MONTH).get("rows").forEach(r -> {
            if (r.get("category").asString().equals("HEADCOUNT") && teams.size() < 2) {
                teams.add(r.get("teamId").asLong());
            }
        });
        assertThat(teams).hasSize(2);
        // DKK -> USD 1.1 (a currency the demo does not use, so no calculation sees it); no rate at all for NOK.
        jdbc.sql(
                        "insert into fx_rate (from_currency, to_currency, effective_from, rate) values ('DKK', 'USD', '2020-01-01', 1.1)")
                .update();
        try {
            put(finance, "", teams.get(0), "1000.05", "DKK");
            put(finance, "/actuals", teams.get(0), "1234.55", "DKK");
            put(finance, "", teams.get(1), "500.00", "NOK");

            JsonNode report = budget(finance, THIRD_MONTH);
            JsonNode reporting = report.get("reporting");
            assertThat(reporting.get("currency").asString()).isEqualTo("USD");
            assertThat(reporting.get("minorUnit").asInt()).isEqualTo(2);
            assertThat(reporting.get("rateDay").asString())
                    .isEqualTo(LocalDate.parse(THIRD_MONTH + "-01")
                            .plusMonths(1)
                            .minusDays(1)
                            .toString());
            int dkk = index(report, teams.get(0));
            JsonNode row = reporting.get("rows").get(dkk);
            // 1000.05 x 1.1 = 1100.055 -> 1100.06 (half to the even 6); 1234.55 x 1.1 = 1358.005 -> 1358.00 (half to
            // the even 0, half-up would say 1358.01); variance 1358.00 - 1100.06 = 257.94.
            assertThat(row.get("budget").decimalValue()).isEqualTo(new BigDecimal("1100.06"));
            assertThat(row.get("actual").decimalValue()).isEqualTo(new BigDecimal("1358.00"));
            assertThat(row.get("variance").decimalValue()).isEqualTo(new BigDecimal("257.94"));
            // The local amounts stay as they were.
            JsonNode local = report.get("rows").get(dkk);
            assertThat(local.get("currency").asString()).isEqualTo("DKK");
            assertThat(local.get("variance").get("budget").decimalValue()).isEqualByComparingTo("1000.05");

            int nok = index(report, teams.get(1));
            // No converted amount (the API leaves null fields out).
            JsonNode none = reporting.get("rows").get(nok).get("budget");
            assertThat(none == null || none.isNull()).isTrue();
            assertThat(reporting.get("missingRates")).hasSize(1);
            assertThat(reporting.get("missingRates").get(0).get("currency").asString())
                    .isEqualTo("NOK");
            assertThat(reporting.get("missingRates").get(0).get("period").asString())
                    .isEqualTo(THIRD_MONTH);
            // The total adds converted amounts only: the DKK team's 1100.06 and 1358.00, nothing for NOK.
            assertThat(reporting.get("total").get("budget").decimalValue()).isEqualByComparingTo("1100.06");
            assertThat(reporting.get("total").get("actual").decimalValue()).isEqualByComparingTo("1358.00");

            // The page says the same, in English and German.
            String page = finance.get("/budgets?period=" + THIRD_MONTH).body();
            assertThat(page)
                    .contains("1,100.06")
                    .contains("1,358.00")
                    .contains("No exchange rate to USD for: NOK " + THIRD_MONTH);
            String de =
                    finance.get("/budgets?period=" + THIRD_MONTH + "&lang=de").body();
            assertThat(de).contains("1.100,06").contains("Kein Wechselkurs nach USD für: NOK " + THIRD_MONTH);
        } finally {
            jdbc.sql("delete from fx_rate where from_currency = 'DKK'").update();
        }
    }

    @Test
    void reportRowsCarryTheirAmountInTheReportingCurrencyAtTheQuartersRate() {
        WebSession finance = login("finance", "demo");
        HttpResponse<String> r = finance.get("/api/v1/reports/payouts-by-component?period=" + QUARTER);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = Json.parse(r.body());
        assertThat(report.get("reportingCurrency").asString()).isEqualTo("USD");
        LocalDate end = quarterEnd();
        RateTable rates = new RateTable(fx.all());
        assertThat(report.get("rows")).isNotEmpty();
        List<String> currencies = new ArrayList<>();
        for (JsonNode row : report.get("rows")) {
            String currency = row.get("currency").asString();
            currencies.add(currency);
            BigDecimal expected = row.get("amount")
                    .decimalValue()
                    .multiply(rates.rate(currency, "USD", end).orElseThrow())
                    .setScale(2, RoundingMode.HALF_EVEN);
            assertThat(row.get("amountConverted").decimalValue())
                    .as("%s %s", currency, row.get("component"))
                    .isEqualTo(expected);
            assertThat(row.get("reportingCurrency").asString()).isEqualTo("USD");
        }
        assertThat(currencies)
                .as("the demo pays in several currencies")
                .contains("USD")
                .hasSizeGreaterThan(1);
        assertThat(report.get("missingRates")).isEmpty();

        // The CSV keeps its columns and gains the converted ones, labelled.
        String csv = finance.get("/api/v1/reports/payouts-by-component/export?period=" + QUARTER + "&format=csv")
                .body();
        assertThat(csv.lines().findFirst().orElseThrow())
                .startsWith("Component,Currency,Amount,")
                .contains("Reporting currency")
                .contains("Amount (converted at the period's rates)");
    }

    @Test
    void commissionExpenseAddsEveryCurrencyOnlyOnceConverted() {
        WebSession finance = login("finance", "demo");
        String range = "&from=" + TODAY.getYear() + "-01&to=" + TODAY.getYear() + "-12&by=quarter";
        JsonNode usd = expense(finance, "USD", range);
        JsonNode reporting = usd.get("reporting");
        assertThat(reporting.get("currency").asString()).isEqualTo("USD");
        List<String> currencies = new ArrayList<>();
        jdbc.sql("select distinct currency from calc_current_result_v order by 1")
                .query(String.class)
                .list()
                .forEach(currencies::add);
        assertThat(currencies).hasSizeGreaterThan(1);
        RateTable rates = new RateTable(fx.all());
        BigDecimal[] expected = new BigDecimal[reporting.get("allCurrencies").size()];
        java.util.Arrays.fill(expected, BigDecimal.ZERO);
        for (String c : currencies) {
            JsonNode r = expense(finance, c, range);
            for (int i = 0; i < r.get("lines").size(); i++) {
                JsonNode local = r.get("lines").get(i);
                JsonNode converted = r.get("reporting").get("lines").get(i);
                LocalDate day = LocalDate.parse(converted.get("rateDay").asString());
                BigDecimal rate = rates.rate(c, "USD", day).orElseThrow();
                // Each amount on its own at the period's rate, half-even to the cent; the expense adds those.
                BigDecimal amortised =
                        cents(local.get("amortised").decimalValue().multiply(rate));
                BigDecimal writtenOff =
                        cents(local.get("writtenOff").decimalValue().multiply(rate));
                BigDecimal atOnce =
                        cents(local.get("expensedAtOnce").decimalValue().multiply(rate));
                assertThat(converted.get("amortised").decimalValue()).isEqualTo(amortised);
                assertThat(converted.get("expense").decimalValue())
                        .as("%s %s", c, local.get("period"))
                        .isEqualTo(amortised.add(writtenOff).add(atOnce));
                expected[i] = expected[i].add(converted.get("expense").decimalValue());
            }
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(reporting.get("allCurrencies").get(i).get("expense").decimalValue())
                    .isEqualByComparingTo(expected[i]);
        }
        assertThat(reporting.get("missingRates")).isEmpty();
    }

    @Test
    void whoMaySeeWhatIsUnchanged() {
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/reports/payouts-by-component").statusCode()).isEqualTo(403);
        assertThat(rep.get("/api/v1/budgets?period=" + QUARTER).statusCode()).isEqualTo(403);
        assertThat(rep.get("/api/v1/commission-expense?currency=USD&from=2026-01&to=2026-12")
                        .statusCode())
                .isEqualTo(403);
        WebSession manager = login("manager", "demo");
        assertThat(manager.get("/api/v1/commission-expense?currency=USD&from=2026-01&to=2026-12")
                        .statusCode())
                .isEqualTo(403);
        assertThat(manager.get("/finance/commission-expense").statusCode()).isEqualTo(403);
        assertThat(manager.get("/api/v1/finance/cost-of-sales").statusCode()).isEqualTo(403);
    }

    private LocalDate quarterEnd() {
        int q = (TODAY.getMonthValue() - 1) / 3;
        return LocalDate.of(TODAY.getYear(), q * 3 + 3, 1).plusMonths(1).minusDays(1);
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static JsonNode expense(WebSession s, String currency, String range) {
        HttpResponse<String> r = s.get("/api/v1/commission-expense?currency=" + currency + range);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    private static JsonNode budget(WebSession s, String period) {
        HttpResponse<String> r = s.get("/api/v1/budgets?period=" + period);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** The index of a team's OTHER row. */
    private static int index(JsonNode report, long team) {
        for (int i = 0; i < report.get("rows").size(); i++) {
            JsonNode r = report.get("rows").get(i);
            if (r.get("teamId").asLong() == team && r.get("category").asString().equals("OTHER")) {
                return i;
            }
        }
        throw new AssertionError("no OTHER row for team " + team + " in " + report);
    }

    private static void put(WebSession s, String path, long team, String amount, String currency) {
        HttpResponse<String> r =
                s.sendJson("PUT", "/api/v1/budgets" + path, """
                {"period": "%s", "teamId": %d, "category": "OTHER", "amount": %s, "currency": "%s"}""".formatted(THIRD_MONTH, team, amount, currency));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
