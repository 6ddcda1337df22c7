package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 21.8 in Chromium, in English and German: the reports, budget and commission-expense pages show their amounts
 * in the reporting currency beside the local ones, labelled with the currency and the period's rates, and their
 * charts draw one converted currency per axis.
 */
class ReportingCurrencyPagesBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String note, String column, String budgetColumn, String expenseTitle, String axis) {}

    @Test
    void englishPagesShowTheReportingCurrencyBesideTheLocalAmounts() {
        pages(new Texts(
                "en-US",
                "converted at the period's rates",
                "Amount (converted at the period's rates)",
                "Budget in USD",
                "All currencies in USD, converted at the period's rates",
                "USD, converted at the period's rates"));
    }

    @Test
    void germanPagesShowTheReportingCurrencyBesideTheLocalAmounts() {
        pages(new Texts(
                "de-DE",
                "zum Kurs der Periode umgerechnet",
                "Betrag (zum Kurs der Periode umgerechnet)",
                "Budget in USD",
                "Alle Währungen in USD, zum Kurs der Periode umgerechnet",
                "USD, zum Kurs der Periode umgerechnet"));
    }

    private void pages(Texts t) {
        String suffix = t.lang().substring(0, 2);
        String lang = suffix.equals("de") ? "?lang=de" : "?lang=en";
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("finance", "demo");
            browser.resize(1280, 2400);

            browser.open("/reports" + lang);
            assertThat(browser.text("[data-test=reporting-note]"))
                    .contains("USD")
                    .contains(t.note());
            // Headings are shown in capitals (CSS); the text is the label.
            assertThat(browser.text("[data-test=report-payouts-by-component] thead"))
                    .containsIgnoringCase(t.column());
            assertThat(browser.driver().findElements(By.cssSelector("#chart-components canvas")))
                    .isNotEmpty();
            browser.screenshot("reporting-currency-reports-" + suffix);

            browser.open("/budgets" + lang);
            assertThat(browser.text("[data-test=reporting-note]"))
                    .contains("USD")
                    .contains(t.note());
            assertThat(browser.text("[data-test=budget-table] thead")).containsIgnoringCase(t.budgetColumn());
            assertThat(browser.text("[data-test=budget-reporting-total]")).containsIgnoringCase("USD");
            browser.screenshot("reporting-currency-budgets-" + suffix);

            browser.open("/finance/commission-expense" + lang);
            assertThat(browser.pageText()).contains(t.expenseTitle());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=expense-reporting] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=expense-converted]")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=expense] canvas")))
                    .isNotEmpty();
            // The chart's table view (collapsed) names the axis: the currency and the rule.
            assertThat((String) ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                            .executeScript(
                                    "return document.querySelector('[data-chart=expense] ~ details.chart-table caption')"
                                            + ".textContent"))
                    .contains(t.axis());
            browser.screenshot("reporting-currency-expense-" + suffix);
        }
    }
}
