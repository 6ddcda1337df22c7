package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium, in English and German: the approval queue is paged, flags outliers with their reason in words, and
 * approves ticked unchanged payouts in bulk with a result line.
 */
class ApprovalsReviewBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminApprovesUnchangedPayoutsInBulkAndSeesOutliersFlagged() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        // Other tests approve the fixtures' first outsiders and the manager's team: leave those alone.
        Set<Long> others = new HashSet<>(cast.outsiders().subList(0, 12));
        others.addAll(cast.teammates());
        others.add(cast.manager);
        JsonNode chosen = null;
        for (int p = 0; p < 10 && chosen == null; p++) {
            JsonNode page = Json.parse(login("admin", "demo")
                    .get("/api/v1/approvals/review?state=PENDING&period=" + cast.quarter + "&page=" + p)
                    .body());
            for (JsonNode r : page.get("rows")) {
                if (r.get("bulk").asBoolean()
                        && !others.contains(r.get("item").get("personId").asLong())) {
                    chosen = r.get("item");
                    break;
                }
            }
        }
        assertThat(chosen).as("an unchanged payout to approve").isNotNull();
        long payee = chosen.get("personId").asLong();
        String team = chosen.get("team").asString();

        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("admin", "demo");
            browser.open("/approvals?period=" + cast.quarter);
            assertThat(browser.text("[data-test=approval-summary]")).contains("payouts in this view");
            assertThat(browser.text("[data-test=approvals-pager]")).contains("Page 1 of");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=approvals] tbody tr")))
                    .hasSizeLessThanOrEqualTo(ApprovalReview.PAGE_SIZE);

            browser.open("/approvals?period=" + cast.quarter + "&outliers=true");
            WebElement flagged = browser.driver().findElement(By.cssSelector("ul.approvals-outliers"));
            assertThat(flagged.getText()).contains("Outlier").containsAnyOf("Up ", "Down ", "median payout of plan");
            browser.screenshot("approvals-outliers-en");

            browser.open("/approvals?period=" + cast.quarter + "&state=PENDING&team="
                    + java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
            browser.driver()
                    .findElement(By.cssSelector("[data-test=select-all]"))
                    .click();
            List<WebElement> picks = browser.driver().findElements(By.cssSelector("input.approvals-pick"));
            assertThat(picks).isNotEmpty().allMatch(WebElement::isSelected);
            // Keep only the chosen payout ticked.
            for (WebElement pick : picks) {
                if (!pick.getAttribute("value").equals(String.valueOf(payee))) {
                    pick.click();
                }
            }
            browser.screenshot("approvals-bulk-ticked-en");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=bulk-selected]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=bulk-result]", "Approved"))
                    .startsWith("Approved 1 payout.")
                    .contains("Skipped: 0 changed");
            browser.screenshot("approvals-bulk-done-en");
            browser.open("/approvals?period=" + cast.quarter + "&team="
                    + java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(browser.text("[data-test=approval-" + payee + "]")).contains("Approved");
        }

        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("admin", "demo");
            browser.open("/approvals?period=" + cast.quarter + "&outliers=true&lang=de");
            assertThat(browser.text("h1")).isEqualTo("Freigaben");
            assertThat(browser.text("ul.approvals-outliers"))
                    .contains("Ausreißer")
                    .containsAnyOf("mehr als in", "weniger als in", "Median");
            assertThat(browser.text("[data-test=approval-summary]")).contains("Auszahlungen in dieser Ansicht");
            assertThat(browser.pageText()).contains("Nur Ausreißer").containsIgnoringCase("Verglichen mit");
            browser.screenshot("approvals-outliers-de");
        }
    }
}
