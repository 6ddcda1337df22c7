package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
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
        login("compadmin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/approvals",
                        "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}");
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("finance", "demo");
            browser.clickNav("Finance");
            assertThat(browser.text("h1")).isEqualTo("Finance");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-cost canvas")))
                    .isNotEmpty();
            browser.screenshot("finance-overview-en");

            browser.driver().findElement(By.linkText("Payroll export")).click();
            browser.open("/payroll?period=" + cast.quarter);
            long before = exportsOf(cast.quarter);
            // Making the export is a form post; headless Chromium saves the file out of sight, the record shows it was
            // made.
            browser.driver()
                    .findElement(By.cssSelector("[data-test=export-datev]"))
                    .click();
            for (int i = 0; i < 100 && exportsOf(cast.quarter) == before; i++) {
                sleep();
            }
            assertThat(exportsOf(cast.quarter)).isEqualTo(before + 1);
            browser.open("/payroll?period=" + cast.quarter);
            assertThat(browser.text("[data-test=payroll-" + payee + "]"))
                    .as("the exported column shows when")
                    .doesNotEndWith("–");
            String again = browser.driver()
                    .findElement(By.cssSelector("[data-test=payroll-exports] tbody tr a"))
                    .getAttribute("href");
            String file = login("finance", "demo")
                    .get(again.substring(baseUrl().length()))
                    .body();
            assertThat(file).as("the recorded file downloads again").startsWith("Personalnummer;Name;Lohnart;Betrag");
            browser.screenshot("finance-payroll-en");
        }
    }

    private long exportsOf(String period) {
        return jdbc.sql("select count(*) from payroll_export where period_id = :p and exported_by = 'finance'")
                .param("p", period)
                .query(Long.class)
                .single();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
