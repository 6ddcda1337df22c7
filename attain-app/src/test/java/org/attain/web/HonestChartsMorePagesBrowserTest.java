package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.ChartProbe;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 21.4 on the other chart pages, in English and German: budget against actual (the budget as each team's
 * target mark, one converted currency), the executive overview (bookings against the target line), the forecast
 * (quota as the target line), the commission expense, capacity against target and the activity dashboard. Each chart
 * names its one currency on the axis, keeps its legend and labels inside, and has a table view of its numbers.
 */
class HonestChartsMorePagesBrowserTest extends AttainIntegrationTest {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "AUD", "CAD", "CHF", "JPY"};

    @Test
    void englishFinanceCharts() {
        finance("en-US", Locale.US);
    }

    @Test
    void germanFinanceCharts() {
        finance("de-DE", Locale.GERMANY);
    }

    @Test
    void englishManagerCharts() {
        manager("en-US", Locale.US);
    }

    @Test
    void germanManagerCharts() {
        manager("de-DE", Locale.GERMANY);
    }

    @Test
    void englishCapacityChart() {
        capacity("en-US", Locale.US);
    }

    @Test
    void germanCapacityChart() {
        capacity("de-DE", Locale.GERMANY);
    }

    private void finance(String lang, Locale locale) {
        String suffix = lang.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("finance", "demo").open("/budgets");
            browser.resize(1280, 1600);
            ChartProbe budget =
                    ChartProbe.of(browser, "[data-chart=budget]").assertFits().assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(budget.axisNames().get(0)).startsWith("USD");
            assertThat(budget.option().get("series").get(1).get("type").asString())
                    .as("the budget is each team's target mark")
                    .isEqualTo("scatter");
            assertTableMatches(browser, "[data-chart=budget]", budget, locale);
            browser.screenshot("honest-charts-budget-" + suffix);

            browser.open("/executive");
            ChartProbe bookings = ChartProbe.of(browser, "[data-chart=executive-bookings]")
                    .assertFits()
                    .assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(bookings.option().get("series").get(1).get("type").asString())
                    .as("the target as a line")
                    .isEqualTo("line");
            assertTableMatches(browser, "[data-chart=executive-bookings]", bookings, locale);
            ChartProbe spend = ChartProbe.of(browser, "[data-chart=executive-budget]")
                    .assertFits()
                    .assertOneCurrencyPerAxis(CURRENCIES);
            assertTableMatches(browser, "[data-chart=executive-budget]", spend, locale);
            browser.screenshot("honest-charts-executive-" + suffix);

            browser.open("/finance/commission-expense?currency=USD&from=2026-01&to=2026-12&by=quarter");
            ChartProbe expense =
                    ChartProbe.of(browser, "[data-chart=expense]").assertFits().assertOneCurrencyPerAxis(CURRENCIES);
            // Issue 21.8: every currency converted into the reporting currency, and the axis says so.
            assertThat(expense.axisNames()).hasSize(1);
            assertThat(expense.axisNames().get(0)).startsWith("USD, ");
            assertTableMatches(browser, "[data-chart=expense]", expense, locale);
            browser.screenshot("honest-charts-expense-" + suffix);

            browser.open("/forecast/statistical");
            ChartProbe statistical = ChartProbe.of(browser, "[data-chart=statistical-forecast]")
                    .assertFits()
                    .assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(statistical.axisNames().get(0)).matches("[A-Z]{3}");
            WebElement details = browser.driver()
                    .findElement(By.cssSelector("[data-chart=statistical-forecast] ~ details[data-test=chart-table]"));
            assertThat(ChartProbe.tableRowHeadings(details)).containsExactlyElementsOf(statistical.categories());
            // The table's first column is the booked series (the chart's third: under it lie the band's two).
            List<List<BigDecimal>> table = ChartProbe.tableNumbers(details, locale);
            List<BigDecimal> booked = statistical.data().get(2);
            for (int r = 0; r < table.size(); r++) {
                if (booked.get(r) == null) {
                    assertThat(table.get(r).get(0)).isNull();
                } else {
                    assertThat(table.get(r).get(0).doubleValue())
                            .isCloseTo(booked.get(r).doubleValue(), within(0.51));
                }
            }
            browser.screenshot("honest-charts-statistical-" + suffix);
        }
    }

    private void manager(String lang, Locale locale) {
        String suffix = lang.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("manager", "demo").open("/forecast");
            browser.resize(1280, 1600);
            ChartProbe forecast =
                    ChartProbe.of(browser, "[data-chart=forecast]").assertFits().assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(forecast.targetLines())
                    .as("the quota as the target line")
                    .hasSize(1);
            assertTableMatches(browser, "[data-chart=forecast]", forecast, locale);
            browser.screenshot("honest-charts-forecast-" + suffix);

            browser.open("/activity?grain=WEEK&days=90");
            ChartProbe activity = ChartProbe.of(browser, "#activity-chart").assertFits();
            assertTableMatches(browser, "#activity-chart", activity, locale);
            browser.screenshot("honest-charts-activity-" + suffix);
        }
    }

    private void capacity(String lang, Locale locale) {
        try (Browser browser = new Browser(baseUrl(), lang)) {
            int next = TODAY.getYear() + 1;
            browser.logIn("compadmin", "demo")
                    .open("/planning/capacity?currency=USD&from=" + next + "-01&to=" + next + "-12");
            browser.resize(1280, 1600);
            ChartProbe capacity =
                    ChartProbe.of(browser, "[data-chart=capacity]").assertFits().assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(capacity.axisNames()).containsExactly("USD");
            assertTableMatches(browser, "[data-chart=capacity]", capacity, locale);
            browser.screenshot("honest-charts-capacity-" + lang.substring(0, 2));
        }
    }

    /** The table view below the chart holds one row per category and the chart's numbers, series by series. */
    private static void assertTableMatches(Browser browser, String chart, ChartProbe probe, Locale locale) {
        WebElement details = browser.driver().findElement(By.cssSelector(chart + " ~ details[data-test=chart-table]"));
        assertThat(ChartProbe.tableRowHeadings(details)).containsExactlyElementsOf(probe.categories());
        List<List<BigDecimal>> table = ChartProbe.tableNumbers(details, locale);
        List<List<BigDecimal>> series = probe.data();
        for (int r = 0; r < table.size(); r++) {
            for (int s = 0; s < table.get(r).size(); s++) {
                BigDecimal cell = table.get(r).get(s);
                BigDecimal value = series.get(s).get(r);
                if (value == null) {
                    assertThat(cell).isNull();
                } else {
                    assertThat(cell.doubleValue()).isCloseTo(value.doubleValue(), within(0.51));
                }
            }
        }
    }
}
