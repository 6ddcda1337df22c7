package org.attain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * More pages that end, in a real browser in English and German at 1280 px wide: adjustments, plans,
 * teams and the forecast's deals searched, filtered and paged with the shared pager; the forecast's
 * deals given a category many at once with every chosen deal accounted for; team (pod) quotas in a
 * section per region, one pod saved on its own.
 */
class ListsMoreBrowserTest extends AttainIntegrationTest {

    private static final long MAX_HEIGHT = 4_000;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static long height(Browser browser) {
        return ((Number) ((JavascriptExecutor) browser.driver()).executeScript("return document.body.scrollHeight"))
                .longValue();
    }

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

    private static int rows(Browser browser, String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String total(boolean en, int first, int last, long total) {
        return first + "–" + last + (en ? " of " : " von ") + total;
    }

    static JsonNode hire(WebSession compAdmin, String employeeId, String first) {
        var created = compAdmin.sendJson(
                "POST", "/api/v1/people", """
                {"externalId": "%s", "firstName": "%s", "lastName": "Lists", "email": "%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "2026-01-01"}""".formatted(employeeId, first, employeeId.toLowerCase(Locale.ROOT)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body());
    }

    @Test
    void adjustmentsAreSearchedFilteredByDirectionAndPagedInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        JsonNode person = hire(compAdmin, "ADJL-" + n, "Adele");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        String marker = "lists-more-" + n;
        for (String amount : List.of("100.00", "250.00", "-40.00")) {
            var made = compAdmin.sendJson("POST", "/api/v1/adjustments", """
                    {"personId": "%s", "period": "%s", "amount": "%s", "currency": "%s", "reason": "%s"}""".formatted(
                            person.get("externalId").asString(),
                            quarter,
                            amount,
                            person.get("currency").asString(),
                            marker));
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        }
        for (String language : List.of("en-US", "de-DE")) {
            boolean en = language.startsWith("en");
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("compadmin", "demo").open("/adjustments?period=" + quarter);
                browser.resize(1280, 900);
                assertThat(height(browser)).isLessThan(MAX_HEIGHT);
                WebElement search = browser.driver().findElement(By.id("aq"));
                search.sendKeys(marker);
                search.submit();
                waitFor(browser, "[data-test=adjustment-row]");
                assertThat(rows(browser, "[data-test=adjustment-row]")).isEqualTo(3);
                assertThat(browser.textOnceItShows("[data-test=paging-total]", total(en, 1, 3, 3)))
                        .isEqualTo(total(en, 1, 3, 3));
                new Select(browser.driver().findElement(By.id("asign"))).selectByValue("debit");
                browser.driver()
                        .findElement(By.cssSelector("[data-test=adjustments-filters] button[type=submit]"))
                        .click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(d -> d.getCurrentUrl().contains("sign=debit"));
                assertThat(rows(browser, "[data-test=adjustment-row]")).isEqualTo(1);
                assertThat(browser.text("[data-test=adjustments]")).contains(en ? "-40.00" : "-40,00");
                assertThat(browser.text("[data-test=paging-total]")).isEqualTo(total(en, 1, 1, 1));
                assertThat(browser.pageText()).doesNotContain("listsmore.").doesNotContain("??");
                shoot(browser, "adjustments-filtered-" + language.substring(0, 2));
            }
        }
        // A manager sees only their subtree: the new person reports to no one, so not even their adjustments' count.
        String managers =
                login("manager", "demo").get("/adjustments?lang=en&q=" + marker).body();
        assertThat(managers).contains("data-test=\"adjustments-none\"").doesNotContain("data-test=\"adjustment-row\"");
    }

