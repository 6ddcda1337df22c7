package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin publishes version 2 of a plan effective from a date in the plan editor and sees the versions
 * listed with the dates they are in force from; a date in a closed period is refused in the page's language.
 */
class PlanVersionsBrowserTest extends AttainIntegrationTest {

    private static final String PLAN = """
            id: %s
            name: Versions in the browser
            currency: USD
            frequency: quarter
            components:
              - {id: commission, kind: rate, rate: "%s"}
            """;

    @Test
    void planVersion16PublishingWithAnEffectiveDateListsTheVersionsInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        String key = "ver-browser-" + Long.toString(System.nanoTime(), 36);
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(key, "0.05"))
                        .statusCode())
                .isEqualTo(201);
        LocalDate from = TODAY.plusDays(11);
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            browser.logIn("compadmin", "demo").open("/plans/" + key);
            publish(browser, wait, PLAN.formatted(key, "0.07"), from);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), "Version 2 is published."));
            assertThat(browser.text("[data-test=plan-version-1]")).contains("in force from the beginning");
            assertThat(browser.text("[data-test=plan-version-2]")).contains("in force from " + from);
            browser.resize(1280, 1500);
            browser.screenshot("compadmin-plan-versions-en");
        }
        String month = TODAY.minusMonths(3).toString().substring(0, 7);
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + month + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            browser.logIn("compadmin", "demo").open("/plans/" + key);
            assertThat(browser.text("[data-test=plan-version-2]")).contains("gültig ab " + from);
            assertThat(browser.pageText()).contains("Gültig ab");
            publish(browser, wait, PLAN.formatted(key, "0.08"), LocalDate.parse(month + "-10"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=version-refused]")));
            assertThat(browser.text("[data-test=version-refused]"))
                    .contains("Nicht veröffentlicht: Das Gültigkeitsdatum " + month + "-10 liegt in oder vor der"
                            + " abgeschlossenen Periode");
            browser.resize(1280, 1500);
            browser.screenshot("compadmin-plan-versions-refused-de");
        } finally {
            compAdmin.sendJson(
                    "POST", "/api/v1/periods/" + month + "/reopen", "{\"reason\":\"plan versions browser test\"}");
        }
        assertThat(Json.parse(
                        compAdmin.get("/api/v1/plans/" + key + "/versions").body()))
                .hasSize(2);
    }

    private static void publish(Browser browser, WebDriverWait wait, String source, LocalDate from) {
        var text = browser.driver().findElement(By.id("source"));
        text.clear();
        text.sendKeys(source);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-ok]")));
        // A date input's typing order follows the browser's locale: set the ISO value the form sends.
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1]",
                        browser.driver().findElement(By.id("effectiveFrom")),
                        from.toString());
        browser.driver()
                .findElement(By.cssSelector("#plan-form button[type=submit]"))
                .click();
        // The plan has no scenario: publishing asks first.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=publish-confirm]")));
        browser.driver()
                .findElement(By.cssSelector("[data-test=publish-confirm] button[name=confirm]"))
                .click();
    }
}
