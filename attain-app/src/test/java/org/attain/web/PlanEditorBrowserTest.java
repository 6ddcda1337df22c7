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
 * A comp admin writes a plan in the browser: the editor flags an error with its line as they type,
 * the fixed plan is published as version 1 (after confirming, as it has no scenario yet), and a
 * scenario attached to it passes against the draft.
 */
class PlanEditorBrowserTest extends AttainIntegrationTest {

    static final String PLAN = """
            id: %s
            name: Browser test plan
            currency: USD
            frequency: quarter
            components:
              - id: commission
                kind: tiered
                tier_mode: marginal
                tiers_on: attainment
                tiers:
                  - {from: "0.00", to: "1.00", rate: "%s"}
                  - {from: "1.00", rate: "0.12"}
            """;

    static final String SCENARIO = """
            scenario: over-quota
            periods: [2026-Q1]
            currency: USD
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
            quotas:
              - {person: ae1, period: 2026-Q1, amount: "100000.00"}
            transactions:
              - {id: D1, owner: ae1, close: 2026-01-10, amount: "130000.00", status: won}
            expected:
              - {person: ae1, period: 2026-Q1, component: commission, amount: "11600.00"}
            """;

    @Test
    void aCompAdminWritesValidatesPublishesAndTestsAPlan() {
        String key = "browser-" + System.nanoTime();
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            browser.logIn("compadmin", "demo").open("/plans/new");
            WebElement source = browser.driver().findElement(By.id("source"));
            source.clear();
            source.sendKeys(PLAN.formatted(key, "eight percent"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-problems]")));
            assertThat(browser.text("[data-test=plan-problems]")).contains("Line 11");
            browser.screenshot("compadmin-plan-editor-error");

            source.clear();
            source.sendKeys(PLAN.formatted(key, "0.08"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-ok]")));
            browser.driver()
                    .findElement(By.cssSelector("#plan-form button[type=submit]"))
                    .click();
            // A new plan has no scenario yet: publishing asks first.
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=publish-confirm]")));
            assertThat(browser.textOnceItShows("[data-test=publish-confirm]", "No scenario tests this plan yet"))
                    .contains("No scenario tests this plan yet");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=publish-confirm] button[name=confirm]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "Version 1 is published."));

            browser.driver().findElement(By.id("sname")).sendKeys("over quota");
            browser.driver().findElement(By.id("sbody")).sendKeys(SCENARIO);
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/scenarios'] button"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "Scenario saved."));
            browser.driver()
                    .findElement(By.xpath("//button[contains(., 'Run scenarios')]"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test=scenario-outcomes]"), "passed"));
            assertThat(browser.textOnceItShows("[data-test=scenario-outcomes]", "11600.00"))
                    .contains("11600.00");
            browser.screenshot("compadmin-plan-scenarios-passed");
        }
    }
}
