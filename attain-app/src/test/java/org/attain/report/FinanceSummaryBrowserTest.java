package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * In Chromium, in English and German: the finance page starts with its summary in the reporting currency (labelled
 * with the rate rule), draws its charts on one currency axis, and ends: the local-currency reports are collapsed.
 */
class FinanceSummaryBrowserTest extends AttainIntegrationTest {

    @Test
    void financeReadsTheSummaryInTheReportingCurrencyFirstAndThePageEnds() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("finance", "demo");
            browser.open("/finance");
            assertThat(browser.text("[data-test=finance-summary] h2")).startsWith("Summary in USD");
            assertThat(browser.text("[data-test=finance-rates]"))
                    .contains("at its quarter's rate")
                    .contains("rounded to 2 decimals");
            assertThat(browser.text("[data-test=finance-year-total]")).startsWithIgnoringCase("Total in USD");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-cost canvas")))
                    .isNotEmpty();
            assertThat(browser.text("main h2 + div#chart-cost, .grid .card h2")).contains("in USD");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=finance-cost-detail] table"))
                            .isDisplayed())
                    .as("the detail starts collapsed")
                    .isFalse();
            long height = ((Number) ((JavascriptExecutor) browser.driver())
                            .executeScript("return document.documentElement.scrollHeight"))
                    .longValue();
            assertThat(height).as("the page ends (it was 14,071 px)").isLessThan(4000);
            browser.screenshot("finance-summary-en");

            browser.driver()
                    .findElement(By.cssSelector("[data-test=finance-cost-of-sales] summary"))
                    .click();
            assertThat(browser.text("[data-test=finance-cost-of-sales] table")).containsIgnoringCase("In USD");
            browser.screenshot("finance-cost-of-sales-open-en");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("finance", "demo");
            browser.open("/finance?lang=de");
            assertThat(browser.text("[data-test=finance-summary] h2")).startsWith("Übersicht in USD");
            assertThat(browser.text("[data-test=finance-rates]")).contains("zum Kurs seines Quartals");
            assertThat(browser.text("[data-test=finance-year-total]")).startsWithIgnoringCase("Summe in USD");
            assertThat(browser.pageText()).contains("Provisionskosten in USD").doesNotContain("Total in");
            browser.screenshot("finance-summary-de");
        }
    }
}
