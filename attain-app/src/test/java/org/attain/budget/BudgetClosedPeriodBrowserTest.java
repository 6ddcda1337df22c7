package org.attain.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Finance opens the budgets of a quarter holding a closed month, in English and in German: the page says the period
 * is closed and its budgets read-only, and offers no form to change or import them, only the export; the same
 * quarter once reopened can be edited again.
 */
class BudgetClosedPeriodBrowserTest extends AttainIntegrationTest {

    static final String MONTH = (TODAY.getYear() - 1) + "-08";
    static final String QUARTER = (TODAY.getYear() - 1) + "-Q3";

    @Test
    void aClosedQuartersBudgetsAreReadOnlyOnThePageInBothLanguages() {
        WebSession admin = login("compadmin", "demo");
        assertThat(admin.sendJson("POST", "/api/v1/periods/" + MONTH + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        try {
            for (String lang : List.of("en-US", "de-DE")) {
                boolean en = lang.startsWith("en");
                try (Browser browser = new Browser(baseUrl(), lang)) {
                    browser.logIn("finance", "demo").open("/budgets?period=" + QUARTER);
                    browser.resize(1280, 2000);
                    assertThat(browser.text("[data-test=budget-closed]"))
                            .contains(QUARTER)
                            .contains(MONTH)
                            .contains(en ? "read-only" : "schreibgeschützt");
                    assertThat(forms(browser, "[data-test=budget-line-form]")).isZero();
                    assertThat(forms(browser, "[data-test=budget-import-form]")).isZero();
                    assertThat(forms(browser, "[data-test=budget-export]")).isEqualTo(1);
                    assertThat(browser.pageText()).doesNotContain("??");
                    assertThat(browser.cspViolations()).isEmpty();
                    browser.screenshot("budgets-closed-" + lang.substring(0, 2));
                }
            }
        } finally {
            admin.sendJson("POST", "/api/v1/periods/" + MONTH + "/reopen", "{\"reason\":\"budget page test\"}");
        }
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("finance", "demo").open("/budgets?period=" + QUARTER);
            assertThat(forms(browser, "[data-test=budget-closed]")).isZero();
            assertThat(forms(browser, "[data-test=budget-line-form]")).isEqualTo(1);
        }
    }

    private static int forms(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }
}
