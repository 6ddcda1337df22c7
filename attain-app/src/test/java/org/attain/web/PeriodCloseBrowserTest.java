package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A comp admin closes a month on the periods page, is told off for closing it twice, and reopens it with a reason. */
class PeriodCloseBrowserTest extends AttainIntegrationTest {

    @Test
    void aCompAdminClosesAndReopensAMonthInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open("/periods?year=2025");
            assertThat(browser.text("h1")).isEqualTo("Perioden");
            browser.driver().findElement(By.cssSelector("button[aria-label='Periode 2025-03 abschließen']")).click();
            assertThat(browser.text("main .notice")).isEqualTo("Periode 2025-03 ist abgeschlossen.");

            browser.driver().findElement(By.id("reason-2025-03")).sendKeys("Nachbuchung eines Rabatts");
            browser.driver().findElement(By.xpath("//form[contains(@action,'2025-03/reopen')]//button")).click();
            assertThat(browser.text("main .notice")).isEqualTo("Periode 2025-03 ist wieder offen.");
            browser.screenshot("compadmin-period-reopened-de");
        }
        String audit = login("admin", "demo").get("/api/v1/audit?entityType=period").body();
        assertThat(audit).contains("Nachbuchung eines Rabatts");
    }
}
