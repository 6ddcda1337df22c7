package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A rep opens their statement in Chromium and follows a line's trace down to the deal. */
class StatementBrowserTest extends AttainIntegrationTest {

    @Test
    void aRepFollowsACommissionLineToItsDeals() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            assertThat(browser.text("[data-test=my-earnings] h2")).isEqualTo("My commission this quarter");
            browser.driver().findElement(By.linkText("Open my statement")).click();
            assertThat(browser.textOnceItShows("h1", "Statement of")).startsWith("Statement of");

            // Open the latest quarter in which the rep's commission has deals behind it.
            String period = quarterWithDeals();
            browser.driver().get(browser.driver().getCurrentUrl().replaceAll("\\?.*", "") + "?period=" + period);
            assertThat(browser.text("h1")).endsWith(period);
            WebElement trace = browser.driver().findElement(By.cssSelector("[data-test=trace-commission]"));
            trace.findElement(By.tagName("summary")).click();
            assertThat(trace.getText()).contains("attainment").contains("tier");
            WebElement deal = trace.findElement(By.cssSelector("[data-test^=trace-deal-]"));
            assertThat(deal.isDisplayed()).isTrue();
            assertThat(deal.getText()).matches("(?s)T\\d+.*");
            browser.screenshot("rep-statement-trace-en");
        }
    }

    private String quarterWithDeals() {
        var rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        for (var q : Json.parse(rep.get("/api/v1/periods?kind=QUARTER").body())
                .valueStream()
                .map(n -> n.get("id").asString())
                .sorted(java.util.Comparator.reverseOrder())
                .toList()) {
            var statement = Json.parse(
                    rep.get("/api/v1/people/" + me + "/earnings?period=" + q).body());
            for (var line : statement.get("lines")) {
                if (line.get("component").asString().equals("commission")
                        && !line.get("qualifying").isEmpty()) {
                    return q;
                }
            }
        }
        throw new AssertionError("the demo rep has no commission with deals in any quarter");
    }

    @Test
    void aRepEstimatesWhatANewDealWouldPay() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            browser.driver().findElement(By.id("wi-amount")).sendKeys("-10");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=what-if] button[type=submit]"))
                    .click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.id("wi-amount-error")).isEmpty());
            assertThat(browser.textOnceItShows("#wi-amount-error", "Must be more than zero."))
                    .isEqualTo("Must be more than zero.");

            browser.driver().findElement(By.id("wi-amount")).clear();
            browser.driver().findElement(By.id("wi-amount")).sendKeys("40000");
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("wi-type")))
                    .selectByValue("new_logo");
            browser.driver().findElement(By.id("wi-term")).sendKeys("24");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=what-if] button[type=submit]"))
                    .click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("[data-test=what-if-outcome]"))
                            .isEmpty());
            // the component by its name; its id only as the hover title
            assertThat(browser.text("[data-test=what-if-outcome]"))
                    .contains("New-logo SPIFF")
                    .contains("+250.00")
                    .doesNotContain("new_logo_spiff");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=what-if-component]")).stream()
                            .map(e -> e.getDomAttribute("title")))
                    .contains("new_logo_spiff");
            browser.screenshot("rep-what-if");
        }
    }

    @Test
    void theRepsHomeSpeaksPayInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("rep", "demo");
            String card = browser.text("[data-test=my-earnings]");
            assertThat(card)
                    .contains("Meine Provision in diesem Quartal")
                    .contains("Zielerreichung")
                    .contains("Quote");
            browser.screenshot("rep-home-de");
        }
    }
}
