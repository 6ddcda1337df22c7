package org.attain.territory.crediting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.attain.calc.CalcRuns;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A planner in Chromium, in English and in German, turns crediting by territory on in the section of the territories
 * page (told first that a hierarchy is needed, nothing saved), and the rep who owns the territory then finds the
 * territory step in the trace of their statement.
 */
class CreditingPolicyBrowserTest extends AttainIntegrationTest {

    record Texts(
            String lang, String off, String needsHierarchy, String saved, String on, String step, String screenshot) {}

    static final Texts EN = new Texts(
            "en-US",
            "Off: deals credit their owners and split people.",
            "Choose the hierarchy whose territories credit.",
            "Crediting policy saved; everyone is being recalculated.",
            "On: hierarchy %s; primary credit from the territory's owner, else the deal owner",
            "deal(s) via territory Named %1$s (%1$s-A), owner %2$s",
            "en");
    static final Texts DE = new Texts(
            "de-DE",
            "Aus: Abschlüsse werden ihren Inhabern und Split-Personen gutgeschrieben.",
            "Wählen Sie die Hierarchie, deren Gebiete gutschreiben.",
            "Gutschriftsregel gespeichert; alle werden neu berechnet.",
            "Ein: Hierarchie %s; Hauptgutschrift an den Gebietsinhaber, sonst den Inhaber des Abschlusses",
            "Abschluss/Abschlüsse über Gebiet Named %1$s (%1$s-A), Inhaber %2$s",
            "de");

    @Autowired
    CalcRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Periods periods;

    @Test
    void anEnglishPlannerTurnsCreditingByTerritoryOnAndTheRepSeesItOnTheStatement() {
        walkThrough(EN);
    }

    @Test
    void aGermanPlannerTurnsCreditingByTerritoryOnAndTheRepSeesItOnTheStatement() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        WebSession planner = login("compadmin", "demo");
        var quarter = periods.current(PeriodKind.QUARTER);
        TerritoryCreditFixture f = TerritoryCreditFixture.find(jdbc, quarter.id(), quarter.startsOn(), TODAY);
        String code = "TB" + Long.toString(System.nanoTime() % 1_000_000_000L);
        f.territory(planner, code);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 2600);
            browser.open("/territories");
            assertThat(browser.text("[data-test=policy-state]")).isEqualTo(t.off());

            new Select(browser.driver().findElement(By.id("cp-enabled"))).selectByValue("true");
            new Select(browser.driver().findElement(By.id("cp-hierarchy"))).selectByValue("");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=policy-save]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=policy-form] .error", t.needsHierarchy()))
                    .isEqualTo(t.needsHierarchy());
            assertThat(browser.textOnceItShows("[data-test=policy-state]", t.off()))
                    .isEqualTo(t.off());

            new Select(browser.driver().findElement(By.id("cp-hierarchy"))).selectByValue(code);
            new Select(browser.driver().findElement(By.id("cp-precedence"))).selectByValue("territory,owner");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=policy-save]"))
                    .click();
            // The click's page comes after it: read the notice once it shows, not the page that was still there.
            assertThat(browser.textOnceItShows("main .notice", t.saved())).contains(t.saved());
            assertThat(browser.textOnceItShows("[data-test=policy-state]", t.on().formatted(code)))
                    .startsWith(t.on().formatted(code));
            browser.driver().findElement(By.id("crediting-policy")).click();
            browser.screenshot("territory-crediting-policy-" + t.screenshot());

            assertThat(runs.runFor(Set.of(f.rep(), f.dealOwner(), f.overlay()), "test", "test")
                            .status())
                    .isEqualTo(org.attain.calc.RunStatus.DONE);
            try (Browser rep = new Browser(baseUrl(), t.lang())) {
                rep.logIn("rep", "demo");
                rep.resize(1280, 2600);
                rep.open("/people/" + f.rep() + "/statement?period=" + f.quarter());
                rep.driver()
                        .findElement(By.cssSelector("[data-test=trace-commission] summary"))
                        .click();
                assertThat(rep.text("[data-test=trace-commission]"))
                        .contains(t.step().formatted(code, TerritoryCreditFixture.name(jdbc, f.rep())));
                rep.screenshot("territory-credit-statement-" + t.screenshot());
            }
        } finally {
            TerritoryCreditFixture.policy(planner, null, null);
        }
    }
}
