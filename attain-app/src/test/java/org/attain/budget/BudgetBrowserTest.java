package org.attain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Finance and a manager in Chromium, in English and in German: finance opens Budgets from the navigation, sees budget
 * vs actual with its chart, is told what is wrong with an amount that is no number (nothing saved), saves a marketing
 * budget, and models a team's plan cost at 80/100/120 %; the manager reads the teams of their subtree without the
 * forms to change them.
 */
class BudgetBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String nav, String title, String refused, String saved, String marketing) {}

    static final Texts EN = new Texts("en-US", "Budgets", "Budgets", "The amount is a number", "Saved.", "Marketing");
    static final Texts DE =
            new Texts("de-DE", "Budgets", "Budgets", "Der Betrag ist eine Zahl", "Gespeichert.", "Marketing");

    @Test
    void englishFinanceSetsABudgetAndModelsPlanCost() {
        finance(EN);
    }

    @Test
    void germanFinanceSetsABudgetAndModelsPlanCost() {
        finance(DE);
    }

    @Test
    void englishManagerReadsTheirTeams() {
        manager(EN);
    }

    @Test
    void germanManagerReadsTheirTeams() {
        manager(DE);
    }

    private void finance(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("finance", "demo");
            browser.resize(1280, 2400);
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=budget-table] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=budget] canvas")))
                    .isNotEmpty();

            line(browser, "abc");
            assertThat(browser.text("[data-test=budget-problems]")).contains(t.refused());
            line(browser, "25000.00");
            assertThat(browser.text("[data-test=budget-notice]")).isEqualTo(t.saved());
            assertThat(browser.text("[data-test=budget-table]"))
                    .contains(t.marketing())
                    .contains("25");

            // The team of the first compensation line with an actual: its payees have quotas.
            String row = browser.driver()
                    .findElement(By.cssSelector("[data-test$='-COMPENSATION']"))
                    .getDomAttribute("data-test");
            String team = row.substring("budget-".length(), row.length() - "-COMPENSATION".length());
            WebElement model = browser.driver().findElement(By.cssSelector("[data-test=budget-model-form]"));
            new Select(model.findElement(By.name("model"))).selectByValue(team);
            model.findElement(By.cssSelector("button[type=submit]")).click();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=budget-model] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.text("[data-test=budget-model] thead"))
                    .contains("80 %")
                    .contains("120 %");
            browser.screenshot("budgets-finance-" + suffix);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('[data-test=budget-cost-of-sales]').scrollIntoView()");
            browser.screenshot("budgets-finance-model-" + suffix);
        }
    }

    private static void line(Browser browser, String amount) {
        WebElement form = browser.driver().findElement(By.cssSelector("[data-test=budget-line-form]"));
        new Select(form.findElement(By.name("category"))).selectByValue("MARKETING");
        WebElement field = form.findElement(By.name("amount"));
        field.clear();
        field.sendKeys(amount);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void manager(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("manager", "demo");
            browser.resize(1280, 1800);
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=budget-table] tbody tr")))
                    .isNotEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=budget-line-form]")))
                    .isEmpty();
            browser.screenshot("budgets-manager-" + suffix);
        }
    }
}
