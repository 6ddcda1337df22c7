package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * axe-core (the accessibility engine, injected by {@link Browser#axe()}) on every page a role reaches from its menu and
 * home page, and on the main detail pages (a statement with its trace open, a run, an import, a plan's editor, a
 * dispute), in English and German: no serious or critical violation anywhere. A failure lists each page with the rule,
 * the element's selector and what axe saw (e.g. the two colours and their contrast ratio).
 */
class AccessibilityBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({
        "rep, en-US",
        "rep, de-DE",
        "manager, en-US",
        "manager, de-DE",
        "compadmin, en-US",
        "compadmin, de-DE",
        "finance, en-US",
        "finance, de-DE",
        "admin, en-US",
        "admin, de-DE"
    })
    void everyPageOfARoleHasNoSeriousOrCriticalViolation(String login, String language) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.open("/login");
            check(browser, "/login", found);
            if (CHECKED.add(language + " /login/sso-refused")) {
                browser.open("/login/sso-refused?reason=norole");
                check(browser, "/login/sso-refused", found);
            }
            browser.logIn(login, "demo");
            // One page per route: a manager's home links every rep of the team, and one rep's page stands for all.
            Map<String, String> routes = new LinkedHashMap<>();
            routes.put("/", "/");
            for (String link : internalLinks(browser, "header a[href], main a[href]")) {
                routes.putIfAbsent(link.replaceAll("\\?.*", "").replaceAll("/\\d+(?=/|$)", "/{id}"), link);
            }
            Set<String> pages = new LinkedHashSet<>(routes.values());
            int checked = 0;
            for (var route : routes.entrySet()) {
                // A route another role already walked in this language is the same template: checked once,
                // which keeps the walk within a few minutes of the suite.
                if (!CHECKED.add(language + " " + route.getKey())) {
                    continue;
                }
                browser.open(route.getValue());
                check(browser, route.getValue(), found);
                checked++;
            }
            assertThat(pages).as("pages reached by %s", login).hasSizeGreaterThan(3);
            System.out.printf("a11y: %s %s: %d pages reached, %d checked%n", login, language, pages.size(), checked);
        }
        assertThat(found).as(report(found)).isEmpty();
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({"en-US", "de-DE"})
    void theMainDetailPagesHaveNoSeriousOrCriticalViolation(String language) {
        PayoutFixtures cast = new PayoutFixtures(jdbc, this::login);
        long dispute = dispute(cast);
        Map<String, List<String>> found = new LinkedHashMap<>();
        int checked = 0;
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("rep", "demo");
            browser.open("/people/" + cast.rep + "/statement?period=" + cast.quarter);
            // The keyboard's first stop is the skip link, shown with the focus ring: a person looks at both.
            browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(browser.driver().switchTo().activeElement().getAttribute("class"))
                    .isEqualTo("skip");
            browser.screenshot("a11y-focus-skip-link-" + language.substring(0, 2));
            for (WebElement summary : browser.driver().findElements(By.cssSelector("[data-test^=trace-] summary"))) {
                summary.click();
            }
            check(browser, "statement with its traces open", found);
            browser.open("/disputes/" + dispute);
            check(browser, "a dispute (rep)", found);
            checked += 2;
        }
        importOnce();
        try (Browser browser = new Browser(baseUrl(), language)) {
            browser.logIn("compadmin", "demo");
            browser.open("/disputes/" + dispute);
            check(browser, "a dispute (comp admin)", found);
            checked++;
            for (String[] detail : List.of(
                    new String[] {"/runs", "^/runs/\\d+$"},
                    new String[] {"/imports", "^/imports/\\d+$"},
                    new String[] {"/plans", "^/plans/[A-Za-z0-9_-]+$"})) {
                browser.open(detail[0]);
                String first = internalLinks(browser, "main a[href]").stream()
                        .filter(p -> p.matches(detail[1]) && !p.endsWith("/new"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no link like " + detail[1] + " on " + detail[0]));
                browser.open(first);
                check(browser, first, found);
                checked++;
            }
        }
        System.out.printf("a11y: detail pages in %s: %d pages checked%n", language, checked);
        assertThat(found).as(report(found)).isEmpty();
    }

    private static Long dispute;

    private static boolean imported;

    /** An import with quarantined rows, so /imports links one to open (the suite's other tests may not have run). */
    private synchronized void importOnce() {
        if (!imported) {
            new org.attain.ingest.ImportApiCalls(baseUrl(), login("compadmin", "demo"))
                    .load(
                            org.attain.ingest.ImportApiCalls.withFreshSource(
                                    org.attain.ingest.ImportApiCalls.example("crm-transactions.profile.yaml"),
                                    org.attain.ingest.ImportApiCalls.fresh("a11y")),
                            "crm-transactions.csv",
                            org.attain.ingest.ImportApiCalls.example("crm-transactions.csv"));
            imported = true;
        }
    }

    /** Routes walked so far, per language ("de-DE /people/{id}"). */
    private static final Set<String> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** One dispute of the demo rep, opened once for both languages. */
    private synchronized long dispute(PayoutFixtures cast) {
        if (dispute == null) {
            dispute = Json.parse(login("rep", "demo")
                            .sendJson(
                                    "POST",
                                    "/api/v1/disputes",
                                    PayoutFixtures.disputeJson(
                                            cast.rep, cast.quarter, cast.firstLine(cast.rep), "Deal T42 is missing."))
                            .body())
                    .get("id")
                    .asLong();
        }
        return dispute;
    }

    /** The same-site page links under {@code css}: path and query, without downloads, logout or the language switch. */
    private List<String> internalLinks(Browser browser, String css) {
        List<String> links = new ArrayList<>();
        for (WebElement a : browser.driver().findElements(By.cssSelector(css))) {
            String href = a.getAttribute("href");
            if (href == null || !href.startsWith(baseUrl())) {
                continue;
            }
            URI uri = URI.create(href);
            String path = uri.getPath();
            String query = uri.getQuery();
            if (path.matches("^/(logout|login|api|actuator|webjars|css|js|swagger-ui|v3)(/.*)?$")
                    || path.matches(".*\\.(csv|pdf|xlsx|json|zip)$")
                    || path.contains("/export")
                    || path.contains("/download")
                    || (query != null && query.startsWith("lang="))) {
                continue;
            }
            links.add(query == null ? path : path + "?" + query);
        }
        return links;
    }

    private static void check(Browser browser, String page, Map<String, List<String>> found) {
        List<String> violations = browser.axe();
        if (!violations.isEmpty()) {
            System.out.printf("a11y: %s%n  %s%n", page, String.join("\n  ", violations));
            found.put(page, violations);
        }
    }

    private static String report(Map<String, List<String>> found) {
        StringBuilder out = new StringBuilder("serious or critical axe-core violations on " + found.size() + " pages");
        found.forEach((page, violations) -> {
            out.append("\n").append(page);
            violations.forEach(v -> out.append("\n  ").append(v));
        });
        return out.toString();
    }

    @Test
    void axeFindsAViolationWhereThereIsOne() {
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("rep", "demo");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript(
                            "const b = document.createElement('button'); document.querySelector('main').append(b);");
            assertThat(browser.axe()).anyMatch(v -> v.startsWith("button-name (critical)"));
        }
    }
}
