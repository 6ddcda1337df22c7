package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** When a deal lands through the API, the rep's open home page shows the new numbers by itself. */
class LiveUpdateBrowserTest extends AttainIntegrationTest {

    @Test
    void aDealArrivingThroughTheApiUpdatesTheOpenHomePageWithoutAReload() {
        var me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            String before = browser.text("[data-test=my-bookings]");
            String deal = "LIVE-" + System.nanoTime();
            var response = login("compadmin", "demo").sendJson("POST", "/api/v1/transactions/bulk", """
                    {"source": "crm", "records": [{"external_id": "%s", "close_date": "%s", "amount": "12345.67",
                      "currency": "%s", "owner": "%s", "deal_type": "expansion"}]}""".formatted(
                            deal,
                            TODAY,
                            me.get("currency").asString(),
                            me.get("externalId").asString()));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(Json.parse(response.body()).get("accepted").asLong()).isEqualTo(1);

            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> d.findElement(By.tagName("body")).getAttribute("data-refreshed") != null);
            assertThat(browser.text("[data-test=my-bookings]")).isNotEqualTo(before);
            assertThat(browser.driver().findElement(By.id("live-note")).isDisplayed())
                    .isTrue();
            browser.screenshot("rep-home-live-update");
        }
    }
}
