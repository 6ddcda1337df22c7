package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * In Chromium, finance opens the earnings export from the finance page, pages through it and downloads
 * it; a month of quarterly plans says where its results are. In German, a rep sees only their own lines.
 */
class EarningsExportBrowserTest extends AttainIntegrationTest {

    @Test
    void financeFindsTheExportPagesThroughItAndDownloadsIt() {
        WebSession finance = login("finance", "demo");
        String quarter = Json.parse(
                        finance.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        String thisMonth = Json.parse(
                        finance.get("/api/v1/periods/current?kind=MONTH").body())
                .get("id")
                .asString();
        List<String> before = EarningsApi.previousQuarterAndItsFirstMonth(finance);
        String previous = before.get(0);
        String month = before.get(1);
        JsonNode api = EarningsApi.page(finance, quarter, 0, 50);
        long total = api.get("total").asLong();
        assertThat(total).as("more than one page on screen").isGreaterThan(50);

        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("finance", "demo");
            browser.open("/finance?period=" + quarter);
            browser.driver()
                    .findElement(By.cssSelector("[data-test=to-earnings]"))
                    .click();
            assertThat(browser.textOnceItShows("h1", "Earnings by person")).isEqualTo("Earnings by person");
            assertThat(browser.text("[data-test=earnings-covers]"))
                    .startsWith(quarter + " covers ")
                    .contains(thisMonth);
            assertThat(browser.text("[data-test=earnings-summary]"))
                    .isEqualTo(String.format(
                            java.util.Locale.US,
                            "%,d lines for %,d people",
                            total,
                            api.get("people").asLong()));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-test=earnings-rows] tbody tr"));
            assertThat(rows).hasSize(50);
            assertThat(rows.get(0).findElements(By.tagName("td")).get(0).getText())
                    .isEqualTo(api.get("rows").get(0).get("employeeId").asString());
            assertThat(browser.text("[data-test=earnings-totals]"))
                    .containsIgnoringCase("Currency")
                    .containsIgnoringCase("Lines")
                    .containsIgnoringCase("Amount");
            browser.resize(1280, 1500);
            browser.screenshot("earnings-en");

            String csvHref = browser.driver()
                    .findElement(By.cssSelector("[data-test=csv-earnings]"))
                    .getAttribute("href");
            assertThat(csvHref)
                    .contains("/reports/earnings/export")
                    .contains("period=" + quarter)
                    .contains("format=csv");
            // Headless Chromium saves downloads out of sight; the same link fetched with finance's login is the file.
            assertThat(finance.get(csvHref.substring(baseUrl().length()))
                            .body()
                            .lines()
                            .count())
                    .isEqualTo(total + 1);

            browser.driver()
                    .findElement(By.cssSelector("[data-test=earnings-next]"))
                    .click();
            assertThat(browser.text("main h2"))
                    .isEqualTo(String.format(java.util.Locale.US, "Rows 51–%d of %,d", Math.min(100, total), total));
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=earnings-prev]")))
                    .isNotEmpty();

            new Select(browser.driver().findElement(By.id("period"))).selectByValue(month);
            browser.driver()
                    .findElement(By.cssSelector("form.filters button[type=submit]"))
                    .click();
            assertThat(browser.text("[data-test=earnings-empty]"))
                    .startsWith("No current results in " + month + ". Results are calculated for " + previous
                            + ", which includes " + month + ".");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=earnings-rows]")))
                    .isEmpty();
            browser.screenshot("earnings-empty-month-en");
            browser.driver().findElement(By.linkText("Show " + previous)).click();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=earnings-rows] tbody tr")))
                    .hasSize(50);
        }
    }

    @Test
    void aRepReadsTheirOwnLinesInGerman() {
        WebSession rep = login("rep", "demo");
        String quarter = Json.parse(
                        rep.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        List<JsonNode> quarters = Json.parse(
                        rep.get("/api/v1/periods?kind=QUARTER").body())
                .valueStream()
                .toList();
        String future = quarters.get(quarters.size() - 1).get("id").asString();
        JsonNode own = EarningsApi.page(rep, quarter, 0, 50);
        String employeeId = own.get("rows").get(0).get("employeeId").asString();

        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("rep", "demo");
            browser.open("/reports/earnings");
            assertThat(browser.text("h1")).isEqualTo("Provisionen je Person");
            assertThat(browser.text("p.sub")).isEqualTo("Ihre aktuellen Provisionszeilen.");
            assertThat(browser.text("label[for=period]")).isEqualTo("Periode");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("[data-test=earnings-rows] tbody tr"));
            assertThat(rows).hasSize(own.get("total").asInt());
            assertThat(rows)
                    .allSatisfy(r -> assertThat(
                                    r.findElements(By.tagName("td")).get(0).getText())
                            .isEqualTo(employeeId));
            assertThat(browser.text("[data-test=earnings-rows] thead"))
                    .containsIgnoringCase("Personalnummer")
                    .containsIgnoringCase("Betrag")
                    .containsIgnoringCase("Zielerreichung");
            JsonNode first = own.get("rows").get(0);
            assertThat(rows.get(0).findElements(By.tagName("td")).get(3).getText())
                    .isEqualTo(first.get("plan").asString() + " Version "
                            + first.get("planVersion").asInt());
            String amount = rows.get(0).findElements(By.tagName("td")).get(5).getText();
            assertThat(amount).as("German number format").matches("-?[0-9.]+,[0-9]{2}");
            browser.resize(1280, 1000);
            browser.screenshot("earnings-de");

            browser.open("/reports/earnings?period=" + future);
            assertThat(browser.text("[data-test=earnings-empty]"))
                    .isEqualTo("Sie haben keine aktuellen Ergebnisse in " + future + ".");
            assertThat(browser.text("[data-test=earnings-downloads]"))
                    .contains("CSV")
                    .contains("XLSX");
            browser.screenshot("earnings-empty-de");
        }
    }
}
