package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 21's "done means": a comp admin builds a tiered plan with a SPIFF and a cap without touching YAML (a new plan
 * from the form, a tiered component filled in as a table, a SPIFF, a cap), saves, the check passes, the YAML view
 * shows the tiers, the SPIFF and the cap, and the plan is published the way the YAML editor publishes. In English and
 * German.
 */
class PlanBuilderBrowserTest extends AttainIntegrationTest {

    @Test
    void aCompAdminBuildsATieredPlanWithASpiffAndACapWithoutTouchingYaml() {
        build(
                "en-US",
                "builder-en-" + System.nanoTime(),
                "Add component",
                "Saved to the YAML",
                "Version 1 is published.");
    }

    @Test
    void einCompAdminBautEinenGestaffeltenPlanMitSpiffUndObergrenzeOhneYaml() {
        build("de-DE", "builder-de-" + System.nanoTime(), "Komponente hinzufügen", "Ins YAML gespeichert", "Version 1");
    }

    private void build(String language, String planId, String addLabel, String savedText, String publishedText) {
        String lang = language.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), language)) {
            WebDriver d = browser.driver();
            var wait = new WebDriverWait(d, Duration.ofSeconds(15));
            browser.logIn("compadmin", "demo").open("/plans/new");
            // From the YAML editor to the form, with the one-line link beside the YAML.
            d.findElement(By.cssSelector("[data-test=open-builder]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-form]")));
            // A new plan from the form: start from the blank plan of /plans/new/builder.
            browser.open("/plans/new/builder");
            type(d, "plan-id", planId);
            type(d, "plan-name", "Built without YAML " + lang);

            new Select(d.findElement(By.id("newKind"))).selectByValue("tiered");
            WebElement add = d.findElement(By.cssSelector("[data-test=builder-add-component]"));
            assertThat(add.getText()).isEqualTo(addLabel);
            add.click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-component-0]")));

            // The tier table: two rows from the new component, a third added, all filled in.
            d.findElement(By.cssSelector("[data-test=builder-component-0] [data-add-row]"))
                    .click();
            List<WebElement> rows = d.findElements(By.cssSelector("table[data-table='c0.tiers'] tbody tr"));
            assertThat(rows).hasSize(3);
            String[][] tiers = {{"0.00", "0.50", "0.05"}, {"0.50", "1.00", "0.08"}, {"1.00", "", "0.12"}};
            for (int r = 0; r < 3; r++) {
                List<WebElement> cells = rows.get(r).findElements(By.cssSelector("input"));
                for (int c = 0; c < 3; c++) {
                    cells.get(c).clear();
                    cells.get(c).sendKeys(tiers[r][c]);
                }
            }
            type(d, "c0-cap_per_period", "8000.00");

            new Select(d.findElement(By.id("newKind"))).selectByValue("spiff");
            d.findElement(By.cssSelector("[data-test=builder-add-component]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-component-1]")));
            type(d, "c1-amount", "500.00");
            type(d, "c1-when", "deal.type == 'new_logo'");
            browser.screenshot("compadmin-plan-builder-form-" + lang);

            d.findElement(By.cssSelector("[data-test=builder-save]")).click();
            assertThat(browser.textOnceItShows("[data-test=builder-ok]", savedText))
                    .contains(savedText);
            assertThat(d.findElements(By.cssSelector("[data-test=builder-problems]")))
                    .isEmpty();
            String yaml = d.findElement(By.id("source")).getAttribute("value");
            assertThat(yaml)
                    .contains("id: " + planId)
                    .contains("kind: tiered")
                    .contains("- {from: \"0.00\", to: \"0.50\", rate: \"0.05\"}")
                    .contains("- {from: \"0.50\", to: \"1.00\", rate: \"0.08\"}")
                    .contains("- {from: \"1.00\", rate: \"0.12\"}")
                    .contains("cap_per_period: \"8000.00\"")
                    .contains("kind: spiff")
                    .contains("amount: \"500.00\"")
                    .contains("when: \"deal.type == 'new_logo'\"");
            // The form read back from that YAML shows what was built.
            assertThat(d.findElements(By.cssSelector("table[data-table='c0.tiers'] tbody tr")))
                    .hasSize(3);
            assertThat(d.findElement(By.id("c0-cap_per_period")).getAttribute("value"))
                    .isEqualTo("8000.00");
            assertThat(d.findElements(By.cssSelector("[data-test=builder-chart] canvas")))
                    .isNotEmpty();
            browser.screenshot("compadmin-plan-builder-saved-" + lang);
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                            "arguments[0].scrollIntoView()",
                            d.findElement(By.cssSelector("[data-test=builder-component-0]")));
            browser.screenshot("compadmin-plan-builder-tiers-" + lang);

            // Published as the YAML editor publishes: no scenario yet, so it asks first.
            d.findElement(By.cssSelector("[data-test=builder-publish]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=publish-confirm]")));
            d.findElement(By.cssSelector("[data-test=publish-confirm] button[name=confirm]"))
                    .click();
            assertThat(browser.textOnceItShows("main .notice", publishedText)).contains(publishedText);
            assertThat(d.getCurrentUrl()).endsWith("/plans/" + planId);
            String published = d.findElement(By.id("source")).getAttribute("value");
            assertThat(published).isEqualTo(yaml);
            browser.screenshot("compadmin-plan-builder-published-" + lang);

            // And the published plan opens in the form again from its editor.
            d.findElement(By.cssSelector("[data-test=open-builder]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-component-1]")));
            assertThat(d.findElement(By.id("c1-kind")).getAttribute("value")).isEqualTo("spiff");
        }
    }

    @Test
    void aCompAdminEmptiesTheTierTableAndChangesTheKindAndTheYamlShowsBoth() {
        emptyAndChangeKind("en-US", "A tiered component needs tiers", "Saved to the YAML");
    }

    @Test
    void einCompAdminLeertDieStaffelnUndWechseltDieArtUndDasYamlZeigtBeides() {
        emptyAndChangeKind("de-DE", "Eine gestaffelte Komponente braucht Stufen", "Ins YAML gespeichert");
    }

    private void emptyAndChangeKind(String language, String needsTiers, String savedText) {
        String lang = language.substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), language)) {
            WebDriver d = browser.driver();
            var wait = new WebDriverWait(d, Duration.ofSeconds(15));
            browser.logIn("compadmin", "demo").open("/plans/new/builder");
            new Select(d.findElement(By.id("newKind"))).selectByValue("tiered");
            d.findElement(By.cssSelector("[data-test=builder-add-component]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-component-0]")));
            assertThat(d.findElements(By.cssSelector("table[data-table='c0.tiers'] tbody tr")))
                    .hasSize(2);

            // Every tier removed in the browser: the YAML keeps the key with no rows, and the check says so beside the
            // table.
            for (WebElement remove : d.findElements(By.cssSelector("table[data-table='c0.tiers'] [data-remove-row]"))) {
                remove.click();
            }
            assertThat(d.findElements(By.cssSelector("table[data-table='c0.tiers'] tbody tr")))
                    .isEmpty();
            d.findElement(By.cssSelector("[data-test=builder-save]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=builder-problems]")));
            String emptied = d.findElement(By.id("source")).getAttribute("value");
            assertThat(emptied).contains("kind: tiered", "tiers: []").doesNotContain("rate: \"0.05\"");
            assertThat(d.findElements(By.cssSelector("table[data-table='c0.tiers'] tbody tr")))
                    .isEmpty();
            assertThat(browser.text("[data-test=builder-table-tiers] .error")).contains(needsTiers);
            ((org.openqa.selenium.JavascriptExecutor) d)
                    .executeScript(
                            "arguments[0].scrollIntoView()",
                            d.findElement(By.cssSelector("[data-test=builder-component-0]")));
            browser.screenshot("compadmin-plan-builder-emptied-" + lang);

            // The kind changed from tiered to rate: nothing of the tiers stays, the rate starts where a new one does.
            new Select(d.findElement(By.id("c0-kind"))).selectByValue("rate");
            d.findElement(By.cssSelector("[data-test=builder-save]")).click();
            assertThat(browser.textOnceItShows("[data-test=builder-ok]", savedText))
                    .contains(savedText);
            String changed = d.findElement(By.id("source")).getAttribute("value");
            assertThat(changed)
                    .contains("kind: rate", "rate: \"0.05\"")
                    .doesNotContain("tiers", "tier_mode", "tiers_on");
            assertThat(d.findElement(By.id("c0-rate")).getAttribute("value")).isEqualTo("0.05");
            assertThat(d.findElements(By.cssSelector("table[data-table='c0.tiers']")))
                    .isEmpty();
            browser.screenshot("compadmin-plan-builder-kind-changed-" + lang);
        }
    }

    private static void type(WebDriver d, String id, String text) {
        WebElement e = d.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }
}
