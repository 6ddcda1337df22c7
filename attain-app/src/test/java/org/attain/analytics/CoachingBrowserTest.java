package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attain.org.Visibility;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The manager's coaching journey in a real browser, in English and German: list, suggestion accepted, 1:1 agenda, note. */
class CoachingBrowserTest extends AttainIntegrationTest {

    @Autowired
    Coaching coaching;

    @Autowired
    Visibility visibility;

    @Autowired
    JdbcClient jdbc;

    private long manager() {
        return Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
    }

    private void journey(Browser browser, long rep, String agenda, String note) {
        browser.open("/coaching");
        browser.driver()
                .findElement(By.cssSelector("a[href$='/coaching/reps/" + rep + "']"))
                .click();
        List<WebElement> suggestions = browser.driver().findElements(By.cssSelector("[data-test=suggestion]"));
        assertThat(suggestions).isNotEmpty();
        WebElement accept = suggestions.get(0).findElement(By.cssSelector("[data-test=accept]"));
        accept.click();
        // Each form posts and reloads the page: wait for the old page to go before reading the new one.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(accept));
        assertThat(browser.driver().findElements(By.cssSelector("[data-test=goal]")))
                .hasSize(1);
        browser.driver().findElement(By.id("meeting")).sendKeys("12/15/2026");
        browser.driver().findElement(By.id("agenda-body")).sendKeys(agenda);
        WebElement saveAgenda = browser.driver().findElement(By.cssSelector("[data-test=agenda-form] button"));
        saveAgenda.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(saveAgenda));
        browser.driver().findElement(By.id("note-body")).sendKeys(note);
        WebElement saveNote = browser.driver().findElement(By.cssSelector("[data-test=note-form] button"));
        saveNote.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(saveNote));
        assertThat(browser.textOnceItShows("[data-test=agendas]", agenda)).contains(agenda);
        assertThat(browser.textOnceItShows("[data-test=notes]", note)).contains(note);
    }

    @Test
    void aManagerCoachesARepInEnglish() {
        long rep = CoachingTest.repWithSuggestion(coaching, visibility, jdbc, manager(), 1);
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo").resize(1280, 2000);
            journey(browser, rep, "Walk through the open deals", "Good energy on calls");
            assertThat(browser.text("h1")).startsWith("Coaching:");
            assertThat(browser.text("[data-test=goals]")).containsAnyOf("funnel suggestion", "activity suggestion");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=suggestions] summary"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=suggestions]", "Pearson"))
                    .contains("Pearson");
            assertThat(browser.pageText()).doesNotContain("coach.").doesNotContain("??");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("coaching-manager-en");
        }
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo").open("/coaching");
            assertThat(browser.text("h1")).isEqualTo("My coaching plan");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=suggestions]")))
                    .isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("form[data-test]")))
                    .isEmpty();
            assertThat(browser.pageText()).doesNotContain("coach.").doesNotContain("??");
            browser.screenshot("coaching-rep-en");
        }
    }

    @Test
    void aManagerCoachesARepInGerman() {
        long rep = CoachingTest.repWithSuggestion(coaching, visibility, jdbc, manager(), 2);
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("manager", "demo").resize(1280, 2000);
            browser.open("/coaching");
            assertThat(browser.text("h1")).isEqualTo("Coaching");
            browser.screenshot("coaching-list-de");
            journey(browser, rep, "Offene Chancen durchgehen", "Gute Energie am Telefon");
            assertThat(browser.text("[data-test=goals]")).containsAnyOf("Trichter-Vorschlag", "Aktivitäts-Vorschlag");
            assertThat(browser.text("[data-test=done]")).contains("im Plan");
            assertThat(browser.pageText()).doesNotContain("coach.").doesNotContain("??");
            browser.screenshot("coaching-manager-de");
        }
    }
}