    @Test
    void plansAndTeamsAreSearchedFilteredAndPagedInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        String key = "lists-more-" + n;
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", """
                                id: %s
                                name: Lists more %s
                                currency: USD
                                frequency: quarter
                                components:
                                  - {id: commission, kind: rate, rate: "0.05"}
                                """.formatted(key, n))
                        .statusCode())
                .isEqualTo(201);
        // A region and the teams a search for its name finds (by the team's name, code or region).
        String region = null;
        JsonNode allTeams = Json.parse(compAdmin.get("/api/v1/teams").body());
        for (JsonNode t : allTeams) {
            if (!field(t, "region").isEmpty()) {
                region = field(t, "region");
                break;
            }
        }
        assertThat(region).isNotNull();
        String r = region.toLowerCase(Locale.ROOT);
        int matching = 0;
        for (JsonNode t : allTeams) {
            String text =
                    (field(t, "name") + " " + field(t, "code") + " " + field(t, "region")).toLowerCase(Locale.ROOT);
            matching += text.contains(r) ? 1 : 0;
        }
        for (String language : List.of("en-US", "de-DE")) {
            boolean en = language.startsWith("en");
            try (Browser browser = new Browser(baseUrl(), language)) {
                browser.logIn("compadmin", "demo").open("/plans");
                browser.resize(1280, 900);
                assertThat(height(browser)).as("/plans").isLessThan(MAX_HEIGHT);
                assertThat(browser.text("[data-test=paging-total]")).startsWith("1–");
                long plans = rows(browser, "[data-test=plan-row]");
                // The new plan pays no one yet: found among the plans paying no one, not among those in use.
                browser.open("/plans?use=unassigned&q=" + key);
                assertThat(rows(browser, "[data-test=plan-row]")).isEqualTo(1);
                assertThat(browser.text("[data-test=plans]")).contains("Lists more " + n);
                assertThat(browser.text("[data-test=paging-total]")).isEqualTo(total(en, 1, 1, 1));
                browser.open("/plans?use=assigned&q=" + key);
                assertThat(browser.driver().findElements(By.cssSelector("[data-test=plans-none]")))
                        .hasSize(1);
                browser.open("/plans?use=assigned");
                assertThat((long) rows(browser, "[data-test=plan-row]")).isLessThan(plans + 1);
                browser.open("/plans");
                new Select(browser.driver().findElement(By.id("puse"))).selectByValue("unassigned");
                browser.driver().findElement(By.id("pq")).sendKeys(key);
                browser.driver()
                        .findElement(By.cssSelector("[data-test=plans-filters] button[type=submit]"))
                        .click();
                new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                        .until(d -> d.getCurrentUrl().contains("use=unassigned"));
                shoot(browser, "plans-filtered-" + language.substring(0, 2));

                browser.open("/teams");
                assertThat(height(browser)).as("/teams").isLessThan(MAX_HEIGHT);
                String all = browser.text("[data-test=paging-total]");
                long teams = Long.parseLong(all.replaceAll(".*(of|von) ", "").replaceAll("[.,]", ""));
                browser.open("/teams?q=" + enc(region));
                assertThat(rows(browser, "[data-test=team-row]")).isEqualTo(Math.min(matching, 50));
                assertThat((long) matching).isLessThan(teams);
                assertThat(browser.text("[data-test=paging-total]"))
                        .isEqualTo(total(en, 1, Math.min(matching, 50), matching));
                browser.open("/teams?staffed=empty&size=25");
                assertThat(browser.driver().findElements(By.cssSelector("[data-test=team-row] td.num")))
                        .allSatisfy(td -> assertThat(td.getText()).isEqualTo("0"));
                browser.open("/teams?q=" + enc(region));
                shoot(browser, "teams-filtered-" + language.substring(0, 2));
            }
        }
    }

    @Test
    void theForecastsDealsAreFilteredPagedAndGivenACategoryManyAtOnceInEnglishAndGerman() {
        WebSession manager = login("manager", "demo");
        JsonNode view = Json.parse(manager.get("/api/v1/forecast").body());
        // The owner of a deal whose category may be set: the list searched by their name.
        String owner = null;
        for (JsonNode d : view.get("opportunities")) {
            String stage = d.get("stageCategory").asString();
            if (!stage.equals("CLOSED")
                    && !stage.equals("OMITTED")
                    && !d.get("set").asBoolean()) {
                owner = d.get("ownerName").asString();
                break;
            }
        }
        assertThat(owner).as("a deal of the manager's subtree that may be set").isNotNull();
        // What the search finds, and each found deal's category before (null: by stage), put back at the end.
        Map<Long, String> before = new LinkedHashMap<>();
        List<String> closedNames = new ArrayList<>();
        for (JsonNode d : view.get("opportunities")) {
            String q = owner.toLowerCase(Locale.ROOT);
            if (d.get("ownerName").asString().toLowerCase(Locale.ROOT).contains(q)
                    || d.get("name").asString().toLowerCase(Locale.ROOT).contains(q)) {
                before.put(
                        d.get("id").asLong(),
                        d.get("set").asBoolean() ? d.get("category").asString().toLowerCase(Locale.ROOT) : null);
                String stage = d.get("stageCategory").asString();
                if (stage.equals("CLOSED") || stage.equals("OMITTED")) {
                    closedNames.add(d.get("name").asString());
                }
            }
        }
        int found = before.size();
        int shown = Math.min(found, 50);
        try {
            for (String language : List.of("en-US", "de-DE")) {
                boolean en = language.startsWith("en");
                try (Browser browser = new Browser(baseUrl(), language)) {
                    browser.logIn("manager", "demo").open("/forecast");
                    browser.resize(1280, 900);
                    browser.driver()
                            .findElement(By.cssSelector("[data-test=forecast-deals] summary"))
                            .click();
                    long everyDeal = view.get("opportunities").size();
                    assertThat(browser.text("[data-test=forecast-deals] [data-test=paging-total]"))
                            .startsWith(everyDeal == 0 ? "" : "1–");
                    assertThat(rows(browser, "[data-test=forecast-deal]")).isLessThanOrEqualTo(50);
                    long deals = ((Number) ((JavascriptExecutor) browser.driver())
                                    .executeScript(
                                            "return document.querySelector('[data-test=forecast-deals]').offsetHeight"))
                            .longValue();
                    assertThat(deals).as("the forecast's deal list, open").isLessThan(MAX_HEIGHT);
                    WebElement search = browser.driver().findElement(By.id("dq"));
                    search.sendKeys(owner);
                    search.submit();
                    waitFor(browser, "[data-test=forecast-deals][open]");
                    assertThat(rows(browser, "[data-test=forecast-deal]")).isEqualTo(shown);
                    assertThat(browser.text("[data-test=forecast-deals] [data-test=paging-total]"))
                            .isEqualTo(total(en, 1, shown, found));
                    browser.driver()
                            .findElement(By.cssSelector("[data-test=forecast-deals] [data-test=bulk-select-all]"))
                            .click();
                    new Select(browser.driver().findElement(By.id("bulk-category"))).selectByValue("commit");
                    browser.driver()
                            .findElement(By.cssSelector("[data-test=bulk-deal-category]"))
                            .click();
                    waitFor(browser, "[data-test=bulk-result]");
                    String result = browser.text("[data-test=bulk-result]");
                    int refusedShown = (int) closedNames.stream()
                            .filter(name -> result.contains(name))
                            .count();
                    assertThat(result)
                            .contains((shown - rows(browser, "[data-test=bulk-refusal]"))
                                    + (en ? " done." : " erledigt."));
                    assertThat(rows(browser, "[data-test=bulk-refusal]")).isEqualTo(refusedShown);
                    if (refusedShown > 0) {
                        assertThat(result)
                                .contains(en ? "stage has closed it" : "Phase")
                                .contains(en ? "refused:" : "abgelehnt:");
                    }
                    // The search stays, and the deals set show it.
                    assertThat(browser.driver().getCurrentUrl()).contains("q=");
                    assertThat(rows(browser, "[data-test=forecast-deal-set]")).isEqualTo(shown - refusedShown);
                    assertThat(browser.pageText()).doesNotContain("listsmore.").doesNotContain("??");
                    shoot(browser, "forecast-deals-bulk-" + language.substring(0, 2));
                }
            }
        } finally {
            before.forEach((id, category) -> manager.sendJson(
                    "PUT",
                    "/api/v1/forecast/deals/" + id + "/category",
                    "{\"category\":\"" + (category == null ? "stage" : category) + "\"}"));
        }
    }

    @Test
    void teamQuotasSitInASectionPerRegionAndOnePodIsSavedOnItsOwnInEnglishAndGerman() {
        WebSession compAdmin = login("compadmin", "demo");
        // The next quarter: a team quota set there changes no one's pay today.
        String quarter = jdbc.sql("select id from period where kind = 'QUARTER' and starts_on > :today"
                        + " and status = 'OPEN' order by starts_on limit 1")
                .param("today", TODAY)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AssertionError("an open quarter after today"));
        JsonNode pods = Json.parse(
                compAdmin.get("/api/v1/quotas/teams?period=" + quarter).body());
        // Two pods of one region: one typed and saved by its own row button, the other typed and left.
        String region = null;
        List<JsonNode> chosen = new ArrayList<>();
        Map<String, List<JsonNode>> byRegion = new LinkedHashMap<>();
        for (JsonNode p : pods) {
            String r = p.get("region") == null || p.get("region").isNull()
                    ? ""
                    : p.get("region").asString();
            byRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(p);
        }
        for (var e : byRegion.entrySet()) {
            if (!e.getKey().isEmpty() && e.getValue().size() >= 2) {
                region = e.getKey();
                chosen = e.getValue().subList(0, 2);
                break;
            }
        }
        assertThat(region).as("a region with two teams").isNotNull();
        long saved = chosen.get(0).get("teamId").asLong();
        long left = chosen.get(1).get("teamId").asLong();
        Map<Long, JsonNode> original = Map.of(saved, chosen.get(0), left, chosen.get(1));
        try {
            for (String language : List.of("en-US", "de-DE")) {
                boolean en = language.startsWith("en");
                try (Browser browser = new Browser(baseUrl(), language)) {
                    browser.logIn("compadmin", "demo").open("/quotas?period=" + quarter);
                    browser.resize(1280, 900);
                    assertThat(height(browser)).isLessThan(MAX_HEIGHT);
                    assertThat(rows(browser, "details[data-test=pod-section]")).isEqualTo(byRegion.size());
                    assertThat(rows(browser, "details[data-test=pod-section][open]"))
                            .isZero();
                    WebElement section = podSection(browser, region);
                    section.findElement(By.tagName("summary")).click();
                    String typed = en ? "777,000" : "778.000";
                    set(browser, "tq-" + saved, typed);
                    set(browser, "tq-" + left, en ? "1,000" : "1.000");
                    browser.driver()
                            .findElement(By.id("tq-" + saved))
                            .findElement(By.xpath("./ancestor::tr"))
                            .findElement(By.cssSelector("[data-test=pod-save-row]"))
                            .click();
                    waitFor(browser, "[data-test=quota-notice]");
                    assertThat(browser.text("[data-test=quota-notice]"))
                            .contains(en ? "1 team quota(s) changed" : "1 Team-Quote(n) geändert");
                    // The region saved is open again, the others stay closed.
                    assertThat(rows(browser, "details[data-test=pod-section][open]"))
                            .isEqualTo(1);
                    assertThat(podSection(browser, region).getDomAttribute("open"))
                            .isNotNull();
                    assertThat(browser.driver()
                                    .findElement(By.id("tq-" + saved))
                                    .getDomProperty("value"))
                            .isEqualTo(typed);
                    assertThat(height(browser)).isLessThan(MAX_HEIGHT);
                    shoot(browser, "pod-quotas-region-" + language.substring(0, 2));
                }
                JsonNode after = Json.parse(
                        compAdmin.get("/api/v1/quotas/teams?period=" + quarter).body());
                for (JsonNode p : after) {
                    if (p.get("teamId").asLong() == saved) {
                        assertThat(p.get("amount").decimalValue()).isEqualByComparingTo(en ? "777000" : "778000");
                    }
                    if (p.get("teamId").asLong() == left) {
                        assertThat(p.get("amount")).isEqualTo(original.get(left).get("amount"));
                    }
                }
            }
        } finally {
            JsonNode was = original.get(saved).get("amount");
            if (was != null && !was.isNull()) {
                compAdmin.sendJson(
                        "PUT",
                        "/api/v1/quotas",
                        "{\"teams\":[{\"teamId\":" + saved + ",\"periodId\":\"" + quarter + "\",\"amount\":\""
                                + was.decimalValue().toPlainString() + "\"}]}");
            }
        }
    }

    private static String field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? "" : v.asString();
    }

    private static WebElement podSection(Browser browser, String region) {
        return browser.driver().findElements(By.cssSelector("details[data-test=pod-section]")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().startsWith(region))
                .findFirst()
                .orElseThrow();
    }

    private static void set(Browser browser, String id, String value) {
        WebElement input = browser.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
