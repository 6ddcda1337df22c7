package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** In Chromium, finance reads the finance page, then exports the approved payroll of a quarter. */
class FinanceBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void financeExportsThePayroll() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        long payee = cast.outsiders().get(9);
        login("compadmin", "demo").sendJson("POST", "/api/v1/approvals", "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}");
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("finance", "demo");
            browser.driver().findElement(By.linkText("Finance")).click();
            assertThat(browser.text("h1")).isEqualTo("Finance");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-cost canvas"))).isNotEmpty();
            browser.screenshot("finance-overview-en");

            browser.driver().findElement(By.linkText("Payroll export")).click();
            browser.open("/payroll?period=" + cast.quarter);
            String href = browser.driver().findElement(By.cssSelector("[data-test=export-datev]")).getAttribute("href");
            assertThat(href).contains("/payroll/" + cast.quarter + "/export").contains("layout=datev");
            // Headless Chromium saves downloads out of sight; the same link fetched with finance's login is the file.
            WebSession finance = login("finance", "demo");
            String file = finance.get(href.substring(baseUrl().length())).body();
            assertThat(file).startsWith("Personalnummer;Name;Lohnart;Betrag");
            browser.open("/payroll?period=" + cast.quarter);
            assertThat(browser.text("[data-test=payroll-" + payee + "]")).as("the exported column shows when").doesNotEndWith("–");
            browser.screenshot("finance-payroll-en");
        }
    }
}
