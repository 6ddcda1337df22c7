package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Runs page's from/to form, in English and German: a reversed range gets a message and starts
 * nothing; a past year runs, and its page says which months it covered and what it left out.
 */
class RunOverChosenPeriodsBrowserTest extends AttainIntegrationTest {

    @Test
    void aCompAdminRunsAPastYearFromTheRunsPage() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo").open("/runs");
            long newestBefore = newestRun(browser);
            submit(browser, "2019-12", "2019-01", "Run over these periods");
            assertThat(browser.text("[data-test=run-range-problem]"))
                    .contains("runs backwards")
                    .contains("2019-01");
            assertThat(newestRun(browser)).isEqualTo(newestBefore);
            browser.screenshot("runs-range-refused-en");

            submit(browser, "2019-Q1", "2019", "Run over these periods");
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> newestRun(browser) > newestBefore);
            By ours = By.xpath("//table[@data-test='runs']//tr[contains(., 'compadmin') and contains(., 'Full')][1]");
            wait.until(d -> d.findElement(ours).getText().contains("Done"));
            browser.screenshot("runs-range-en");
            browser.driver().findElement(ours).findElement(By.tagName("a")).click();
            assertThat(browser.text("[data-test=run-periods]"))
                    .isEqualTo("Covers the months 2019-01 to 2019-12 and their quarters.");
            assertThat(browser.text("[data-test=run-not-covered]"))
                    .contains("booked transactions are outside this run's periods");
            browser.screenshot("run-range-detail-en");
        }
    }

    @Test
    void theFormSpeaksGermanAndRefusesAnUnreadablePeriod() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open("/runs?lang=de");
            assertThat(browser.pageText()).contains("Von").contains("Bis").contains("Diese Perioden berechnen");
            submit(browser, "2019-13", "2019-12", "Diese Perioden berechnen");
            assertThat(browser.text("[data-test=run-range-problem]")).contains("„2019-13“ ist keine Periode");
            browser.screenshot("runs-range-refused-de");
        }
    }

    private static void submit(Browser browser, String from, String to, String button) {
        var form = browser.driver().findElement(By.cssSelector("[data-test=run-range]"));
        form.findElement(By.name("from")).clear();
        form.findElement(By.name("from")).sendKeys(from);
        form.findElement(By.name("to")).clear();
        form.findElement(By.name("to")).sendKeys(to);
        form.findElement(By.xpath(".//button[.='" + button + "']")).click();
    }

    private static long newestRun(Browser browser) {
        var links = browser.driver().findElements(By.cssSelector("[data-test=runs] tbody tr:first-child a"));
        return links.isEmpty() ? 0 : Long.parseLong(links.get(0).getText().trim());
    }
}
