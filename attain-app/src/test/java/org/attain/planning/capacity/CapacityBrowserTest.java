package org.attain.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A planner in Chromium, in English and in German: opens capacity from the navigation, sees the chart and
 * the tables, is told what is wrong with a ramp that passes 100 % and a hire in a closed period (nothing
 * saved), adds a profile and a hire, and watches the capacity move in the what-if without saving it.
 */
class CapacityBrowserTest extends AttainIntegrationTest {

    static final int NEXT = TODAY.getYear() + 1;

    record Texts(
            String lang,
            String nav,
            String title,
            String rampOver,
            String rampSaved,
            String closed,
            String hireSaved,
            String quota,
            String whatIfNote,
            String target,
            String quarterTarget,
            String targetsSaved) {}

    static final Texts EN = new Texts(
            "en-US",
            "Capacity",
            "Capacity planning",
            "Month 3: a percentage must be from 0 to 100.",
            "Ramp profile saved.",
            "falls in the closed period",
            "Planned hire added.",
            "50,000",
            "What-if: these numbers include your changes",
            "2,600,000",
            "7,800,000.00",
            "Targets and expected attainment saved.");
    static final Texts DE = new Texts(
            "de-DE",
            "Kapazität",
            "Kapazitätsplanung",
            "Monat 3: ein Prozentsatz muss zwischen 0 und 100 liegen.",
            "Einarbeitungsprofil gespeichert.",
            "liegt in der abgeschlossenen Periode",
            "Geplante Einstellung hinzugefügt.",
            "50.000",
            "Was-wäre-wenn: diese Zahlen enthalten Ihre Änderungen",
            "2.600.000",
            "7.800.000,00",
            "Ziele und erwartete Zielerreichung gespeichert.");

    @Test
    void anEnglishPlannerSeesCapacityAgainstTargetAndTriesAWhatIf() {
        walkThrough(EN, "06");
    }

    @Test
    void aGermanPlannerSeesCapacityAgainstTargetAndTriesAWhatIf() {
        walkThrough(DE, "07");
    }

