package org.attain.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attain.access.UserAccounts;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Business words, second pass (issue 21.5), in Chromium in English and German: the rep's what-if outcome names
 * the components of their plan, the objectives sheet names the MBO component, and the audit log says what happened
 * in words; each keeps the id or code as its title (the hover detail), and the audit log still filters by code.
 */
class NamesNotIdsBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String commission, String mbo, String published) {}

    static final Texts EN = new Texts("en-US", "Commission", "Objectives (MBO)", "Plan published");
    static final Texts DE = new Texts("de-DE", "Provision", "Ziele (MBO)", "Plan veröffentlicht");

    @Autowired
    UserAccounts users;

    @Test
    void namesNotIdsInEnglish() {
        walk(EN);
    }

    @Test
    void namesNotIdsInGerman() {
        walk(DE);
    }

    private void walk(Texts t) {
        String suffix = t.lang().substring(0, 2);
        MboFixture f = MboFixture.create(login("compadmin", "demo"), login("manager", "demo"), users);

        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("rep", "demo");
            browser.resize(1280, 1400);
            estimate(browser, "50000");
            List<WebElement> components =
                    browser.driver().findElements(By.cssSelector("[data-test=what-if-component]"));
            assertThat(components).isNotEmpty();
            assertThat(components).allSatisfy(c -> assertThat(c.getText()).isNotEqualTo(c.getDomAttribute("title")));
            assertThat(components).anySatisfy(c -> {
                assertThat(c.getText()).isEqualTo(t.commission());
                assertThat(c.getDomAttribute("title")).isEqualTo("commission");
            });
            browser.screenshot("names-what-if-" + suffix);
        }

        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("manager", "demo");
            browser.open("/objectives?person=" + f.personId() + "&period=" + f.quarter());
            List<WebElement> cells =
                    browser.driver().findElements(By.cssSelector("[data-test=objective-component] span[title]"));
            assertThat(cells).hasSize(3).allSatisfy(c -> {
                assertThat(c.getText()).isEqualTo(t.mbo());
                assertThat(c.getDomAttribute("title")).isEqualTo("mbo");
            });
            assertThat(browser.text("[data-test=objective-sheet]"))
                    .contains("AE with MBO and rate table " + f.n() + " · " + t.mbo())
                    .doesNotContain(" · mbo");
            browser.screenshot("names-objectives-" + suffix);
        }

        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("admin", "demo");
            browser.resize(1280, 1200);
            browser.open("/admin/audit?action=PLAN_PUBLISHED");
            List<WebElement> actions = browser.driver().findElements(By.cssSelector("td[data-action]"));
            assertThat(actions).isNotEmpty().allSatisfy(a -> {
                assertThat(a.getText()).isEqualTo(t.published());
                assertThat(a.getDomAttribute("title")).isEqualTo("PLAN_PUBLISHED");
            });
            assertThat(browser.driver().findElement(By.id("action")).getDomProperty("value"))
                    .isEqualTo("PLAN_PUBLISHED");
            browser.screenshot("names-audit-" + suffix);
        }
    }

    private static void estimate(Browser browser, String amount) {
        WebDriver driver = browser.driver();
        WebElement card = driver.findElement(By.id("what-if"));
        new Actions(driver).scrollToElement(card).perform();
        WebElement field = driver.findElement(By.id("wi-amount"));
        field.clear();
        field.sendKeys(amount);
        driver.findElement(By.cssSelector("#what-if button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("[data-test=what-if-outcome]"))
                        .isEmpty());
        new Actions(driver)
                .scrollToElement(driver.findElement(By.cssSelector("[data-test=what-if-outcome]")))
                .perform();
    }
}
