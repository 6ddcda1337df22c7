package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.DateDependent;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A comp admin closes a month on the periods page, is told off for closing it twice, and reopens it with a reason. */
@DateDependent
class PeriodCloseBrowserTest extends AttainIntegrationTest {

    private static final int YEAR = TODAY.getYear() - 1;
    private static final String MONTH = YEAR + "-03";

    @Test
    void aCompAdminClosesAndReopensAMonthInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open("/periods?year=" + YEAR);
            assertThat(browser.text("h1")).isEqualTo("Perioden");
            browser.driver()
                    .findElement(By.cssSelector("button[aria-label='Periode " + MONTH + " abschließen']"))
                    .click();
            assertThat(browser.textOnceItShows("main .notice", "Periode " + MONTH + " ist abgeschlossen."))
                    .isEqualTo("Periode " + MONTH + " ist abgeschlossen.");

            browser.driver().findElement(By.id("reason-" + MONTH)).sendKeys("Nachbuchung eines Rabatts");
            browser.driver()
                    .findElement(By.xpath("//form[contains(@action,'" + MONTH + "/reopen')]//button"))
                    .click();
            assertThat(browser.textOnceItShows("main .notice", "Periode " + MONTH + " ist wieder offen."))
                    .isEqualTo("Periode " + MONTH + " ist wieder offen.");
            browser.screenshot("compadmin-period-reopened-de");
        }
        String audit =
                login("admin", "demo").get("/api/v1/audit?entityType=period").body();
        assertThat(audit).contains("Nachbuchung eines Rabatts");
    }
}
