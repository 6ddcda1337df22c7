package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin balances the demo company's territories in English and in German: chooses potential and accounts,
 * starts, watches the progress bar move, sees before and after per territory (chart with the band, table), and
 * accepts two of the proposed moves from the first of a month. Screenshots of the run, the result and the accepted
 * moves for a person to look at; no Content Security Policy violation on the way.
 */
class BalanceTerritoriesBrowserTest extends AttainIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en-US, Balance territories, Searching, 2 moves accepted, accepted from, 24, Scope: ",
        "de-DE, Gebiete ausgleichen, Sucht, 2 Verschiebungen übernommen, übernommen ab, 25, Umfang: "
    })
    void aPlannerWatchesABalancingRunAndAcceptsTwoMoves(
            String language,
            String title,
            String searching,
            String accepted,
            String acceptedFrom,
            int monthsAhead,
            String scope) {
        String lang = language.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("compadmin", "demo").open("/territories");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=balance-link]"))
                    .click();
            assertThat(browser.textOnceItShows("h1", title)).isEqualTo(title);

            browser.driver().findElement(By.id("m-accounts")).click();
            browser.driver().findElement(By.cssSelector("[data-test=start]")).click();

            // The progress bar follows the run: balance.js has polled it while it searches (the form's default time
            // limit, 20 s, is long enough to catch it searching).
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(90));
            wait.until(d -> !d.findElements(By.cssSelector("[data-test=progress][data-percent]"))
                    .isEmpty());
            assertThat(browser.text("[data-test=state]")).isEqualTo(searching);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=stop]")))
                    .hasSize(1);
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[data-test=progress]').scrollIntoView({block: 'center'});");
            browser.screenshot("balance-running-" + lang);

            wait.until(d ->
                    !d.findElements(By.cssSelector("[data-test=balance-table]")).isEmpty());
            wait.until(d -> d.findElements(By.cssSelector("[data-balance-chart] canvas"))
                            .size()
                    == 2);
            // By default one region is balanced (the one with the most territories), and the page says which.
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=balance-table] tbody tr")))
                    .hasSizeGreaterThan(1);
            assertThat(browser.text("[data-test=scope]")).startsWith(scope.strip());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=feasible], [data-test=infeasible]")))
                    .hasSize(1);
            List<WebElement> boxes =
                    browser.driver().findElements(By.cssSelector("[data-test=moves] input[name=move]:not([disabled])"));
            assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
            browser.resize(1280, 2200);
            browser.screenshot("balance-result-" + lang);

            String first = boxes.get(0).getAttribute("value");
            String second = boxes.get(1).getAttribute("value");
            boxes.get(0).click();
            boxes.get(1).click();
            LocalDate from = TODAY.plusMonths(monthsAhead).withDayOfMonth(1);
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.getElementById('ef').value = arguments[0];", from.toString());
            browser.driver()
                    .findElement(By.cssSelector("[data-test=accept-selected]"))
                    .click();

            assertThat(browser.textOnceItShows("[data-test=accepted]", accepted))
                    .contains(accepted);
            assertThat(browser.text("[data-test=moves] tr[data-account='" + first + "']"))
                    .contains(acceptedFrom);
            assertThat(browser.text("[data-test=moves] tr[data-account='" + second + "']"))
                    .contains(acceptedFrom);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=moves] tr[data-account='" + first + "'] input"))
                            .isEnabled())
                    .isFalse();
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[data-test=moves]').scrollIntoView();");
            browser.screenshot("balance-accepted-" + lang);
            assertThat(browser.cspViolations()).isEmpty();
        }
    }
}
