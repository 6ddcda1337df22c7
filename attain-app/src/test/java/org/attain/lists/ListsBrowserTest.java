package org.attain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AuditLog;
import org.attain.ingest.ImportApiCalls;
import org.attain.ingest.quarantine.QuarantineAtScaleTest;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pages that end, in a real browser in English and German at 1280 px wide: the quota sheet edited one
 * team at a time (a refused row named with its reason, the rest kept), disputes assigned and
 * quarantined rows fixed and dismissed many at once with a result line that accounts for every chosen
 * row, and the long lists and a run's page no taller than 4,000 px.
 */
class ListsBrowserTest extends AttainIntegrationTest {

    private static final long MAX_HEIGHT = 4_000;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    private static long height(Browser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight"))
                .longValue();
    }

    /** A screenshot of the whole page (up to the height limit), for a person to look at. */
    private static void shoot(Browser browser, String name) {
        long h = height(browser);
        browser.resize(1280, (int) Math.min(Math.max(h + 120, 900), MAX_HEIGHT));
        browser.screenshot(name);
        browser.resize(1280, 900);
    }

    private static void waitFor(Browser browser, String css) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    record Rep(long id, String name, String team) {}

    @Test
    void theQuotaSheetIsEditedOneTeamAtATimeAndARefusedRowNamesItsReasonInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        // Three reps of one team, shown on the sheet for this quarter.
        List<Rep> reps = jdbc.sql("""
                        select p.id, p.first_name || ' ' || p.last_name, p.team_name from org_person_v p
                        where p.role_type = 'REP' and p.employment_end is null and p.employment_start <= :today
                          and p.team_name = (select team_name from org_person_v where role_type = 'REP'
                            and employment_end is null and team_name is not null
                            group by team_name having count(*) >= 3 order by team_name limit 1)
                        order by p.id limit 3""")
                .param("today", TODAY)
                .query((rs, i) -> new Rep(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(reps)
                .hasSize(3)
                .extracting(Rep::team)
                .containsOnly(reps.get(0).team());
        Map<Long, String> before = new java.util.HashMap<>();
        reps.forEach(r -> before.put(r.id(), quotaOf(compAdmin, quarter, r.id())));
        try {
            quotaSheet(
                    quarter,
                    reps,
                    "en-US",
                    "150,000",
                    "1 quota(s) changed",
                    "must not be negative",
                    "cannot be read as an amount",
                    "quota-sheet-team-en");
            assertThat(quotaOf(compAdmin, quarter, reps.get(0).id())).isEqualTo("150000.00");
            quotaSheet(
                    quarter,
                    reps,
                    "de-DE",
                    "160.000",
                    "1 Quote(n) geändert",
                    "darf nicht negativ sein",
                    "ist als Betrag nicht lesbar",
                    "quota-sheet-team-de");
            assertThat(quotaOf(compAdmin, quarter, reps.get(0).id())).isEqualTo("160000.00");
            assertThat(quotaOf(compAdmin, quarter, reps.get(1).id()))
                    .isEqualTo(before.get(reps.get(1).id()));
            assertThat(quotaOf(compAdmin, quarter, reps.get(2).id()))
                    .isEqualTo(before.get(reps.get(2).id()));
        } finally {
            String original = before.get(reps.get(0).id());
            if (original != null) {
                compAdmin.sendJson(
                        "PUT",
                        "/api/v1/quotas",
                        "{\"rows\":[{\"personId\":" + reps.get(0).id() + ",\"periodId\":\"" + quarter
                                + "\",\"amount\":\"" + original + "\"}]}");
            }
        }
    }

    private void quotaSheet(
            String quarter,
            List<Rep> reps,
            String language,
            String typed,
            String saved,
            String negative,
            String unreadable,
            String screenshot) {
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("compadmin", "demo").open("/quotas?period=" + quarter);
            browser.resize(1280, 900);
            long closed = height(browser);
            assertThat(closed).as("the sheet with every team closed").isLessThan(MAX_HEIGHT);
            WebElement section = section(browser, reps.get(0).team());
            assertThat(section.getDomAttribute("open")).isNull();
            section.findElement(By.tagName("summary")).click();
            set(browser, reps.get(0).id(), typed);
            set(browser, reps.get(1).id(), "-5");
            set(browser, reps.get(2).id(), "abc");
            section.findElement(By.cssSelector("[data-test=quota-save-section]"))
                    .click();
            waitFor(browser, "[data-test=quota-refused]");
            assertThat(browser.textOnceItShows("[data-test=quota-notice]", saved))
                    .contains(saved);
            String refused = browser.text("[data-test=quota-refused]");
            assertThat(refused)
                    .contains(reps.get(1).name() + ": " + negative)
                    .contains(reps.get(2).name() + ": " + unreadable);
            // The team saved is open again after saving, the others stay closed.
            assertThat(section(browser, reps.get(0).team()).getDomAttribute("open"))
                    .isNotNull();
            assertThat(browser.driver().findElements(By.cssSelector("details[data-test=quota-team][open]")))
                    .hasSize(1);
            // The page ends: all it adds to the closed sheet is the open team's own rows and the result of saving.
            long open = ((Number)
                            ((JavascriptExecutor) browser.driver())
                                    .executeScript(
                                            "return document.querySelector('details[data-test=quota-team][open]').offsetHeight"))
                    .longValue();
            assertThat(height(browser)).isLessThan(closed + open + 600);
            shoot(browser, screenshot);
        }
    }

