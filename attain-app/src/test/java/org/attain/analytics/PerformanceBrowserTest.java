package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The performance dashboard walked down company → region → team → rep, in English and German. */
class PerformanceBrowserTest extends AttainIntegrationTest {

    private static void drillToARep(Browser browser) {
        // company → the first region → its first team → its first rep
        for (int level = 0; level < 2; level++) {
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-test=drill-row] a"));
            assertThat(rows).isNotEmpty();
            rows.get(0).click();
        }
        List<WebElement> reps = browser.driver().findElements(By.cssSelector("[data-test=drill-row] a"));
        assertThat(reps).isNotEmpty();
        reps.get(0).click();
    }

    @Test
    void anAdminDrillsFromTheCompanyToARepInEnglish() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("admin", "demo").open("/insights");
            browser.resize(1280, 2600);
            assertThat(browser.text("h1")).isEqualTo("Performance");
            assertThat(browser.text("[data-test=drill]"))
                    .contains("North America")
                    .contains("DACH");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=funnel-step]")))
                    .hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=csv]")))
                    .hasSize(1);
            browser.screenshot("performance-company-en");
            drillToARep(browser);
            assertThat(browser.text("[data-test=crumbs]")).contains("Company");
            assertThat(browser.text("[data-test=peers]"))
                    .contains("Among peers in the same role")
                    .contains("percentile");
            assertThat(browser.pageText()).doesNotContain("perf.").doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("performance-rep-en");
        }
    }

    @Test
    void aManagerReadsTheirTeamAndABackwardsRangeInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("manager", "demo").open("/insights");
            browser.resize(1280, 2600);
            assertThat(browser.text("h1")).isEqualTo("Leistung");
            assertThat(browser.pageText())
                    .contains("Trichter")
                    .contains("Nach Monat")
                    .doesNotContain("perf.")
                    .doesNotContain("??");
            browser.screenshot("performance-manager-de");
            drillToARep(browser);
            assertThat(browser.text("[data-test=peers]")).contains("Im Vergleich mit der gleichen Rolle");
            assertThat(browser.pageText()).doesNotContain("perf.").doesNotContain("??");
            browser.screenshot("performance-rep-de");
            browser.open("/insights?from=2026-12-31&to=2026-10-01");
            assertThat(browser.text("[data-test=range-problem]")).contains("Der Zeitraum ist leer");
            assertThat(browser.cspViolations()).isEmpty();
        }
    }
}
