package org.attain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** In Chromium, a manager opens the team's activity by week and sees the chart drawn and their people listed. */
class ActivityDashboardBrowserTest extends AttainIntegrationTest {

    @Test
    void aManagerSeesTheTeamsActivityChartAndTable() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo");
            browser.open("/activity?grain=WEEK&days=90");
            assertThat(browser.text("h1")).isEqualTo("Team activity");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=activity-chart] canvas")))
                    .isNotEmpty();
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[data-test=activity-table] tbody tr"))
                            .size())
                    .isGreaterThan(1);
            browser.screenshot("manager-activity-en");

            browser.open("/activity?lang=de");
            assertThat(browser.text("h1")).isEqualTo("Aktivität im Team");
        }
    }

    @Test
    void aRepSeesTheirOwnActivityOnly() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            browser.open("/activity?days=90");
            assertThat(browser.text("h1")).isEqualTo("My activity");
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[data-test=activity-table] tbody tr"))
                            .size())
                    .isLessThanOrEqualTo(1);
        }
    }
}
