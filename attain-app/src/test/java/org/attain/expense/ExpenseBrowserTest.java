package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Finance in Chromium, in English and in German: opens commission expense from the navigation, sees the
 * roll-forward per quarter with its chart and the CSV link, and is told what is wrong with a threshold that is no
 * number (nothing saved) before saving the default policy again.
 */
class ExpenseBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String nav, String title, String refused, String saved, String csv) {}

    static final Texts EN = new Texts(
            "en-US",
            "Commission expense",
            "Commission expense",
            "whole number of months",
            "Policy saved.",
            "Journal entries (CSV)");
    static final Texts DE = new Texts(
            "de-DE",
            "Provisionsaufwand",
            "Provisionsaufwand",
            "ganze Zahl von Monaten",
            "Richtlinie gespeichert.",
            "Buchungssätze (CSV)");

    @Test
    void englishFinanceReadsTheRollForward() {
        walkThrough(EN);
    }

    @Test
    void germanFinanceReadsTheRollForward() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("finance", "demo");
            browser.resize(1280, 2000);
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            browser.open("/finance/commission-expense?currency=USD&from=2026-01&to=2026-12&by=quarter");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=expense-rollforward] tbody tr")))
                    .hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=expense] canvas")))
                    .isNotEmpty();
            assertThat(browser.text("[data-test=expense-csv]")).isEqualTo(t.csv());
            browser.screenshot("commission-expense-" + suffix);

            WebElement form = browser.driver().findElement(By.cssSelector("[data-test=expense-policy-form]"));
            form.findElement(By.name("thresholdMonths")).sendKeys("twelve");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.textOnceItShows("[data-test=expense-problems]", t.refused()))
                    .contains(t.refused());
            assertThat(browser.textOnceItShows("[data-test=expense-policies]", "12"))
                    .contains("12");

            form = browser.driver().findElement(By.cssSelector("[data-test=expense-policy-form]"));
            form.findElement(By.name("thresholdMonths")).sendKeys("12");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.textOnceItShows("[data-test=expense-notice]", t.saved()))
                    .isEqualTo(t.saved());
        }
    }
}
