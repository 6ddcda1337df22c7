package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An admin opens a former rep's performance (their last quarter, with the day they left), follows the link to their
 * coaching plan (kept read-only) and asks for a range the rep did not work, in English and German.
 */
class FormerRepBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminReadsAFormerRepInEnglish() {
        walk("en-US", "left the company on", "can no longer be changed", "did not work here in this range");
    }

    @Test
    void anAdminReadsAFormerRepInGerman() {
        walk("de-DE", "hat das Unternehmen am", "kann nicht mehr geändert werden", "nicht hier gearbeitet");
    }

    private void walk(String lang, String left, String readOnly, String notWorked) {
        FormerRepTest.Former former = FormerRepTest.formerRep(jdbc);
        String suffix = lang.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("admin", "demo").resize(1280, 1600);
            browser.open("/insights/reps/" + former.id());
            assertThat(browser.text("h1")).isEqualTo(former.name());
            assertThat(browser.text("[data-test=left]"))
                    .contains(left)
                    .contains(former.lastDay().toString());
            assertThat(browser.driver().findElement(By.id("to")).getDomAttribute("value"))
                    .isEqualTo(former.lastDay().toString());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=peer-row]")))
                    .isNotEmpty();
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("former-rep-performance-" + suffix);

            browser.driver()
                    .findElement(By.cssSelector("[data-test=coaching-link]"))
                    .click();
            assertThat(browser.textOnceItShows(
                            "[data-test=left]", former.lastDay().toString()))
                    .contains(readOnly);
            assertThat(browser.driver().findElements(By.cssSelector("form[data-test]")))
                    .isEmpty();
            assertThat(browser.pageText()).doesNotContain("coach.").doesNotContain("??");
            browser.screenshot("former-rep-coaching-" + suffix);

            browser.open("/insights/reps/" + former.id() + "?from=2026-10-01&to=2026-12-05");
            assertThat(browser.text("[data-test=range-problem]")).contains(notWorked);
            assertThat(browser.pageText()).doesNotContain("perf.").doesNotContain("??");
            browser.screenshot("former-rep-range-" + suffix);
        }
    }
}
