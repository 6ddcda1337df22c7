package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.pay.MonthlyPayoutOfAQuarterlyPlanTest;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin opens the monthly statement of a person on a plan measured on the quarter and paid monthly:
 * the quarter's quota, the attainment to date, and a trace from quarter-to-date bookings to this month's pay,
 * in English and German.
 */
class MonthlyStatementOfAQuarterlyPlanBrowserTest extends AttainIntegrationTest {

    @Test
    void theSecondMonthsStatementShowsTheQuartersQuotaAttainmentToDateAndTheTrueUpInEnglishAndGerman()
            throws InterruptedException {
        var setup = MonthlyPayoutOfAQuarterlyPlanTest.publishAssignAndBook(login("compadmin", "demo"));
        String nov = setup.months().get(1);
        MonthlyPayoutOfAQuarterlyPlanTest.awaitPayout(login("compadmin", "demo"), setup.person(), nov, "10500.00");

        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 1500);
            browser.open("/people/" + setup.person() + "/statement?period=" + nov);
            assertThat(browser.text("h1")).endsWith(nov);
            String page = browser.pageText();
            assertThat(page).contains("Quota: 120,000").contains("108.3%").contains("10,500.00");
            assertThat(page).doesNotContain("no quota");
            WebElement trace = browser.driver().findElement(By.cssSelector("[data-test=trace-commission]"));
            trace.findElement(By.tagName("summary")).click();
            assertThat(trace.getText())
                    .contains(setup.months().get(0) + " .. " + nov + "): bookings 130,000.00 USD")
                    .contains("quota of ")
                    .contains("120,000.00 (the whole period's quota, not a share of it)")
                    .contains("130,000.00 / 120,000.00 = 108.3%")
                    .contains("to date earns 13,500.00 USD")
                    .contains("already paid for " + setup.months().get(0) + " .. "
                            + setup.months().get(0) + ": 3,000.00 USD")
                    .contains("13,500.00 - 3,000.00 = 10,500.00 USD paid in " + nov);
            browser.screenshot("monthly-statement-quarterly-plan-en");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 1500);
            browser.open("/people/" + setup.person() + "/statement?period=" + nov);
            String page = browser.pageText();
            assertThat(page).contains("Quote: 120.000").contains("108,3");
            WebElement trace = browser.driver().findElement(By.cssSelector("[data-test=trace-commission]"));
            trace.findElement(By.tagName("summary")).click();
            assertThat(trace.getText())
                    .contains("bis dato (" + setup.months().get(0) + " .. " + nov + "): Umsatz 130.000,00 USD")
                    .contains("(die Quote des ganzen Zeitraums, kein Anteil davon)")
                    .contains("bis dato verdient: 13.500,00 USD")
                    .contains("bereits gezahlt für " + setup.months().get(0) + " .. "
                            + setup.months().get(0) + ": 3.000,00 USD")
                    .contains("13.500,00 − 3.000,00 = 10.500,00 USD, gezahlt in " + nov);
            browser.screenshot("monthly-statement-quarterly-plan-de");
        }
    }

    @Test
    void theEditorRefusesAPayoutFrequencyLongerThanTheMeasurementAtItsLineInEnglishAndGerman() {
        editorSays("en-US", "Line 3, column 1: 'frequency: year' is longer than 'measurement: quarter'");
        editorSays("de-DE", "Zeile 3, Spalte 1: „frequency: year“ ist länger als „measurement: quarter“");
    }

    private void editorSays(String language, String expected) {
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("compadmin", "demo").open("/plans/new");
            WebElement source = browser.driver().findElement(By.id("source"));
            source.clear();
            source.sendKeys("""
                    id: payfreq-check
                    currency: USD
                    frequency: year
                    measurement: quarter
                    components:
                      - {id: commission, kind: rate, rate: "0.10"}
                    """);
            new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(15))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.cssSelector("[data-test=plan-problems]"), "measurement: quarter"));
            assertThat(browser.text("[data-test=plan-problems]")).contains(expected);
            browser.screenshot("plan-check-payfreq-" + language.substring(0, 2));
        }
    }
}
