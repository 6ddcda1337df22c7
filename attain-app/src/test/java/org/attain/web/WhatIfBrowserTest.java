package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The rep's what-if reads the amount the way the page's language writes numbers, shows which amount
 * it estimated for, and answers anything else with a message beside the field and no estimate at all.
 * Expected amounts come from the what-if API (plain decimals) for the same deal, not from the demo's day.
 */
class WhatIfBrowserTest extends AttainIntegrationTest {

    private static final By OUTCOME = By.cssSelector("[data-test=what-if-outcome]");
    private static final By AMOUNT_ERROR = By.id("wi-amount-error");

    @Test
    void aGermanRepTyping50Point000GetsTheEstimateForFiftyThousandAndAmbiguousTextIsRefused() {
        JsonNode expected = fromApi("50000");
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("rep", "demo");
            browser.resize(1280, 1300);
            estimate(browser, "50.000");
            assertThat(browser.text("[data-test=what-if-read]"))
                    .contains("50.000,00 " + expected.get("currency").asString());
            assertThat(browser.text("[data-test=what-if-difference]")).isEqualTo(shown(expected, Locale.GERMAN));
            assertThat(field(browser).getAttribute("aria-invalid")).isNull();
            browser.screenshot("what-if-de-valid");

            estimate(browser, "50,000");
            assertRefused(
                    browser,
                    "Mehr als 2 Nachkommastellen. Hier trennt der Punkt die Tausender und das Komma die Cent: 50.000,50.");
            browser.screenshot("what-if-de-invalid");

            estimate(browser, "50.000,50");
            assertThat(browser.text("[data-test=what-if-read]")).contains("50.000,50 ");
            estimate(browser, "abc");
            assertRefused(browser, "Keine Zahl in dieser Schreibweise. Bitte z. B. 50.000,50 oder 50000,50 schreiben.");
        }
    }

    @Test
    void anEnglishRepTyping50Comma000GetsTheEstimateForFiftyThousandAndGarbageIsRefused() {
        JsonNode expected = fromApi("50000");
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            browser.resize(1280, 1300);
            estimate(browser, "50,000");
            assertThat(browser.text("[data-test=what-if-read]"))
                    .contains("50,000.00 " + expected.get("currency").asString());
            assertThat(browser.text("[data-test=what-if-difference]")).isEqualTo(shown(expected, Locale.ENGLISH));
            browser.screenshot("what-if-en-valid");

            estimate(browser, "1.2.3");
            assertRefused(browser, "Not a number as written here. Write it like 50,000.50 or 50000.50.");
            browser.screenshot("what-if-en-invalid");

            estimate(browser, "50.000");
            assertRefused(
                    browser,
                    "More than 2 decimals. Here a comma groups thousands and a point starts the cents: 50,000.50.");
            estimate(browser, "");
            assertRefused(browser, "Please enter an amount.");
            estimate(browser, "50000");
            assertThat(browser.text("[data-test=what-if-difference]")).isEqualTo(shown(expected, Locale.ENGLISH));
        }
    }

    @Test
    void anEstimateDisappearsAsSoonAsTheAmountIsChanged() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            estimate(browser, "40000");
            assertThat(browser.driver().findElements(OUTCOME)).hasSize(1);
            field(browser).sendKeys("0");
            assertThat(browser.driver().findElements(OUTCOME)).isEmpty();
        }
    }

    /** The API's answer for the same deal the page sends: this amount, today, any type, no term. */
    private JsonNode fromApi(String amount) {
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        JsonNode fifty = Json.parse(rep.sendJson("POST", "/api/v1/people/" + me + "/what-if", "{\"amount\":\"50\"}")
                .body());
        JsonNode outcome =
                Json.parse(rep.sendJson("POST", "/api/v1/people/" + me + "/what-if", "{\"amount\":\"" + amount + "\"}")
                        .body());
        // Otherwise reading 50.000 as 50 would go unnoticed in the estimate.
        assertThat(outcome.get("difference").decimalValue())
                .isNotEqualByComparingTo(fifty.get("difference").decimalValue());
        return outcome;
    }

    /** As the page shows a difference: signed, grouped, two decimals, in the page's language. */
    private static String shown(JsonNode outcome, Locale locale) {
        BigDecimal difference = outcome.get("difference").decimalValue();
        DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return (difference.signum() >= 0 ? "+" : "") + format.format(difference) + " "
                + outcome.get("currency").asString();
    }

    private static void estimate(Browser browser, String amount) {
        WebDriver driver = browser.driver();
        WebElement card = driver.findElement(By.id("what-if"));
        new Actions(driver).scrollToElement(card).perform();
        WebElement field = field(browser);
        field.clear();
        field.sendKeys(amount);
        driver.findElement(By.cssSelector("#what-if button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(card));
        wait.until(d -> !d.findElements(OUTCOME).isEmpty()
                || !d.findElements(AMOUNT_ERROR).isEmpty());
    }

    private static void assertRefused(Browser browser, String message) {
        assertThat(browser.text("#wi-amount-error")).isEqualTo(message);
        assertThat(field(browser).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field(browser).getAttribute("aria-describedby")).isEqualTo("wi-amount-error");
        assertThat(browser.driver().findElements(OUTCOME))
                .as("no estimate beside a refused amount")
                .isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#what-if-result *")))
                .isEmpty();
    }

    private static WebElement field(Browser browser) {
        return browser.driver().findElement(By.id("wi-amount"));
    }
}
