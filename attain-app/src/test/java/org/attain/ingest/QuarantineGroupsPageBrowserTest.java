package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.ingest.quarantine.QuarantineAtScaleTest;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin in a real browser works a quarantine by problem instead of row by row: the open rows grouped by
 * column, value and reason with their counts, one correction for a whole group, one dismissal for another.
 */
class QuarantineGroupsPageBrowserTest extends AttainIntegrationTest {

    private long loadExport(String prefix) {
        var api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        return api.load(
                        QuarantineAtScaleTest.profile(ImportApiCalls.fresh(prefix)),
                        "crm.csv",
                        QuarantineAtScaleTest.CRM_EXPORT)
                .id();
    }

    private static WebElement group(Browser browser, String column) {
        return browser.driver().findElement(By.cssSelector("tr.group[data-column='" + column + "']"));
    }

    @Test
    void correctAllAndDismissAllInEnglish() {
        long id = loadExport("crm-page-en");
        try (Browser browser = new Browser(baseUrl(), "en")) {
            // Chromium sometimes answers the staleness probe of a row htmx is swapping out with "Node with given id
            // does not belong to the document" (a WebDriverException, not StaleElementReferenceException): asked again.
            WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .ignoring(org.openqa.selenium.WebDriverException.class);
            browser.logIn("compadmin", "demo").open("/imports/" + id);
            assertThat(browser.text(".qcounts"))
                    .startsWith("Quarantine of this import: 5 open · 0 fixed · 0 dismissed");
            WebElement dollars = group(browser, "Currency");
            assertThat(dollars.getText())
                    .contains("Currency")
                    .contains("unknown currency 'US$'")
                    .contains("4 rows");
            browser.screenshot("quarantine-groups-en");

            dollars.findElement(By.name("to")).sendKeys("USD");
            dollars.findElement(By.cssSelector("form.correct-all button")).click();
            wait.until(ExpectedConditions.stalenessOf(dollars));
            assertThat(browser.text(".qnotice"))
                    .isEqualTo("4 rows corrected: 3 loaded, 1 still wrong for another reason.");
            assertThat(browser.text(".qcounts"))
                    .startsWith("Quarantine of this import: 1 open · 3 fixed · 0 dismissed");

            WebElement noCloseDate = group(browser, "Close Date");
            assertThat(noCloseDate.getText())
                    .contains("Close Date")
                    .contains("(empty)")
                    .contains("missing close date")
                    .contains("1 row");
            noCloseDate.findElement(By.name("why")).sendKeys("open deal, not won yet");
            noCloseDate.findElement(By.cssSelector("form.dismiss-all button")).click();
            wait.until(ExpectedConditions.stalenessOf(noCloseDate));
            assertThat(browser.textOnceItShows(".qnotice", "1 row dismissed.")).isEqualTo("1 row dismissed.");
            assertThat(browser.text(".qcounts"))
                    .startsWith("Quarantine of this import: 0 open · 3 fixed · 1 dismissed");
            assertThat(browser.text(".dismissed"))
                    .contains("open deal, not won yet")
                    .contains("compadmin");
            browser.screenshot("quarantine-corrected-en");
        }
    }

    @Test
    void aRefusedCorrectionSaysWhyAndTheGroupsReadInGerman() {
        long id = loadExport("crm-page-de");
        try (Browser browser = new Browser(baseUrl(), "de")) {
            // Chromium sometimes answers the staleness probe of a row htmx is swapping out with "Node with given id
            // does not belong to the document" (a WebDriverException, not StaleElementReferenceException): asked again.
            WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                    .ignoring(org.openqa.selenium.WebDriverException.class);
            browser.logIn("compadmin", "demo").open("/imports/" + id + "?lang=de");
            assertThat(browser.pageText()).contains("Offene Zeilen nach Problem");
            WebElement dollars = group(browser, "Currency");
            assertThat(dollars.getText())
                    .contains("4 Zeilen")
                    .contains("Alle korrigieren")
                    .contains("Alle verwerfen");

            dollars.findElement(By.name("to")).sendKeys("XYZ");
            dollars.findElement(By.cssSelector("form.correct-all button")).click();
            wait.until(ExpectedConditions.stalenessOf(dollars));
            assertThat(browser.text(".qnotice"))
                    .startsWith("die Korrektur „XYZ“ für die Spalte Currency wird selbst abgelehnt")
                    .endsWith("nichts wurde geändert");
            assertThat(group(browser, "Currency").getText()).contains("4 Zeilen");

            dollars = group(browser, "Currency");
            dollars.findElement(By.name("to")).sendKeys("USD");
            dollars.findElement(By.cssSelector("form.correct-all button")).click();
            wait.until(ExpectedConditions.stalenessOf(dollars));
            assertThat(browser.text(".qnotice"))
                    .isEqualTo("4 Zeilen korrigiert: 3 geladen, 1 aus einem anderen Grund noch fehlerhaft.");
            assertThat(browser.text(".qcounts"))
                    .startsWith("Quarantäne dieses Imports: 1 offen · 3 korrigiert · 0 verworfen");
            browser.screenshot("quarantine-corrected-de");
        }
    }
}
