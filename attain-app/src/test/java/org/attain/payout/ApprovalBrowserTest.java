package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In Chromium, a manager opens the approval queue, approves a rep's payout and then looks at the team's reports. */
class ApprovalBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerApprovesAPayout() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        List<Long> team = cast.teammates();
        long payee = team.get(team.size() - 1);
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo");
            browser.clickNav("Approvals");
            browser.open("/approvals?period=" + cast.quarter + "&state=PENDING");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=approve-" + payee + "]"))
                    .click();
            assertThat(browser.textOnceItShows("main [role=status]", "Payout approved."))
                    .isEqualTo("Payout approved.");
            browser.open("/approvals?period=" + cast.quarter);
            assertThat(browser.text("[data-test=approval-" + payee + "]"))
                    .contains("Approved")
                    .contains("by manager");
            browser.screenshot("manager-approved-en");

            browser.open("/reports?period=" + cast.quarter + "&lang=de");
            assertThat(browser.text("h1")).isEqualTo("Berichte");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-distribution canvas")))
                    .isNotEmpty();
            assertThat(browser.pageText()).contains("Zielerreichung").containsIgnoringCase("Quote");
            browser.screenshot("manager-reports-de");
        }
    }
}
