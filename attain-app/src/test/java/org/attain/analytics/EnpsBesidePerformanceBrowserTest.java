package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The performance page's eNPS column beside attainment, company → region → team, in English and German. */
class EnpsBesidePerformanceBrowserTest extends AttainIntegrationTest {

    @Test
    void anAdminReadsEnpsBesideTeamAttainmentInEnglish() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("admin", "demo").open("/insights");
            browser.resize(1400, 2000);
            assertThat(browser.text("[data-test=drill] thead"))
                    .containsIgnoringCase("Attainment")
                    .containsIgnoringCase("eNPS");
            List<WebElement> regions = browser.driver().findElements(By.cssSelector("[data-test=drill-row] a"));
            assertThat(regions).isNotEmpty();
            regions.get(0).click();
            assertThat(browser.textOnceItShows("[data-test=group-enps]", "eNPS"))
                    .contains("latest pulse survey");
            String column = browser.text("[data-test=drill] tbody");
            assertThat(column).containsPattern("[+-]?\\d+ \\(\\d+ answers\\)");
            assertThat(browser.text("[data-test=enps-how]")).contains("never shown for a person");
            assertThat(browser.pageText()).doesNotContain("perf.").doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("performance-enps-region-en");
        }
    }

    @Test
    void anAdminReadsEnpsBesideTeamAttainmentInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("admin", "demo").open("/insights");
            browser.resize(1400, 2000);
            assertThat(browser.text("[data-test=drill] thead"))
                    .containsIgnoringCase("Zielerreichung")
                    .containsIgnoringCase("eNPS");
            List<WebElement> regions = browser.driver().findElements(By.cssSelector("[data-test=drill-row] a"));
            regions.get(0).click();
            assertThat(browser.textOnceItShows("[data-test=group-enps]", "eNPS"))
                    .contains("letzte Pulsumfrage");
            assertThat(browser.text("[data-test=drill] tbody")).containsPattern("\\d+ Antworten");
            // A team hidden by the survey says why, in German, and shows no number.
            List<WebElement> hidden = browser.driver().findElements(By.cssSelector("[data-test=enps-hidden]"));
            hidden.forEach(h -> assertThat(h.getText()).startsWith("verborgen"));
            assertThat(browser.pageText()).doesNotContain("perf.").doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("performance-enps-region-de");
        }
    }
}