    private void walkThrough(Texts t, String closedMonthOfYear) {
        String suffix = t.lang().substring(0, 2);
        String closedMonth = (TODAY.getYear() - 2) + "-" + closedMonthOfYear;
        WebSession admin = login("compadmin", "demo");
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 2400);
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=capacity] canvas")))
                    .isNotEmpty();
            browser.open("/planning/capacity?currency=USD&from=" + NEXT + "-01&to=" + NEXT + "-12");
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=capacity-months] tbody tr")))
                    .hasSize(12);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=capacity-quarters] tbody tr")))
                    .hasSize(4);

            // A ramp passing 100 % is refused with the month named; nothing saved.
            String rampName = "Browser ramp " + suffix;
            addRamp(browser, rampName, "25 / 50 / 120");
            assertThat(browser.text("[data-test=capacity-problems]")).contains(t.rampOver());
            assertThat(browser.text("[data-test=capacity-ramps]")).doesNotContain(rampName);
            addRamp(browser, rampName, "25 / 50 / 75 / 100");
            assertThat(browser.textOnceItShows("[data-test=capacity-notice]", t.rampSaved()))
                    .isEqualTo(t.rampSaved());

            // A hire in a closed period is refused; then one in the next year is added.
            assertThat(admin.sendJson("POST", "/api/v1/periods/" + closedMonth + "/close", null)
                            .statusCode())
                    .isEqualTo(200);
            try {
                addHire(browser, "Browser AE " + suffix, closedMonth + "-10", rampName, t.quota());
                assertThat(browser.text("[data-test=capacity-problems]"))
                        .contains(t.closed())
                        .contains(closedMonth);
                assertThat(browser.text("[data-test=capacity-hires]")).doesNotContain("Browser AE " + suffix);
                browser.screenshot("capacity-refused-" + suffix);
            } finally {
                admin.sendJson(
                        "POST", "/api/v1/periods/" + closedMonth + "/reopen", "{\"reason\":\"capacity browser test\"}");
            }
            addHire(browser, "Browser AE " + suffix, NEXT + "-01-10", rampName, t.quota());
            assertThat(browser.textOnceItShows("[data-test=capacity-notice]", t.hireSaved()))
                    .isEqualTo(t.hireSaved());
            assertThat(browser.text("[data-test=capacity-hires]")).contains("Browser AE " + suffix);

            // Monthly targets typed in the page's language give the gap per month and quarter.
            for (int m = 1; m <= 12; m++) {
                WebElement target = browser.driver().findElement(By.id("t-" + NEXT + "-" + (m < 10 ? "0" : "") + m));
                target.clear();
                target.sendKeys(t.target());
            }
            browser.driver()
                    .findElement(By.cssSelector("[data-test=capacity-targets] button[type=submit]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=capacity-notice]", t.targetsSaved()))
                    .isEqualTo(t.targetsSaved());
            assertThat(browser.text("[data-test=capacity-gap]")).isNotEqualTo("–");
            assertThat(browser.text("[data-test=capacity-" + NEXT + "-Q1]"))
                    .as("three months' targets")
                    .contains(t.quarterTarget());
            browser.screenshot("capacity-" + suffix);

            // What-if: half the attainment, then the new hire left out; the total moves each time, nothing is saved.
            String saved = browser.text("[data-test=capacity-total]");
            WebElement attainment = browser.driver().findElement(By.id("wi-att"));
            String savedAttainment = attainment.getAttribute("value");
            attainment.clear();
            attainment.sendKeys("50", Keys.TAB); // a change posts the what-if form (htmx), once
            String halved = waitForTotalOtherThan(browser, saved);
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=capacity-whatif-note]"))
                            .getText())
                    .startsWith(t.whatIfNote());
            long hire = browser.driver().findElements(By.cssSelector("[data-test=capacity-hires] tbody tr")).stream()
                    .filter(r -> r.getText().contains("Browser AE " + suffix))
                    .map(r -> r.getAttribute("data-test").substring("hire-".length()))
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElseThrow();
            browser.driver()
                    .findElement(By.cssSelector("[data-test=keep-hire-" + hire + "]"))
                    .click();
            waitForTotalOtherThan(browser, halved);
            browser.screenshot("capacity-what-if-" + suffix);

            browser.open("/planning/capacity?currency=USD&from=" + NEXT + "-01&to=" + NEXT + "-12");
            assertThat(browser.text("[data-test=capacity-total]"))
                    .as("the what-if saved nothing")
                    .isEqualTo(saved);
            assertThat(browser.driver().findElement(By.id("wi-att")).getAttribute("value"))
                    .isEqualTo(savedAttainment);
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=capacity-whatif-note]")))
                    .isEmpty();
            assertThat(admin.sendJson("DELETE", "/api/v1/capacity/hires/" + hire, null)
                            .statusCode())
                    .isEqualTo(204);
        }
    }

    private static void addRamp(Browser browser, String name, String percents) {
        WebElement row = browser.driver().findElement(By.cssSelector("[data-test=ramp-new]"));
        row.findElement(By.name("name")).sendKeys(name);
        WebElement steps = row.findElement(By.name("percents"));
        steps.clear();
        steps.sendKeys(percents);
        row.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void addHire(Browser browser, String role, String startsOn, String ramp, String quota) {
        WebElement form = browser.driver().findElement(By.cssSelector("[data-test=capacity-add-hire]"));
        form.findElement(By.name("role")).sendKeys(role);
        WebElement heads = form.findElement(By.name("headcount"));
        heads.clear();
        heads.sendKeys("2");
        // A date field's typing order follows the browser's language; its value is always ISO.
        ((JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].value = arguments[1]", form.findElement(By.name("startsOn")), startsOn);
        form.findElement(By.name("monthlyQuota")).sendKeys(quota);
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("rampProfileId"))).selectByVisibleText(ramp);
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static String waitForTotalOtherThan(Browser browser, String before) {
        // The result part is replaced by each answer: read it inside the wait, again if it was replaced meanwhile.
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    var totals = d.findElements(By.cssSelector("[data-test=capacity-total]"));
                    String now = totals.isEmpty() ? null : totals.get(0).getText();
                    return now != null && !now.equals(before) ? now : null;
                });
    }
}
