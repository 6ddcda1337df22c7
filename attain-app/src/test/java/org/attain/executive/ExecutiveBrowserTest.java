package org.attain.executive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

/**
 * Finance in Chromium, in English and in German, opens the executive page from the navigation and finds on one screen
 * bookings against target per quarter (with its chart), the quarter's forecast (the pipeline's, and the statistical
 * one with its interval and its method's accuracy), budget against actual and the
 * commission expense roll-forward; the same figures come over the API, and only finance and admins see them.
 */
class ExecutiveBrowserTest extends AttainIntegrationTest {

    @Test
    void englishFinanceReadsTheOverview() {
        walk("en-US", "Executive", "Executive overview");
    }

    @Test
    void germanFinanceReadsTheOverview() {
        walk("de-DE", "Geschäftsleitung", "Überblick für die Geschäftsleitung");
    }

    @Test
    void theApiCarriesTheSameFiguresAndOnlyFinanceAndAdminsSeeThem() {
        WebSession finance = login("finance", "demo");
        JsonNode s = Json.parse(finance.get("/api/v1/executive?currency=USD").body());
        assertThat(s.get("quarters")).hasSize(4);
        for (JsonNode q : s.get("quarters")) {
            BigDecimal target = q.get("target").decimalValue();
            if (target.signum() > 0) {
                assertThat(q.get("attainmentPercent").decimalValue())
                        .isEqualByComparingTo(q.get("bookings")
                                .decimalValue()
                                .multiply(BigDecimal.valueOf(100))
                                .divide(target, 1, java.math.RoundingMode.HALF_EVEN));
            }
        }
        assertThat(s.get("forecast").get("period").asString())
                .isEqualTo(s.get("budgetPeriod").asString());
        // The statistical forecast of the same quarter, inside its own interval, with its method's accuracy.
        JsonNode st = s.get("statistical");
        assertThat(st.get("period").asString())
                .isEqualTo(s.get("forecast").get("period").asString());
        assertThat(st.get("forecast").decimalValue())
                .isBetween(st.get("low").decimalValue(), st.get("high").decimalValue());
        assertThat(st.get("booked").decimalValue())
                .isLessThanOrEqualTo(st.get("forecast").decimalValue());
        assertThat(st.get("method").asString()).isNotBlank();
        assertThat(st.get("mase").decimalValue()).isPositive();
        assertThat(s.get("expense").get("lines")).hasSize(4);
        assertThat(login("manager", "demo").get("/api/v1/executive").statusCode())
                .isEqualTo(403);
        assertThat(login("rep", "demo").get("/executive").statusCode()).isEqualTo(403);
        assertThat(finance.get("/api/v1/executive?currency=US").body()).contains("\"field\":\"currency\"");
    }

    private void walk(String lang, String nav, String title) {
        try (Browser browser = new Browser(baseUrl(), lang)) {
            browser.logIn("finance", "demo");
            browser.resize(1280, 2600);
            browser.clickNav(nav);
            assertThat(browser.text("h1")).isEqualTo(title);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=executive-quarters] tbody tr")))
                    .hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=executive-forecast] tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=executive-statistical] tbody tr")))
                    .hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=executive-rollforward] tbody tr")))
                    .hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=executive-bookings] canvas")))
                    .isNotEmpty();
            browser.screenshot("executive-" + lang.substring(0, 2));
        }
    }
}
