package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A comp admin starts a full run from the page, watches it finish and opens what it changed. */
class RunsBrowserTest extends AttainIntegrationTest {

    @Test
    void aCompAdminRunsTheCalculationAndReviewsIt() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo").open("/runs");
            // Other tests start runs too: wait for a run newer than the newest one listed now.
            long newestBefore = newestRun(browser);
            browser.driver()
                    .findElement(By.xpath("//button[.='Run the calculation now']"))
                    .click();
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> newestRun(browser) > newestBefore);
            By ours = By.xpath("//table[@data-test='runs']//tr[contains(., 'compadmin') and contains(., 'Full')]");
            wait.until(d -> d.findElement(ours).getText().contains("Done"));
            browser.screenshot("compadmin-runs");
            browser.driver().findElement(ours).findElement(By.tagName("a")).click();
            assertThat(browser.textOnceItShows("h1", "Calculation run")).startsWith("Calculation run");
            assertThat(browser.pageText())
                    .contains("What changed against the previous version")
                    .contains("Excluded transactions");
            browser.screenshot("compadmin-run-detail");
        }
    }

    private static long newestRun(Browser browser) {
        var links = browser.driver().findElements(By.cssSelector("[data-test=runs] tbody tr:first-child a"));
        return links.isEmpty() ? 0 : Long.parseLong(links.get(0).getText().trim());
    }

    @Test
    void aRepCannotSeeRuns() {
        assertThat(login("rep", "demo").get("/runs").statusCode()).isEqualTo(403);
    }
}
