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
 * Issue 21.4, honest charts, read in Chromium in English and German from the charts' own options: a target line
 * where there is a target (team vs target at 100 %, the team trend at 100 %), one currency per axis (other
 * currencies converted and the axis says so), legends and labels inside the chart, the manager's trend as the team
 * median with one rep highlighted instead of a line per rep, and below every chart a table of the same numbers.
 */
class HonestChartsBrowserTest extends AttainIntegrationTest {

    private static final String[] CURRENCIES = {"USD", "EUR", "GBP", "AUD", "CAD", "CHF", "JPY"};

    @Test
    void englishReportsChartsAreHonest() {
        reports("en-US", Locale.US, "converted at the period's rates", "Show as table");
    }

    @Test
    void germanReportsChartsAreHonest() {
        reports("de-DE", Locale.GERMANY, "zum Kurs der Periode umgerechnet", "Als Tabelle anzeigen");
    }

    @Test
    void englishFinanceChartsShowOneCurrency() {
        finance("en-US", Locale.US, "each quarter converted at its closing rate");
    }

    @Test
    void germanFinanceChartsShowOneCurrency() {
        finance("de-DE", Locale.GERMANY, "jedes Quartal zum Kurs an seinem Ende umgerechnet");
    }

    @Test
    void englishTeamTrendIsTheMedianWithOneRepHighlighted() {
        team("en-US", Locale.US, "Team median only");
    }

    @Test
    void germanTeamTrendIsTheMedianWithOneRepHighlighted() {
        team("de-DE", Locale.GERMANY, "Nur Team-Median");
    }

    private void reports(String lang, Locale locale, String converted, String showTable) {
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("manager", "demo").open("/reports");
            browser.resize(1280, 2200);

            ChartProbe targets = ChartProbe.of(browser, "#chart-targets").assertFits();
            assertThat(targets.targetLines()).containsExactly(new BigDecimal("100"));
            assertThat(targets.axisNames()).containsExactly("%");
            assertTableMatches(browser, "#chart-targets", targets, locale);

            ChartProbe components = ChartProbe.of(browser, "#chart-components").assertFits();
            components.assertOneCurrencyPerAxis(CURRENCIES);
            assertThat(components.axisNames().get(0)).startsWith("USD, ").contains(converted);
            assertThat(components.seriesNames()).containsExactly("USD");
            assertTableMatches(browser, "#chart-components", components, locale);

            ChartProbe distribution =
                    ChartProbe.of(browser, "#chart-distribution").assertFits();
            assertTableMatches(browser, "#chart-distribution", distribution, locale);

            WebElement details = tableOf(browser, "#chart-targets");
            assertThat(details.findElement(By.tagName("summary")).getText()).isEqualTo(showTable);
            details.findElement(By.tagName("summary")).click();
            assertThat(details.findElement(By.tagName("caption")).isDisplayed()).isTrue();
            browser.screenshot("honest-charts-reports-" + lang.substring(0, 2));
        }
    }

    private void finance(String lang, Locale locale, String converted) {
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("finance", "demo").open("/finance");
            browser.resize(1280, 1800);
            for (String chart : List.of("#chart-cost", "#chart-accrued")) {
                ChartProbe probe = ChartProbe.of(browser, chart).assertFits();
                probe.assertOneCurrencyPerAxis(CURRENCIES);
                assertThat(probe.axisNames()).containsExactly("USD, " + converted);
                for (String name : probe.seriesNames()) {
                    for (String code : CURRENCIES) {
                        assertThat(name).as("a series per currency").doesNotEndWith(" " + code);
                    }
                }
                assertTableMatches(browser, chart, probe, locale);
            }
            browser.screenshot("honest-charts-finance-" + lang.substring(0, 2));
        }
    }

    private void team(String lang, Locale locale, String medianOnly) {
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("manager", "demo").open("/team");
            browser.resize(1280, 1600);
            ChartProbe trend = ChartProbe.of(browser, "#trend").assertFits();
            assertThat(trend.targetLines()).containsExactly(new BigDecimal("100"));
            WebElement picker = browser.driver().findElement(By.id("trend-rep"));
            List<WebElement> options = picker.findElements(By.tagName("option"));
            assertThat(options.get(0).getText()).isEqualTo(medianOnly);
            assertThat(options).hasSizeGreaterThan(2);
            // The median alone is named in the legend: the reps are thin grey lines that come forward on hover.
            assertThat(legendData(browser)).hasSize(1);

            // The table: the median first, then each rep, one column per quarter, the same numbers as the lines.
            WebElement details = tableOf(browser, "#trend");
            List<String> rows = ChartProbe.tableRowHeadings(details);
            assertThat(rows).hasSize(trend.seriesNames().size());
            List<List<BigDecimal>> table = ChartProbe.tableNumbers(details, locale);
            List<List<BigDecimal>> lines = trend.data();
            for (int r = 0; r < rows.size(); r++) {
                assertThat(trend.seriesNames().get(r).equals(rows.get(r)) || r == 0)
                        .isTrue();
                for (int c = 0; c < trend.categories().size(); c++) {
                    // Both are given the same percentages, rounded half up on the server: 307.25 % is 307.3 in both.
                    assertSame(table.get(r).get(c), lines.get(r).get(c));
                }
            }

            String rep = options.get(1).getText();
            new org.openqa.selenium.support.ui.Select(picker).selectByIndex(1);
            assertThat(legendData(browser)).hasSize(2).contains(rep);
            ChartProbe.of(browser, "#trend").assertFits();
            browser.screenshot("honest-charts-team-" + lang.substring(0, 2));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> legendData(Browser browser) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript(
                        "return echarts.getInstanceByDom(document.getElementById('trend')).getOption().legend[0].data"
                                + ".map(function (d) { return typeof d === 'object' ? d.name : d; });");
    }

    private static WebElement tableOf(Browser browser, String chart) {
        return browser.driver().findElement(By.cssSelector(chart + " ~ details[data-test=chart-table]"));
    }

    /** The table view below the chart holds one row per category and the chart's numbers, series by series. */
    private static void assertTableMatches(Browser browser, String chart, ChartProbe probe, Locale locale) {
        WebElement details = tableOf(browser, chart);
        assertThat(ChartProbe.tableRowHeadings(details)).containsExactlyElementsOf(probe.categories());
        List<List<BigDecimal>> table = ChartProbe.tableNumbers(details, locale);
        List<List<BigDecimal>> series = probe.data();
        for (int r = 0; r < table.size(); r++) {
            for (int s = 0; s < series.size(); s++) {
                assertClose(table.get(r).get(s), series.get(s).get(r));
            }
        }
    }

    private static void assertSame(BigDecimal cell, BigDecimal value) {
        if (value == null) {
            assertThat(cell).isNull();
            return;
        }
        assertThat(cell).isEqualByComparingTo(value);
    }

    private static void assertClose(BigDecimal cell, BigDecimal value) {
        if (value == null) {
            assertThat(cell).isNull();
            return;
        }
        assertThat(cell).isNotNull();
        assertThat(cell.doubleValue()).isCloseTo(value.doubleValue(), within(0.051));
    }
}
