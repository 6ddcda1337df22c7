package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin edits the demo rep's target incentive on the sheet in English and in German (amounts typed in the
 * page's language); the rep's statement shows OTE, pay mix and earned vs target incentive in both languages. No demo
 * plan pays shares of a target incentive, so nobody's pay moves.
 */
class TargetIncentiveBrowserTest extends AttainIntegrationTest {

    /** The sheet after saving: the notice, waited for generously (saving audits and asks for a recalculation). */
    private static String noticeAfterSaving(Browser browser) {
        browser.driver().findElement(By.cssSelector("[data-test=ote-save]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector("[data-test=ote-notice], [data-test=ote-problem]"))
                        .isEmpty());
        return browser.text("[data-test=ote-notice], [data-test=ote-problem]");
    }

    @Test
    void theSheetAndTheStatementShowOteAndPayMixInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        String q = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body());
        JsonNode rep = me.get("person");
        long id = me.get("id").asLong();
        String currency = Json.parse(login("rep", "demo")
                        .get("/api/v1/people/" + id + "/earnings?period=" + q)
                        .body())
                .path("currency")
                .asString(rep.get("currency").asString());
        var imported = compAdmin.sendJson("POST", "/api/v1/target-incentives/bulk", """
                {"records": [{"person": "%s", "period": "%s", "target": "20000", "base": "30000", "currency": "%s"}]}""".formatted(
                        rep.get("externalId").asString(), q, currency));
        assertThat(imported.statusCode()).as(imported.body()).isLessThan(300);
        String sheet =
                "/target-incentives?period=" + q + "&team=" + rep.get("teamId").asLong();

        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo").open(sheet);
            assertThat(browser.text("h1")).isEqualTo("Target incentives");
            assertThat(browser.text("[data-test=ote-row-" + id + "]"))
                    .contains("50,000")
                    .contains("60/40");
            WebElement target = browser.driver().findElement(By.id("t-" + id));
            target.clear();
            target.sendKeys("21,000");
            assertThat(noticeAfterSaving(browser))
                    .isEqualTo("1 target incentive(s) changed; the people concerned are being recalculated.");
            assertThat(browser.text("[data-test=ote-row-" + id + "]"))
                    .contains("51,000")
                    .contains("59/41");
            browser.screenshot("target-incentives-en");
        }
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo").open("/people/" + id + "/statement?period=" + q);
            String card = browser.text("[data-test=statement-ote]");
            assertThat(card)
                    .contains("On-target earnings (OTE)")
                    .contains("51,000.00")
                    .contains("Base 30,000.00 + target incentive 21,000.00: pay mix 59/41")
                    .contains("Set for " + q)
                    .containsPattern("Earned [0-9,.]+ of the target incentive 21,000.00: [0-9,.]+%");
            browser.screenshot("statement-ote-en");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open(sheet);
            assertThat(browser.text("h1")).isEqualTo("Zielprämien");
            WebElement target = browser.driver().findElement(By.id("t-" + id));
            target.clear();
            target.sendKeys("22.000");
            assertThat(noticeAfterSaving(browser))
                    .isEqualTo("1 Zielprämie(n) geändert; die Betroffenen werden neu berechnet.");
            assertThat(browser.text("[data-test=ote-row-" + id + "]"))
                    .contains("52.000")
                    .contains("58/42");
            browser.screenshot("target-incentives-de");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("rep", "demo").open("/people/" + id + "/statement?period=" + q);
            assertThat(browser.text("[data-test=statement-ote]"))
                    .contains("Zieleinkommen (OTE)")
                    .contains("52.000,00")
                    .contains("Grundgehalt 30.000,00 + Zielprämie 22.000,00: Gehaltsmix 58/42")
                    .containsPattern("Verdient [0-9.,]+ von der Zielprämie 22.000,00: [0-9.,]+\\s?%");
            browser.screenshot("statement-ote-de");
        }
    }
}
