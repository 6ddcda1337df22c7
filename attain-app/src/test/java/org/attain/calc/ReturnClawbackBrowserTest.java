package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rep in Chromium, in English and in German, opens the statement of the quarter where their return was recorded
 * and finds the clawback line whose trace names the returned deal, its quarter and the slices it reverses.
 */
class ReturnClawbackBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String clawback, String slice, String bookings, String screenshot) {}

    static final Texts EN = new Texts(
            "en-US",
            "Return %1$s takes back 100%% of deal %2$s, which earned ",
            "Deal %2$s, tier ",
            "Return %1$s does not reduce this period's bookings or attainment",
            "en");
    static final Texts DE = new Texts(
            "de-DE",
            "Rückgabe %1$s nimmt 100%% von Abschluss %2$s zurück, der in %3$s ",
            "Abschluss %2$s, Staffel ",
            "Rückgabe %1$s mindert Buchungen und Zielerreichung dieser Periode nicht",
            "de");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalcRuns runs;

    @Test
    void anEnglishRepSeesTheReturnClawbackNamingTheDeal() {
        walkThrough(EN);
    }

    @Test
    void aGermanRepSeesTheReturnClawbackNamingTheDeal() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        ReturnFixture f = ReturnFixture.make(jdbc, runs, login("compadmin", "demo"), TODAY);
        try (Browser rep = new Browser(baseUrl(), t.lang())) {
            rep.logIn("rep", "demo");
            rep.resize(1280, 2200);
            rep.open("/people/" + f.rep() + "/statement?period=" + f.paidIn());
            assertThat(rep.driver().findElements(By.cssSelector("[data-test=trace-clawback]")))
                    .as("the statement of %s: %s", f.paidIn(), rep.pageText())
                    .isNotEmpty();
            rep.driver()
                    .findElement(By.cssSelector("[data-test=trace-clawback] summary"))
                    .click();
            String trace = rep.text("[data-test=trace-clawback]");
            assertThat(trace)
                    .contains(
                            t.clawback().formatted(f.returnId(), f.deal(), f.dealPeriod()),
                            t.slice().formatted(f.returnId(), f.deal()),
                            t.bookings().formatted(f.returnId()),
                            f.returnId());
            ((org.openqa.selenium.JavascriptExecutor) rep.driver())
                    .executeScript(
                            "arguments[0].scrollIntoView()",
                            rep.driver().findElement(By.cssSelector("[data-test=trace-clawback]")));
            rep.screenshot("return-clawback-statement-" + t.screenshot());
        }
    }
}
