package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In Chromium, a rep questions a line of their statement, forgets the text once, then sends it. */
class DisputeBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepOpensADisputeOnAStatementLine() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        int line = cast.firstLine(cast.rep);
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            browser.open("/people/" + cast.rep + "/statement?period=" + cast.quarter);
            browser.driver()
                    .findElement(By.cssSelector("[data-test=question-line-" + line + "]"))
                    .click();
            assertThat(browser.textOnceItShows("h1", "Question this line")).isEqualTo("Question this line");

            browser.driver()
                    .findElement(By.cssSelector("[data-test=open-dispute]"))
                    .click();
            assertThat(browser.textOnceItShows("main [role=alert]", "Please say what looks wrong with this line."))
                    .isEqualTo("Please say what looks wrong with this line.");
            assertThat(browser.driver().findElement(By.id("text")).getAttribute("aria-invalid"))
                    .isEqualTo("true");
            // The form with its error shown: the message is tied to its field, nothing serious for axe-core.
            browser.assertAccessible("the dispute form with an error");

            browser.driver()
                    .findElement(By.id("text"))
                    .sendKeys("Deal T42 closed on the 30th but is not on this line.");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=open-dispute]"))
                    .click();
            assertThat(browser.textOnceItShows("main [role=status]", "Your question is sent"))
                    .contains("Your question is sent");
            assertThat(browser.textOnceItShows("[data-test=dispute-status]", "Open"))
                    .isEqualTo("Open");
            assertThat(browser.textOnceItShows("[data-test=dispute-text]", "Deal T42"))
                    .contains("Deal T42");
            browser.screenshot("rep-dispute-opened-en");

            browser.open("/disputes?lang=de");
            assertThat(browser.text("h1")).isEqualTo("Meine Reklamationen");
            browser.assertAccessible("/disputes in German");
            browser.screenshot("rep-disputes-de");
        }
    }
}
