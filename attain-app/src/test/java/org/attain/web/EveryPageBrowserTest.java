package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page in every role's navigation, in English and in German: it opens, has a heading, shows
 * no untranslated message key and no error, breaks nothing of the Content Security Policy (the
 * browser's console says so otherwise), and is saved as a screenshot for a person to look at.
 */
class EveryPageBrowserTest extends AttainIntegrationTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "rep, en-US",
        "rep, de-DE",
        "manager, en-US",
        "manager, de-DE",
        "compadmin, en-US",
        "compadmin, de-DE",
        "finance, en-US",
        "finance, de-DE",
        "admin, en-US",
        "admin, de-DE"
    })
    void everyPageInTheNavigationOpensCleanly(String login, String language) {
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn(login, "demo");
            assertThat(browser.cspViolations())
                    .as("Content Security Policy violations on the login and home pages")
                    .isEmpty();
            List<String> links = browser.driver().findElements(By.cssSelector("header.top nav a")).stream()
                    .map(a -> a.getAttribute("href"))
                    .toList();
            assertThat(links).hasSizeGreaterThan(2);
            for (String link : links) {
                browser.driver().get(link);
                String page = browser.pageText();
                assertThat(browser.driver().findElements(By.tagName("h1")))
                        .as(link)
                        .isNotEmpty();
                assertThat(page)
                        .as(link)
                        .doesNotContain("??")
                        .doesNotContain("Exception")
                        .doesNotContain("Page not found")
                        .doesNotContain("Seite nicht gefunden");
                if (language.startsWith("de")) {
                    WebElement h1 = browser.driver().findElement(By.tagName("h1"));
                    assertThat(h1.getText()).as("German heading on %s", link).isNotBlank();
                }
                assertThat(browser.cspViolations())
                        .as("Content Security Policy violations on %s", link)
                        .isEmpty();
                String name = link.replaceFirst("https?://[^/]+/", "").replaceAll("[^a-zA-Z0-9]+", "-");
                browser.screenshot(
                        "tour-" + login + "-" + language.substring(0, 2) + "-" + (name.isEmpty() ? "home" : name));
            }
        }
    }
}
