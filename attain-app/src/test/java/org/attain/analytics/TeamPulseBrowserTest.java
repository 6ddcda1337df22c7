package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The team page's eNPS card beside the team's performance, for a manager and an admin, in English and German. */
class TeamPulseBrowserTest extends AttainIntegrationTest {

    @Test
    void aManagerReadsTheirTeamsEnpsOnTheTeamPageInEnglish() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo").resize(1280, 1000);
            browser.clickNav("My team");
            assertThat(browser.text("[data-test=team-pulse] h2")).isEqualTo("Pulse (eNPS) of your teams");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-test=team-pulse-row]"));
            assertThat(rows).isNotEmpty();
            // a shown group has its number and its answers; a hidden one says why, without a number
            rows.forEach(r -> assertThat(r.getText()).containsPattern("([+-]?\\d+ \\(\\d+ answers\\)|hidden: )"));
            assertThat(browser.text("[data-test=team-pulse-how]")).contains("no person's answer is ever shown");
            assertThat(browser.pageText()).doesNotContain("team.pulse").doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            show(browser);
            browser.screenshot("team-pulse-manager-en");
            // the survey's name leads to its results
            rows.get(0).findElement(By.cssSelector("a")).click();
            assertThat(browser.textOnceItShows("h1", "Results")).startsWith("Results:");
        }
    }

    @Test
    void anAdminReadsHiddenTeamsWithTheirReasonInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("admin", "demo").resize(1280, 1000);
            browser.open("/team");
            assertThat(browser.text("[data-test=team-pulse] h2")).isEqualTo("Puls (eNPS) Ihrer Teams");
            List<WebElement> hidden =
                    browser.driver().findElements(By.cssSelector("[data-test=team-pulse-row] [data-test=enps-hidden]"));
            assertThat(hidden).isNotEmpty();
            hidden.forEach(h -> assertThat(h.getText()).startsWith("verborgen"));
            assertThat(browser.text("[data-test=team-pulse-table]")).contains("Antworten");
            assertThat(browser.pageText()).doesNotContain("team.pulse").doesNotContain("??");
            show(browser);
            browser.screenshot("team-pulse-admin-de");
        }
    }

    private static void show(Browser browser) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.querySelector('[data-test=team-pulse]').scrollIntoView()");
    }
}
