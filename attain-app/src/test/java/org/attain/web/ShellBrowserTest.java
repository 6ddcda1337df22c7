package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A rep and a manager log in with a real Chromium and see what is theirs, in English and German. */
class ShellBrowserTest extends AttainIntegrationTest {

    @Test
    void aRepSeesTheirProfileAndManagerButNotAnotherPersonsPage() {
        long managerId = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        var managerName =
                Json.parse(login("manager", "demo").get("/api/v1/me").body()).get("person");
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            assertThat(browser.text("h1")).startsWith("Hello, ");
            assertThat(browser.text("[data-test=my-manager]"))
                    .isEqualTo(managerName.get("firstName").asString() + " "
                            + managerName.get("lastName").asString());
            assertThat(browser.text("[data-test=my-profile]")).contains("Team");
            browser.screenshot("rep-home-en");

            browser.open("/people/" + managerId);
            assertThat(browser.text("h1")).isEqualTo("Page not found");
            browser.screenshot("rep-blocked-from-manager");
        }
    }

    @Test
    void aManagerSeesTheirTeamInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("manager", "demo");
            assertThat(browser.text("h1")).startsWith("Hallo, ");
            assertThat(browser.text("[data-test=my-team] h2")).isEqualTo("Mein Team in diesem Quartal");
            int rows = browser.driver()
                    .findElements(By.cssSelector("[data-test=my-team] tbody tr"))
                    .size();
            assertThat(rows).isGreaterThan(2);
            browser.screenshot("manager-home-de");

            browser.driver()
                    .findElement(By.cssSelector("[data-test=my-team] tbody tr a"))
                    .click();
            assertThat(browser.textOnceItShows("body", "Vorgesetzten-Historie")).contains("Vorgesetzten-Historie");
            browser.screenshot("manager-drills-into-rep-de");
        }
    }

    @Test
    void aFormRejectsBadInputFieldByFieldInTheUsersLanguage() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo");
            browser.open("/people/new");
            browser.driver().findElement(By.id("email")).sendKeys("kein-email");
            browser.driver()
                    .findElement(By.cssSelector("main form button[type=submit]"))
                    .click();
            assertThat(browser.textOnceItShows("#email-err", "muss eine gültige E-Mail-Adresse sein"))
                    .isEqualTo("muss eine gültige E-Mail-Adresse sein");
            assertThat(browser.textOnceItShows("#firstName-err", "darf nicht leer sein"))
                    .isEqualTo("darf nicht leer sein");
            browser.screenshot("compadmin-person-form-errors-de");
        }
    }

    @Test
    void thePagesWorkAtPhoneWidth() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.resize(390, 844);
            browser.logIn("manager", "demo");
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=my-team]"))
                            .isDisplayed())
                    .isTrue();
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).isEqualTo(Boolean.FALSE);
            browser.screenshot("manager-home-phone");
        }
    }
}
