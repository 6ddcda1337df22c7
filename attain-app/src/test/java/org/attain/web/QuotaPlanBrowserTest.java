package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin makes a quota plan on the page, sees the tree with its split, the waterfall and the
 * reconciliation, and sends it for review (in English); a manager answers with their number (in German).
 */
class QuotaPlanBrowserTest extends AttainIntegrationTest {

    @Test
    void aCompAdminMakesAPlanAndSendsItForReviewInEnglish() {
        String year = nextYear();
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo").open("/planning/quotas");
            assertThat(browser.text("h1")).isEqualTo("Quota plans");
            browser.driver().findElement(By.id("np-name")).sendKeys("Browser plan " + year);
            new Select(browser.driver().findElement(By.id("np-period"))).selectByValue(year);
            browser.driver().findElement(By.id("np-target")).sendKeys("24,000,000.00");
            new Select(browser.driver().findElement(By.id("np-method"))).selectByValue("HISTORY");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=new-plan] button[type=submit]"))
                    .click();

            assertThat(browser.textOnceItShows("h1", "Browser plan " + year))
                    .contains("Browser plan " + year)
                    .contains("Draft");
            assertThat(browser.text("[data-test=target]")).contains("24,000,000.00");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=allocation] tbody tr")))
                    .hasSizeGreaterThan(10);
            assertThat(browser.text("[data-test=allocation] tbody tr:first-child td:last-child"))
                    .isEqualTo("24,000,000.00");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d ->
                            !d.findElements(By.cssSelector("#waterfall canvas")).isEmpty());
            browser.resize(1280, 2600);
            browser.screenshot("quota-plan-en");

            browser.driver()
                    .findElement(By.cssSelector("[data-test=to-IN_REVIEW]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=state]", "In review"))
                    .isEqualTo("In review");
            assertThat(browser.textOnceItShows("[data-test=history]", "compadmin"))
                    .contains("compadmin");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=to-APPROVED]")))
                    .hasSize(1);
            assertThat(browser.pageText()).doesNotContain("??");
        }
    }

    @Test
    void aManagerSubmitsTheirNumberInGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        var created = compAdmin.sendJson(
                "POST",
                "/api/v1/quota-plans",
                "{\"name\":\"Plan für Führungskräfte\",\"periodId\":\"" + nextYear()
                        + "\",\"target\":\"5000000\",\"defaultMethod\":\"BLEND\"}");
        long id = Json.parse(created.body()).get("id").asLong();
        compAdmin.sendJson("PATCH", "/api/v1/quota-plans/" + id, "{\"upliftPercent\":\"5\"}");
        compAdmin.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"IN_REVIEW\"}");
        long manager = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("manager", "demo").open("/planning/quotas");
            assertThat(browser.text("h1")).isEqualTo("Quotenpläne");
            browser.driver().findElement(By.linkText("Plan für Führungskräfte")).click();
            assertThat(browser.textOnceItShows("[data-test=state]", "In Prüfung"))
                    .isEqualTo("In Prüfung");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=target]")))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=state-buttons]")))
                    .isEmpty();
            browser.driver().findElement(By.id("sub-" + manager)).sendKeys("1.000.000,00");
            browser.driver().findElement(By.cssSelector("[data-test=submit]")).click();
            assertThat(browser.textOnceItShows("body", "Zahlen gemeldet.")).contains("Zahlen gemeldet.");
            String row = browser.text("[data-test=reconciliation] tbody tr[data-person='" + manager + "']");
            assertThat(row).contains("1.050.000,00"); // 1,000,000 plus 5 % uplift
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d ->
                            !d.findElements(By.cssSelector("#waterfall canvas")).isEmpty());
            assertThat(browser.pageText()).doesNotContain("??");
            browser.resize(1280, 2000);
            browser.screenshot("quota-plan-manager-de");
        }
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open("/planning/quotas/" + id);
            assertThat(browser.text("h1")).contains("In Prüfung");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=to-APPROVED]")))
                    .hasSize(1);
            browser.resize(1280, 2600);
            browser.screenshot("quota-plan-compadmin-de");
        }
    }

    private String nextYear() {
        WebSession session = login("compadmin", "demo");
        int next = Json.parse(session.get("/api/v1/periods/current?kind=YEAR").body())
                        .get("fiscalYear")
                        .asInt()
                + 1;
        return Json.parse(session.get("/api/v1/periods?kind=YEAR&fiscalYear=" + next)
                        .body())
                .get(0)
                .get("id")
                .asString();
    }
}
