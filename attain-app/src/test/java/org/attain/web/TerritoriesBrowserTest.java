package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin plans territories in English and in German: the hierarchy tree with owners and its treemap, a
 * territory with its rules in precedence order, members and accounts, a refused rule that says why in the page's
 * language, and the Unassigned list. Screenshots for a person to look at.
 */
class TerritoriesBrowserTest extends AttainIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "en-US, Territories, Germany Strategic Accounts, Rules of equal precedence 100, Unassigned accounts",
        "de-DE, Gebiete, Germany Strategic Accounts, Regeln mit gleichem Vorrang 100, Nicht zugeordnete Kunden"
    })
    void aPlannerReadsTheTreeATerritoryAndTheUnassignedAccounts(
            String language, String title, String strategic, String overlap, String unassigned) {
        String lang = language.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("compadmin", "demo").open("/territories?date=" + TODAY);
            assertThat(browser.text("h1")).isEqualTo(title);
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[data-test=territory-tree] tbody tr"))
                            .size())
                    .isGreaterThan(10);
            assertThat(browser.text("[data-test=territory-tree] tr[data-code=DE-STRAT]"))
                    .contains(strategic);
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> !d.findElements(By.cssSelector("#territory-treemap canvas"))
                            .isEmpty());
            browser.resize(1280, 1700);
            browser.screenshot("territories-" + lang);

            browser.driver()
                    .findElement(By.cssSelector("[data-test=territory-tree] tr[data-code=DE-COM] a"))
                    .click();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=rules] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=members] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.driver()
                            .findElements(By.cssSelector("[data-test=accounts] tbody tr"))
                            .size())
                    .isGreaterThan(5);
            browser.screenshot("territory-" + lang);

            // A rule that claims what Germany Enterprise already claims at the same precedence is refused.
            browser.driver().findElement(By.cssSelector("[data-test=add-rule]")).click();
            browser.driver().findElement(By.id("countries")).sendKeys("DE");
            browser.driver().findElement(By.id("sizeBands")).sendKeys("ENTERPRISE");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=rule-form] button[type=submit]"))
                    .click();
            // Read once the refusal is there: right after the click the form can still be the one sent.
            assertThat(browser.textOnceItShows("[data-test=rule-form]", overlap))
                    .contains("DE-ENT");
            browser.screenshot("territory-rule-refused-" + lang);

            browser.open("/territories/unassigned?date=" + TODAY);
            assertThat(browser.text("h1")).isEqualTo(unassigned);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=unassigned] tbody tr")))
                    .isNotEmpty();
            browser.screenshot("territories-unassigned-" + lang);
        }
    }
}