    private static WebElement section(Browser browser, String team) {
        return browser.driver().findElements(By.cssSelector("details[data-test=quota-team]")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().startsWith(team))
                .findFirst()
                .orElseThrow();
    }

    private static void set(Browser browser, long person, String value) {
        WebElement input = browser.driver().findElement(By.id("q-" + person));
        input.clear();
        input.sendKeys(value);
    }

    private static String quotaOf(WebSession session, String quarter, long person) {
        for (var row :
                Json.parse(session.get("/api/v1/quotas?period=" + quarter).body())) {
            if (row.get("personId").asLong() == person) {
                return row.get("amount") == null || row.get("amount").isNull()
                        ? null
                        : row.get("amount").decimalValue().setScale(2).toPlainString();
            }
        }
        return null;
    }

    @Test
    void disputesAreAssignedManyAtOnceAndAClosedOneIsNamedWithItsReasonInEnglishAndGerman() {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        WebSession compAdmin = login("compadmin", "demo");
        for (String language : List.of("en-US", "de-DE")) {
            String marker = "bulk-assign-" + language + "-" + System.nanoTime();
            List<Long> ids = new ArrayList<>();
            for (long person :
                    List.of(cast.rep, cast.teammates().get(0), cast.teammates().get(1))) {
                var created = compAdmin.sendJson(
                        "POST",
                        "/api/v1/disputes",
                        PayoutFixtures.disputeJson(person, cast.quarter, cast.firstLine(person), marker));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                ids.add(Json.parse(created.body()).get("id").asLong());
            }
            long closed = ids.get(2);
            compAdmin.sendJson("POST", "/api/v1/disputes/" + closed + "/status", "{\"status\":\"IN_REVIEW\"}");
            var rejected = compAdmin.sendJson(
                    "POST",
                    "/api/v1/disputes/" + closed + "/status",
                    "{\"status\":\"REJECTED\",\"note\":\"Paid as agreed\"}");
            assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);

            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("compadmin", "demo").open("/disputes?q=" + marker);
                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-select-all]"))
                        .click();
                assertThat(browser.driver().findElements(By.cssSelector("input[name=id]:checked")))
                        .hasSize(3);
                WebElement assignee = browser.driver().findElement(By.id("bulk-assignee"));
                assignee.clear();
                assignee.sendKeys("admin");
                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-assign]"))
                        .click();
                waitFor(browser, "[data-test=bulk-result]");
                String result = browser.text("[data-test=bulk-result]");
                if (language.startsWith("en")) {
                    assertThat(result)
                            .contains("2 done.")
                            .contains("1 refused:")
                            .contains("#" + closed + ": it is closed; its holder no longer changes");
                } else {
                    assertThat(result)
                            .contains("2 erledigt.")
                            .contains("1 abgelehnt:")
                            .contains("#" + closed + ": sie ist abgeschlossen");
                }
                // The search stays: the page still lists only these three.
                assertThat(browser.driver().getCurrentUrl()).contains("q=" + marker);
                assertThat(height(browser)).isLessThan(MAX_HEIGHT);
                shoot(browser, "disputes-bulk-assign-" + language.substring(0, 2));
            }
            for (long id : ids.subList(0, 2)) {
                assertThat(Json.parse(compAdmin.get("/api/v1/disputes/" + id).body())
                                .get("dispute")
                                .get("assignee")
                                .asString())
                        .isEqualTo("admin");
            }
        }
    }

    @Test
    void quarantinedRowsAreFixedAndDismissedManyAtOnceAndEveryChosenRowIsAccountedFor() {
        WebSession compAdmin = login("compadmin", "demo");
        ImportApiCalls api = new ImportApiCalls(baseUrl(), compAdmin);
        for (String language : List.of("en-US", "de-DE")) {
            String source = ImportApiCalls.fresh("bulk-quarantine");
            var loaded = api.load(QuarantineAtScaleTest.profile(source), "crm.csv", QuarantineAtScaleTest.CRM_EXPORT);
            assertThat(loaded.summary()).isEqualTo("accepted=1 rejected=5 unchanged=0");
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("compadmin", "demo").open("/imports/" + loaded.id());
                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-select-all]"))
                        .click();
                assertThat(browser.driver().findElements(By.cssSelector("input[name=row]:checked")))
                        .hasSize(5);
                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-fix]"))
                        .click();
                waitFor(browser, "[data-test=bulk-result]");
                String fixed = browser.text("[data-test=bulk-result]");
                int done = count(fixed, language.startsWith("en") ? "(\\d+) done" : "(\\d+) erledigt");
                int refused = fixed.contains(language.startsWith("en") ? "refused" : "abgelehnt")
                        ? count(fixed, language.startsWith("en") ? "(\\d+) refused" : "(\\d+) abgelehnt")
                        : 0;
                assertThat(done + refused).as(fixed).isEqualTo(5);
                assertThat(browser.driver().findElements(By.cssSelector("[data-test=bulk-refusal]")))
                        .hasSize(refused);
                shoot(browser, "quarantine-bulk-fix-" + language.substring(0, 2));

                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-select-all]"))
                        .click();
                browser.driver()
                        .findElement(By.cssSelector("#dismiss-selected input[name=why]"))
                        .sendKeys("Test rows");
                browser.driver()
                        .findElement(By.cssSelector("[data-test=bulk-dismiss]"))
                        .click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                        .until(d -> d.findElements(By.cssSelector("input[name=row]"))
                                .isEmpty());
                assertThat(browser.text("[data-test=bulk-result]"))
                        .contains(language.startsWith("en") ? "5 done." : "5 erledigt.");
                assertThat(height(browser)).isLessThan(MAX_HEIGHT);
            }
            // Rows no longer open are refused one by one with their state, never dropped without a word.
            var again = compAdmin.postForm(
                    "/imports/" + loaded.id() + "/quarantine/dismiss-selected?lang=en",
                    Map.of("row", Long.toString(firstQuarantined(loaded.id())), "why", "again"));
            assertThat(again.statusCode()).isEqualTo(302);
            String page = compAdmin.get("/imports/" + loaded.id() + "?lang=en").body();
            assertThat(page).contains("0 done.").contains("1 refused:").contains(": it is dismissed, not open");
        }
    }

    private long firstQuarantined(long importId) {
        return jdbc.sql("select min(id) from ingest_quarantine where import_id = :i")
                .param("i", importId)
                .query(Long.class)
                .single();
    }

    private static int count(String text, String regex) {
        var m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /**
     * A file name or a source of any length (a system's long generated id, a name with line breaks) keeps its import
     * on one line of the list: 25 such imports end well within the height of a page.
     */
    @Test
    void importsWithLongNamesStayOnOneLineEach() {
        String tag = "longname" + System.nanoTime();
        String words = " a file name that goes on".repeat(12);
        for (int i = 0; i < 25; i++) {
            jdbc.sql("""
                    insert into ingest_import(record_type, source, file_name, profile_name, profile_yaml, actor, status,
                        started_at, finished_at)
                    values ('transactions', :source, :file, 'p', 'p', 'admin', 'LOADED',
                        timestamptz '2020-01-01 00:00:00+00', timestamptz '2020-01-01 00:00:01+00')""")
                    .param("source", tag + "-" + "x".repeat(300))
                    .param("file", tag + words + "\nsecond line " + i + ".csv")
                    .update();
        }
        for (String language : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("admin", "demo").open("/imports?q=" + tag);
                List<WebElement> rows = browser.driver().findElements(By.cssSelector("table tbody tr"));
                assertThat(rows).hasSize(25);
                assertThat(rows)
                        .allSatisfy(r -> assertThat(r.getSize().getHeight()).isLessThan(60));
                shoot(browser, "imports-long-names-" + language.substring(0, 2));
            }
        }
    }

    /**
     * The audit log's page holds 50 entries (twice the default) whatever they say: here each changed eight fields with long values,
     * has a long detail and its stored JSON (as a plan or a profile does), and the page still ends.
     */
    @Test
    void aPageOfFiftyCrowdedAuditEntriesStaysShortInEnglishAndGerman() {
        String action = "CROWDED_" + System.nanoTime();
        String long1 = "a value that goes on and on ".repeat(8);
        for (int i = 0; i < 55; i++) {
            Map<String, String> before = new java.util.LinkedHashMap<>();
            Map<String, String> after = new java.util.LinkedHashMap<>();
            for (int f = 0; f < 8; f++) {
                before.put("field number " + f + " with a long name", long1 + i);
                after.put("field number " + f + " with a long name", long1 + (i + 1));
            }
            audit.record(
                    "admin",
                    action,
                    "a very long entity type name",
                    "entity-" + "x".repeat(60) + i,
                    before,
                    after,
                    "the detail of this entry, which is long as well: " + long1);
        }
        for (String language : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("admin", "demo").open("/admin/audit?size=50&action=" + action);
                assertThat(browser.driver().findElements(By.cssSelector("[data-test=audit-sentence]")))
                        .hasSize(50);
                // The first change stays in sight; the rest, the detail and the JSON unfold on demand.
                assertThat(browser.driver().findElements(By.cssSelector("summary [data-test=audit-diff]")))
                        .hasSize(50);
                shoot(browser, "audit-crowded-" + language.substring(0, 2));
                assertThat(height(browser)).as("/admin/audit in " + language).isLessThan(MAX_HEIGHT);
            }
        }
    }

    @Test
    void longListsAndARunsPageEndInEnglishAndGerman() {
        long run = jdbc.sql("select max(id) from calc_run where kind = 'FULL' and status = 'DONE'")
                .query(Long.class)
                .single();
        for (String language : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("admin", "demo");
                for (String page : List.of(
                        "/people", "/admin/audit", "/runs", "/runs/" + run, "/imports", "/disputes", "/quotas")) {
                    browser.open(page);
                    assertThat(browser.driver().findElements(By.cssSelector("h1")))
                            .isNotEmpty();
                    assertThat(height(browser)).as(page + " in " + language).isLessThan(MAX_HEIGHT);
                }
                browser.open("/people");
                assertThat(browser.text("[data-test=paging-total]"))
                        .matches(language.startsWith("en") ? "1–50 of [\\d,]+" : "1–50 von [\\d.]+");
                shoot(browser, "people-paged-" + language.substring(0, 2));
                browser.open("/runs/" + run);
                shoot(browser, "run-detail-" + language.substring(0, 2));
            }
        }
    }
}
