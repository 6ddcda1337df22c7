package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin in a real browser: uploads the example CRM export, sees its first rows and the fields
 * of the chosen record type, tries a dry run, loads, fixes a quarantined row in place and replays it.
 */
class ImportsPageBrowserTest extends AttainIntegrationTest {

    @Test
    void uploadPreviewDryRunLoadFixAndReplayTheExampleTransactions() {
        try (Browser browser = new Browser(baseUrl(), "en")) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            browser.logIn("compadmin", "demo").open("/imports");
            new Select(browser.driver().findElement(By.id("record"))).selectByValue("transactions");
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(ImportApiCalls.EXAMPLES
                            .resolve("crm-transactions.csv")
                            .toAbsolutePath()
                            .normalize()
                            .toString());
            WebElement upload = browser.driver()
                    .findElement(By.cssSelector("form[action$='/imports/preview'] button[type=submit]"));
            upload.click();
            // The list page has a table of its own: read the preview only once the list page is gone.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(upload));

            assertThat(browser.text("table"))
                    .containsIgnoringCase("Opportunity ID")
                    .contains("006A000001");
            assertThat(browser.driver().findElements(By.cssSelector("#fields tr[data-field]")))
                    .hasSize(14);
            assertThat(new Select(browser.driver().findElement(By.name("map:owner")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Opportunity Owner");
            String profile = ImportApiCalls.withFreshSource(
                    ImportApiCalls.example("crm-transactions.profile.yaml"), ImportApiCalls.fresh("crm"));
            WebElement yaml = browser.driver().findElement(By.id("profile"));
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", yaml, profile);
            browser.driver()
                    .findElement(By.cssSelector("button[name=dryRun][value=true]"))
                    .click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".summary"), "accepted=20 rejected=6 unchanged=0"));
            assertThat(browser.pageText()).contains("dry run");
            browser.screenshot("imports-dry-run");
            // Coming back to the dry run later (a link without its upload token) still offers to load the file.
            String dryRunPage =
                    java.net.URI.create(browser.driver().getCurrentUrl()).getPath();
            browser.open(dryRunPage);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".summary"), "accepted=20 rejected=6 unchanged=0"));
            WebElement loadNow =
                    browser.driver().findElement(By.cssSelector("form[action$='/imports/start'] button[type=submit]"));
            loadNow.click();
            wait.until(
                    ExpectedConditions.stalenessOf(loadNow)); // the dry run's page is gone; what follows is the load's

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[name='cell:Amount']")));
            assertThat(browser.text(".summary")).isEqualTo("accepted=20 rejected=6 unchanged=0");
            assertThat(browser.pageText()).contains("bad amount '12k'").contains("Lauren Phillips (P00038)");
            WebElement amount = browser.driver().findElement(By.cssSelector("input[name='cell:Amount']"));
            amount.clear();
            amount.sendKeys("12,000.00");
            amount.findElement(By.xpath("./ancestor::form"))
                    .findElement(By.cssSelector("button"))
                    .click();

            wait.until(ExpectedConditions.stalenessOf(amount)); // the fix posts and the page comes back
            wait.until(ExpectedConditions.attributeToBe(
                    By.cssSelector("input[name='cell:Amount']"), "value", "12,000.00"));
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/replay'] button"))
                    .click();

            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".summary"), "accepted=1 rejected=5 unchanged=0"));
            assertThat(browser.driver().getCurrentUrl()).doesNotEndWith("/replay");
            browser.screenshot("imports-replayed");
        }
    }

    @Test
    void choosingAnotherRecordTypeShowsItsFieldsInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de")) {
            browser.logIn("compadmin", "demo").open("/imports?lang=de");
            new Select(browser.driver().findElement(By.id("record"))).selectByValue("quotas");
            browser.driver()
                    .findElement(By.id("file"))
                    .sendKeys(ImportApiCalls.EXAMPLES
                            .resolve("quotas.csv")
                            .toAbsolutePath()
                            .normalize()
                            .toString());
            WebElement upload = browser.driver()
                    .findElement(By.cssSelector("form[action$='/imports/preview'] button[type=submit]"));
            upload.click();
            // The list page has a table of its own: read the preview only once the list page is gone.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(upload));

            assertThat(browser.text("#fields"))
                    .contains("Perioden-Id wie 2026-Q1")
                    .contains("nein, leer bedeutet bookings");
            assertThat(browser.driver().findElement(By.id("profile")).getAttribute("value"))
                    .startsWith("record: quotas");

            new Select(browser.driver().findElement(By.cssSelector("#mapping #record"))).selectByValue("people");
            WebElement quotaFields = browser.driver().findElement(By.id("fields"));
            browser.driver()
                    .findElement(By.cssSelector("#mapping button[type=submit]"))
                    .click();
            // The mapping form posts and the page is replaced: read the rows of the new page, not the old one.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.stalenessOf(quotaFields));
            assertThat(browser.driver().findElements(By.cssSelector("#fields tr[data-field]")))
                    .extracting(e -> e.getAttribute("data-field"))
                    .contains("external_id", "employment_start", "team");
        }
    }
}
