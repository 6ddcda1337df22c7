package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Finance in Chromium, in English and in German: from the pipeline forecast to the statistical one, sees the chart
 * of history, forecast and interval, every method's accuracy with the one in use marked, the quarter's Monte-Carlo
 * range and the forecasts against what came; a team without history is told so instead of shown a number.
 */
class StatisticalForecastBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String link, String title, String company, String best, String tooLittle, String team) {}

    static final Texts EN = new Texts(
            "en-US",
            "Statistical forecast with its accuracy",
            "Statistical forecast",
            "Company",
            "best now",
            "Too little history",
            "Team Revenue Operations");
    static final Texts DE = new Texts(
            "de-DE",
            "Statistische Prognose mit ihrer Genauigkeit",
            "Statistische Prognose",
            "Unternehmen",
            "derzeit beste",
            "Zu wenig Historie",
            "Team Revenue Operations");

    @Test
    void englishFinanceSeesTheForecastWithItsAccuracy() {
        walkThrough(EN);
    }

    @Test
    void germanFinanceSeesTheForecastWithItsAccuracy() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("finance", "demo");
            browser.resize(1280, 2800);
            browser.open("/forecast");
            browser.driver().findElement(By.linkText(t.link())).click();
            assertThat(browser.textOnceItShows("h1", t.title())).isEqualTo(t.title());
            assertThat(browser.textOnceItShows("[data-test=stat-who]", t.company()))
                    .isEqualTo(t.company());
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=statistical-forecast] canvas")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=stat-methods] tbody tr")))
                    .hasSize(4);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=stat-methods] tbody tr.total")))
                    .hasSize(1);
            assertThat(browser.text("[data-test=stat-methods] tbody tr.total")).contains(t.best());
            assertThat(browser.text("[data-test=stat-range]")).contains("P10").contains("P90");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=stat-checks] tbody tr")))
                    .hasSize(8);
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("statistical-forecast-" + suffix);

            new Select(browser.driver().findElement(By.cssSelector("[data-test=stat-scope]")))
                    .selectByVisibleText(t.team());
            browser.driver()
                    .findElement(By.cssSelector("form.filters button[type=submit]"))
                    .click();
            // The same page comes back for the team: wait for its heading instead of reading the old one
            // mid-navigation.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBe(By.cssSelector("[data-test=stat-who]"), t.team()));
            assertThat(browser.text("[data-test=stat-too-little]")).startsWith(t.tooLittle());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=stat-methods]")))
                    .isEmpty();
            browser.screenshot("statistical-forecast-no-history-" + suffix);
        }
    }
}
