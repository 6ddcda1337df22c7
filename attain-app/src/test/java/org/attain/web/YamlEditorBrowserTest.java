package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plan editor is a YAML editor (CodeMirror from its WebJar, under the page's Content Security Policy):
 * it completes the plan language's keys and words as the author types, marks the live check's problems at
 * their lines, keeps the textarea as the form's field (typing into it still works), and an attached
 * scenario whose text no longer reads (a bad key) can be deleted. In English and German.
 */
class YamlEditorBrowserTest extends AttainIntegrationTest {

    private record Words(String language, String deleted, String attachedTitle) {}

    @Test
    void theYamlEditorCompletesMarksProblemsAndDeletesABadScenarioInEnglish() {
        walk(new Words("en-US", "Scenario deleted.", "Attached scenarios"));
    }

    @Test
    void theYamlEditorCompletesMarksProblemsAndDeletesABadScenarioInGerman() {
        walk(new Words("de-DE", "Szenario gelöscht.", "Angehängte Szenarien"));
    }

    private void walk(Words words) {
        String lang = words.language().substring(0, 2);
        String key = "yaml-editor-" + lang + "-" + System.nanoTime();
        try (Browser browser = new Browser(baseUrl(), words.language())) {
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
            browser.logIn("compadmin", "demo").open("/plans/new");
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-test=yaml-editor-source].CodeMirror")));

            // Typing into the textarea (as a script or an older test does) shows in the editor, and the live
            // check's problem is marked at its line.
            WebElement source = browser.driver().findElement(By.id("source"));
            source.clear();
            source.sendKeys(PlanEditorBrowserTest.PLAN.formatted(key, "eight percent"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-problems]")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=yaml-problem-marker]")));
            assertThat(browser.text("[data-test=yaml-editor-source] .yaml-problem-line"))
                    .contains("eight percent");
            browser.screenshot("editor-yaml-problem-" + lang);

            source.clear();
            source.sendKeys(PlanEditorBrowserTest.PLAN.formatted(key, "0.08"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-ok]")));
            wait.until(
                    ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=yaml-problem-marker]")));

            // Typing in the editor: a top-level key and then its value are offered from the plan language.
            browser.driver()
                    .findElement(By.cssSelector("[data-test=yaml-editor-source] .CodeMirror-code"))
                    .click();
            WebElement input = browser.driver().findElement(By.cssSelector("[data-test=yaml-editor-source] textarea"));
            input.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
            input.sendKeys(Keys.ENTER, Keys.HOME, Keys.chord(Keys.SHIFT, Keys.HOME), Keys.DELETE, "neg");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".CodeMirror-hints"), "negative_balance"));
            browser.screenshot("editor-yaml-completion-" + lang);
            input.sendKeys(Keys.ENTER);
            input.sendKeys("w");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".CodeMirror-hints"), "write_off"));
            input.sendKeys(Keys.ENTER);
            wait.until(d -> source.getDomProperty("value").contains("negative_balance: write_off"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-ok]")));

            browser.driver()
                    .findElement(By.cssSelector("#plan-form button[type=submit]"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=publish-confirm]")));
            browser.driver()
                    .findElement(By.cssSelector("[data-test=publish-confirm] button[name=confirm]"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=plan-versions] li")));
            assertThat(browser.driver().findElement(By.id("source")).getDomProperty("value"))
                    .contains("negative_balance: write_off");

            // A scenario with a bad key is saved (its text is the author's), fails to read, and can be deleted.
            browser.driver().findElement(By.id("sname")).sendKeys("bad key");
            browser.driver()
                    .findElement(By.id("sbody"))
                    .sendKeys("scenario: bad\nperiods: [2026-Q1]\npeople: []\ntypo_key: 1\n");
            browser.driver()
                    .findElement(By.cssSelector("form[action$='/scenarios'] button"))
                    .click();
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-test='editor-scenario-bad key']")));
            assertThat(browser.textOnceItShows("[data-test=editor-scenarios]", words.attachedTitle()))
                    .contains(words.attachedTitle());
            browser.screenshot("editor-scenario-bad-key-" + lang);
            browser.click("[data-test='editor-scenario-bad key'] button");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("main .notice"), words.deleted()));
            assertThat(browser.driver().findElements(By.cssSelector("[data-test='editor-scenario-bad key']")))
                    .isEmpty();
        }
    }
}
