package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A manager reads their team: ranks, a trend chart, a table to sort and filter, and no one else's people. */
class TeamBrowserTest extends AttainIntegrationTest {

    @Test
    void aManagerSortsAndFiltersTheTeamAndSeesTheTrend() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("manager", "demo").open("/team");
            assertThat(browser.text("h1")).isEqualTo("My team");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-test=team-table] tbody tr"));
            assertThat(rows).hasSizeGreaterThan(2);
            // Flags are rare (PerformersTest holds the rule's share): the card lists some or says there are none.
            assertThat(browser.text("[data-test=top-performers]")).contains("Top performers");
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[data-test=top-performers] [data-test=flagged]"))
                            .isEmpty())
                    .isEqualTo(browser.text("[data-test=top-performers]").contains("No one"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> !d.findElements(By.cssSelector("#trend canvas")).isEmpty());

            browser.driver()
                    .findElement(By.xpath("//table[@data-test='team-table']//button[.='Activities']"))
                    .click();
            List<Long> ascending = activities(browser);
            assertThat(ascending).isSorted();
            browser.driver()
                    .findElement(By.xpath("//table[@data-test='team-table']//button[.='Activities']"))
                    .click();
            assertThat(activities(browser)).isSortedAccordingTo(java.util.Comparator.reverseOrder());

            String someone = rows.get(0).findElement(By.tagName("a")).getText();
            browser.driver().findElement(By.id("team-filter")).sendKeys(someone);
            long visible = browser.driver().findElements(By.cssSelector("[data-test=team-table] tbody tr")).stream()
                    .filter(WebElement::isDisplayed)
                    .count();
            assertThat(visible).isEqualTo(1);
            browser.screenshot("manager-team");
        }
    }

    @Test
    void aRepHasNoTeamToLookAt() {
        var response = login("rep", "demo").get("/team");
        assertThat(response.body()).doesNotContain("data-test=\"team-table\"><thead><tr><th>");
        assertThat(response.body()).doesNotContain("team-row");
    }

    private static List<Long> activities(Browser browser) {
        return browser.driver().findElements(By.cssSelector("[data-test=team-table] tbody tr td:last-child")).stream()
                .map(td -> Long.parseLong(td.getText().trim()))
                .toList();
    }
}
