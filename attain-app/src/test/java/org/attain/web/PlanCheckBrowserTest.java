package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plan editor catches a typo in a condition as the author types, names the field they meant, and
 * warns about a condition no current deal meets, in English and in German.
 */
class PlanCheckBrowserTest extends AttainIntegrationTest {

    private static final String PLAN = """
            id: %s
            name: SPIFF check
            currency: USD
            frequency: quarter
            components:
              - {id: spiff, kind: per_deal_amount, amount: "100.00", when: "%s"}
            """;

    private record Words(String language, String lineColumn, String didYouMean, String neverTrue, String noScenario) {}

    @Test
    void theEditorShowsTheClosestFieldAndTheNeverTrueWarningInEnglish() {
        check(new Words(
                "en-US",
                "Line 6, column 70: unknown field 'typ' of deal (did you mean deal.type?)",
                "did you mean deal.type?",
                "never true over the",
                "No scenario tests this plan yet"));
    }

    @Test
    void theEditorShowsTheClosestFieldAndTheNeverTrueWarningInGerman() {
        check(new Words(
                "de-DE",
                "Zeile 6, Spalte 70: unbekanntes Feld 'typ' von deal (meinten Sie deal.type?)",
                "meinten Sie deal.type?",
                "trifft auf keinen der",
                "Noch kein Szenario prüft diesen Plan"));
    }

    private void check(Words words) {
        String key = "check-" + words.language() + "-" + System.nanoTime();
        String lang = words.language().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), words.language())) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            browser.logIn("compadmin", "demo").open("/plans/new");
            WebElement source = browser.driver().findElement(By.id("source"));
            source.clear();
            source.sendKeys(PLAN.formatted(key, "deal.typ == 'new_logo'"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test=plan-problems]"), words.didYouMean()));
            assertThat(browser.text("[data-test=plan-problems]")).contains(words.lineColumn());
            browser.screenshot("plan-check-typo-" + lang);

            source.clear();
            source.sendKeys(PLAN.formatted(key, "deal.type == 'new_lgo'"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-warnings]")));
            assertThat(browser.text("[data-test=plan-warnings]"))
                    .contains(words.neverTrue())
                    .contains("new_logo");
            browser.screenshot("plan-check-never-true-" + lang);

            browser.driver()
                    .findElement(By.cssSelector("#plan-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=publish-confirm]")));
            assertThat(browser.textOnceItShows("[data-test=publish-confirm]", words.noScenario()))
                    .contains(words.noScenario());
            browser.screenshot("plan-check-confirm-" + lang);
        }
    }
}
