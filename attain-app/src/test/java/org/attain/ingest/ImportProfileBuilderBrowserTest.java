package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The import preview as a profile builder: columns are picked from the file's own header, the profile made
 * from them is saved under a name without typing YAML and chosen again for the next upload. In English and German.
 */
class ImportProfileBuilderBrowserTest extends AttainIntegrationTest {

    private record Words(String language, String saved, String used) {}

    @Test
    void aProfileBuiltByPickingColumnsIsSavedAndReusedInEnglish() {
        walk(new Words("en-US", "saved: choose it for the next file", "applied to this file"));
    }

    @Test
    void aProfileBuiltByPickingColumnsIsSavedAndReusedInGerman() {
        walk(new Words("de-DE", "gespeichert: Wählen Sie es für die nächste Datei", "auf diese Datei angewendet"));
    }

    private void walk(Words words) {
        String lang = words.language().substring(0, 2);
        String profileName = "CRM deals " + lang + " " + System.nanoTime();
        try (Browser browser = new Browser(baseUrl(), words.language())) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
            browser.logIn("compadmin", "demo");
            upload(browser, wait);

            // Pick a column from the file's header for a field, and let the page draft the profile again.
            WebElement fields = browser.driver().findElement(By.id("fields"));
            new Select(browser.driver().findElement(By.name("map:amount"))).selectByVisibleText("Amount");
            browser.driver()
                    .findElement(By.cssSelector("#mapping button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.stalenessOf(fields));
            String drafted = browser.driver().findElement(By.id("profile")).getDomProperty("value");
            assertThat(drafted).startsWith("record: transactions").contains("Amount");

            browser.driver().findElement(By.id("profileName")).sendKeys(profileName);
            browser.driver()
                    .findElement(By.cssSelector("[data-test=save-profile] button"))
                    .click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("[data-test=profile-notice]"), words.saved()));
            browser.screenshot("editor-import-profile-saved-" + lang);

            // The next file: choose the saved profile instead of picking columns again.
            browser.open("/imports");
            upload(browser, wait);
            new Select(browser.driver().findElement(By.id("saved"))).selectByValue(profileName);
            fields = browser.driver().findElement(By.id("fields"));
            browser.driver()
                    .findElement(By.cssSelector("#mapping button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.stalenessOf(fields));
            assertThat(browser.textOnceItShows("[data-test=profile-notice]", words.used()))
                    .contains(words.used());
            assertThat(browser.driver().findElement(By.id("profile")).getDomProperty("value"))
                    .isEqualTo(drafted);
            assertThat(new Select(browser.driver().findElement(By.name("map:amount")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Amount");
            browser.screenshot("editor-import-profile-used-" + lang);
        }
    }

    private static void upload(Browser browser, WebDriverWait wait) {
        browser.open("/imports");
        browser.driver()
                .findElement(By.id("file"))
                .sendKeys(ImportApiCalls.EXAMPLES
                        .resolve("crm-transactions.csv")
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        WebElement upload =
                browser.driver().findElement(By.cssSelector("form[action$='/imports/preview'] button[type=submit]"));
        upload.click();
        wait.until(ExpectedConditions.stalenessOf(upload));
    }
}
