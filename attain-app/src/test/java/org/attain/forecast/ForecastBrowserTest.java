package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A manager in Chromium, in English and in German: opens the forecast from the navigation, sees the chart and
 * the roll-up, submits a call typed in the page's language, and sees it roll up with what the deals said kept
 * beside it and in the weekly history; a call without an amount is refused with nothing saved.
 */
class ForecastBrowserTest extends AttainIntegrationTest {

    record Texts(
            String lang,
            String nav,
            String title,
            String amount,
            String shown,
            String saved,
            String computed,
            String refused) {}

    static final Texts EN = new Texts(
            "en-US",
            "Forecast",
            "Forecast",
            "150,000",
            "150,000.00",
            "Call submitted.",
            "Called; the deals say",
            "Nothing was saved");
    static final Texts DE = new Texts(
            "de-DE",
            "Prognose",
            "Prognose",
            "150.000",
            "150.000,00",
            "Meldung abgegeben.",
            "Gemeldet; die Deals ergeben",
            "Nichts wurde gespeichert");

    @Test
    void anEnglishManagerSeesTheRollUpAndCallsTheCommit() {
        walkThrough(EN);
    }

    @Test
    void aGermanManagerSeesTheRollUpAndCallsTheCommit() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("manager", "demo");
            browser.resize(1280, 2600);
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=forecast] canvas")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=forecast-rollup] tbody tr")))
                    .hasSizeGreaterThan(1);

            // No amount: refused, named, nothing saved.
            WebElement form = browser.driver().findElement(By.cssSelector("[data-test=forecast-call] form"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].removeAttribute('required')", form.findElement(By.name("amount")));
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.textOnceItShows("[data-test=forecast-problems]", t.refused()))
                    .contains(t.refused());

            form = browser.driver().findElement(By.cssSelector("[data-test=forecast-call] form"));
            new Select(form.findElement(By.name("category"))).selectByValue("commit");
            form.findElement(By.name("amount")).sendKeys(t.amount());
            form.findElement(By.name("note")).sendKeys("browser " + suffix);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.textOnceItShows("[data-test=forecast-notice]", t.saved()))
                    .isEqualTo(t.saved());
            assertThat(browser.textOnceItShows("[data-test=forecast-commit]", t.shown()))
                    .isEqualTo(t.shown());
            assertThat(browser.textOnceItShows("[data-test=forecast-commit-computed]", t.computed()))
                    .startsWith(t.computed());
            assertThat(browser.text("[data-test=forecast-history]")).contains(t.shown());
            browser.screenshot("forecast-" + suffix);
        }
    }
}
