package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages work under the Content Security Policy (no inline script, handler or style): the pages the
 * navigation does not reach, the charts, htmx and Swagger UI. Any violation ends up in the console,
 * which {@link Browser} turns into a failure; the first test shows that it would.
 */
class ContentSecurityPolicyBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anInlineHandlerIsRefusedAndReported() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.open("/login");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript(
                    "document.body.insertAdjacentHTML('beforeend', '<img id=\"probe\" src=\"/no-such.png\" onerror=\"window.ran = true\">')");
            // The result is swapped in place, so the element read may be replaced mid-read: read it again then.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !browser.cspViolations().isEmpty() || ran(js));
            assertThat(ran(js)).as("the inline handler did not run").isFalse();
        }
    }

    @Test
    void pagesOffTheNavigationRunTheirScriptsWithinThePolicy() {
        long dispute = jdbc.sql("select coalesce(max(id), 0) from dispute")
                .query(Long.class)
                .single();
        long run = jdbc.sql("select max(id) from calc_run").query(Long.class).single();
        String plan = jdbc.sql("select plan_key from plan_assignment order by id limit 1")
                .query(String.class)
                .single();
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.open("/login");
            assertThat(browser.cspViolations()).as("login").isEmpty();
            browser.logIn("compadmin", "demo");
            browser.open("/runs/" + run);
            browser.open("/plans/" + plan);
            browser.driver().findElement(By.id("source")).sendKeys(" ");
            // The result is swapped in place, so the element read may be replaced mid-read: read it again then.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(By.cssSelector("#check")).isEmpty());
            if (dispute > 0) {
                browser.open("/disputes/" + dispute);
            }
            browser.open("/reports");
            assertThat(browser.driver().findElements(By.cssSelector("#chart-targets canvas")))
                    .as("report chart drawn")
                    .isNotEmpty();
            assertThat(browser.cspViolations()).as("the pages so far").isEmpty();
            browser.open("/api/docs");
            // The first OpenAPI document is generated on demand, which takes a while on a busy machine.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                    .until(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock"))
                            .isEmpty());
        }
    }

    @Test
    void theRepsHomeGaugeAndWhatIfWorkWithinThePolicy() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            assertThat(browser.driver().findElements(By.cssSelector("svg.gauge rect.gauge-fill")))
                    .isNotEmpty();
            browser.driver().findElement(By.id("wi-amount")).sendKeys("25000");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=what-if] button[type=submit]"))
                    .click();
            // The result is swapped in place, so the element read may be replaced mid-read: read it again then.
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d ->
                            !d.findElement(By.id("what-if-result")).getText().isBlank());
            browser.screenshot("csp-rep-home");
        }
    }

    private static boolean ran(JavascriptExecutor js) {
        return Boolean.TRUE.equals(js.executeScript("return window.ran === true"));
    }
}
