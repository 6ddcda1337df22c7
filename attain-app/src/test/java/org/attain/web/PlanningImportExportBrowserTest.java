package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * A planner in Chromium, in English and in German: a quota plan with numbers set that do not add up shows them marked
 * "set", with a note on the manager and the links to export its numbers for import; publishing it is refused in the
 * page's language and nothing is published; the capacity page takes its target from an approved plan's top and says
 * so; the territories page offers the accounts-with-territory and quota exports.
 */
class PlanningImportExportBrowserTest extends AttainIntegrationTest {

    record Texts(
            String lang,
            String set,
            String note,
            String refused,
            String targetsCsv,
            String targetFrom,
            String targetSource,
            String assignments) {}

    static final Texts EN = new Texts(
            "en-US",
            "set",
            "numbers set for reports do not add up to this one",
            "the plan does not add up. Nothing was published.",
            "Numbers for import (CSV)",
            "These months are the top of quota plan",
            "Target: the top of quota plan",
            "accounts and their territory on");
    static final Texts DE = new Texts(
            "de-DE",
            "gesetzt",
            "für Berichtende gesetzte Zahlen ergeben nicht diese Zahl",
            "Der Plan geht nicht auf. Nichts wurde veröffentlicht.",
            "Zahlen für den Import (CSV)",
            "Diese Monate sind die Spitze des Quotenplans",
            "Ziel: die Spitze des Quotenplans",
            "Kunden und ihr Gebiet am");

    @Test
    void anEnglishPlannerSeesSetNumbersARefusedPublishAndACapacityTargetFromThePlan() {
        walkThrough(EN);
    }

    @Test
    void aGermanPlannerSeesSetNumbersARefusedPublishAndACapacityTargetFromThePlan() {
        walkThrough(DE);
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        WebSession compAdmin = login("compadmin", "demo");
        String year = nextYear(compAdmin);
        long id = created(compAdmin, "Does not add up " + suffix, year, "6000000");
        JsonNode lines =
                Json.parse(compAdmin.get("/api/v1/quota-plans/" + id).body()).get("lines");
        long manager = lines.get(1).get("node").get("personId").asLong();
        long report = -1;
        for (JsonNode l : lines) {
            if (l.get("node").path("parentId").asLong(-1) == manager) {
                report = l.get("node").get("personId").asLong();
            }
        }
        // Every report of the manager set (one of them) and the manager set higher than the rest can carry.
        for (JsonNode l : lines) {
            if (l.get("node").path("parentId").asLong(-1) == manager) {
                setTarget(compAdmin, id, l.get("node").get("personId").asLong(), "100000.00");
            }
        }
        setTarget(compAdmin, id, manager, "2000000.00");
        move(compAdmin, id, "IN_REVIEW");
        move(compAdmin, id, "APPROVED");
        long approved = created(compAdmin, "Capacity top " + suffix, year, "1200000");
        move(compAdmin, approved, "IN_REVIEW");
        move(compAdmin, approved, "APPROVED");

        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo").open("/planning/quotas/" + id);
            browser.resize(1280, 2600);
            assertThat(browser.text("[data-test=set-" + report + "]")).isEqualTo(t.set());
            assertThat(browser.text("[data-test=set-" + manager + "]")).isEqualTo(t.set());
            assertThat(browser.text("[data-test=allocation] tr[data-person='" + manager + "']"))
                    .contains(t.note());
            assertThat(browser.text("[data-test=targets-csv]")).isEqualTo(t.targetsCsv());
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=targets-csv]"))
                            .getAttribute("href"))
                    .endsWith("/planning/quotas/" + id + "/targets.csv");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=to-PUBLISHED]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=problems]", t.refused()))
                    .contains(t.refused());
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d ->
                            !d.findElements(By.cssSelector("#waterfall canvas")).isEmpty());
            browser.screenshot("quota-plan-not-adding-up-" + suffix);
            assertThat(Json.parse(compAdmin.get("/api/v1/quota-plans/" + id).body())
                            .get("plan")
                            .get("state")
                            .asString())
                    .isEqualTo("APPROVED");
            assertThat(browser.pageText()).doesNotContain("??");

            browser.open("/planning/capacity?currency=USD&from=" + year + "-01&to=" + year + "-12");
            new Select(browser.driver().findElement(By.id("t-plan"))).selectByValue(Long.toString(approved));
            browser.driver()
                    .findElement(By.cssSelector("[data-test=capacity-target-plan] button[type=submit]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=capacity-target-plan-note]", t.targetFrom()))
                    .startsWith(t.targetFrom());
            assertThat(browser.textOnceItShows("[data-test=capacity-target-source]", t.targetSource()))
                    .startsWith(t.targetSource());
            assertThat(browser.text("[data-test=capacity-" + year + "-Q1]"))
                    .contains(t.lang().startsWith("de") ? "300.000,00" : "300,000.00");
            assertThat(browser.driver().findElements(By.cssSelector("[data-chart=capacity] canvas")))
                    .isNotEmpty();
            browser.resize(1280, 3000);
            browser.screenshot("capacity-target-from-plan-" + suffix);
            assertThat(browser.pageText()).doesNotContain("??");

            browser.open("/territories");
            assertThat(browser.text("[data-test=export-assignments]")).startsWith(t.assignments());
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=export-quotas]"))
                            .getAttribute("href"))
                    .endsWith("/quotas/export.csv");
            browser.screenshot("territories-exports-" + suffix);
            assertThat(browser.cspViolations()).isEmpty();
        } finally {
            compAdmin.sendJson("PUT", "/api/v1/capacity/target-plan", "{\"currency\":\"USD\",\"planId\":null}");
        }
    }

    private static void setTarget(WebSession s, long plan, long person, String amount) {
        var r = s.sendJson(
                "PUT",
                "/api/v1/quota-plans/" + plan + "/nodes/" + person + "/target",
                "{\"amount\":\"" + amount + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static long created(WebSession s, String name, String year, String target) {
        var r = s.sendJson(
                "POST",
                "/api/v1/quota-plans",
                "{\"name\":\"" + name + "\",\"periodId\":\"" + year + "\",\"target\":\"" + target
                        + "\",\"currency\":\"USD\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private static void move(WebSession s, long id, String state) {
        var r = s.sendJson("POST", "/api/v1/quota-plans/" + id + "/state", "{\"state\":\"" + state + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static String nextYear(WebSession s) {
        int next = Json.parse(s.get("/api/v1/periods/current?kind=YEAR").body())
                        .get("fiscalYear")
                        .asInt()
                + 1;
        return Json.parse(s.get("/api/v1/periods?kind=YEAR&fiscalYear=" + next).body())
                .get(0)
                .get("id")
                .asString();
    }
}
