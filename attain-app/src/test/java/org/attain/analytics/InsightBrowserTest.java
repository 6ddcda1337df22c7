package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The manager's flagged performers with reasons and the rep's "Where I stand", in English and German. */
class InsightBrowserTest extends AttainIntegrationTest {

    @Test
    void aManagerReadsWhyRepsAreFlaggedInEnglish() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo").open("/team");
            assertThat(browser.text("h1")).isEqualTo("My team");
            // flags are rare (PerformersTest holds the share); a team may have none, and then says so
            List<WebElement> flagged = browser.driver().findElements(By.cssSelector("[data-test=flagged]"));
            for (WebElement f : flagged) {
                assertThat(f.findElements(By.cssSelector("[data-test=reason]"))).hasSizeGreaterThanOrEqualTo(2);
            }
            if (flagged.size() < 2) {
                assertThat(browser.pageText()).contains("No one is flagged");
            }
            assertThat(browser.pageText())
                    .contains("pipeline or activity agree")
                    .doesNotContain("insight.")
                    .doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("insight-team-en");
        }
    }

    @Test
    void aManagerReadsWhyRepsAreFlaggedInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("manager", "demo").open("/team");
            assertThat(browser.pageText())
                    .contains("Pipeline oder Aktivität übereinstimmen")
                    .doesNotContain("insight.")
                    .doesNotContain("??");
            List<WebElement> reasons = browser.driver().findElements(By.cssSelector("[data-test=reason]"));
            for (WebElement reason : reasons) {
                assertThat(reason.getText()).doesNotContain("peer").doesNotContain("quartile of");
            }
            browser.screenshot("insight-team-de");
        }
    }

    @Test
    void aRepSeesWhereTheyStandInEnglishAndGerman() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo").open("/");
            browser.clickNav("Where I stand");
            assertThat(browser.text("h1")).isEqualTo("Where I stand");
            assertThat(browser.text("[data-test=band]"))
                    .containsAnyOf("Top 10%", "Top 25%", "Top 50%", "Lower half", "Not enough");
            assertThat(browser.text("[data-test=median]")).containsAnyOf("percentage points", "Not enough");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("insight-standing-en");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("rep", "demo").open("/standing");
            assertThat(browser.text("h1")).isEqualTo("Wo ich stehe");
            assertThat(browser.text("[data-test=band]"))
                    .containsAnyOf("Obere 10", "Obere 25", "Obere 50", "Untere Hälfte", "Noch nicht");
            assertThat(browser.pageText()).doesNotContain("standing.").doesNotContain("??");
            browser.screenshot("insight-standing-de");
        }
    }
}
