package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * German everywhere (issue 21.6): every role walks its main pages in German (its home page and every
 * page its menu links to, plus a statement with its trace, a run, an import with quarantined rows and
 * the audit log) and no page shows an English word from a known list, an untranslated message key
 * ("??key??") or a year with a group separator ("Geschäftsjahr 2.026"). What a page shows is its text
 * without tags, scripts, the folded JSON of the audit log and plan sources (data and code, not words of the
 * product).
 */
class GermanEverywhereTest extends AttainIntegrationTest {

    static final Map<String, String> DE = Map.of("Accept-Language", "de");

    /** English words of the product that a German page must not show (matched as whole words, case-sensitive). */
    static final List<String> ENGLISH = List.of(
            "to date",
            "paid before",
            "earned to date",
            "sum of earnings lines",
            "sum of slices",
            "paid for the period",
            "held until released",
            "slice",
            "measure",
            "attainment",
            "bookings",
            "true-up",
            "is met",
            "not met",
            "reached tier",
            "deal(s)",
            "Save",
            "Cancel",
            "Total",
            "Period",
            "Statement",
            "Ledger",
            "Earnings",
            "Payout",
            "Download",
            "Search",
            "Delete",
            "Approve",
            "Reject",
            "Fiscal year",
            "How this was calculated",
            "bad amount",
            "bad close date",
            "missing owner",
            "not a number like",
            "changed the",
            "from the",
            "Not calculated",
            // words21: calculation steps of pods, clawbacks, prior-period adjustments and curves
            "credited",
            "of quota",
            "days in pod",
            "a deal counts when",
            "the curve pays nothing",
            "is below the first point",
            "is at or above the last point",
            "days after close",
            "days after closing",
            "no clawback",
            "taken back",
            "as known on",
            "posted in",
            "Prior period adjustment",
            "Prior-period adjustment",
            // words21: quarantine reasons of the other importers, audit actions
            "unknown person",
            "cannot be negative",
            "unknown currency",
            "is implausibly large",
            "cannot be their own manager",
            "must be after valid_from",
            "already belongs to person",
            "Quota set",
            "Plan published",
            "Signed in",
            "Objectives scored");

    static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?[A-Za-z0-9._-]+\\?\\?");
    static final Pattern GROUPED_YEAR = Pattern.compile("(Geschäftsjahr|Fiscal year|GJ|Jahr) 2[.,]0[0-9]{2}\\b");
    static final Pattern LINK = Pattern.compile("href=\"(/[a-z][a-z0-9/_-]*)\"");

    @Test
    void everyRolesMainPagesAreGermanThroughAndThrough() {
        List<String> findings = new ArrayList<>();
        int pages = 0;
        WebSession admin = login("admin", "demo");
        WebSession compadmin = login("compadmin", "demo");
        long quarantined = importWithQuarantinedRows(admin);
        String lauren = changeAQuotaTwice(compadmin);

        for (String who : List.of("rep", "manager", "compadmin", "finance", "admin")) {
            WebSession session = login(who, "demo");
            Set<String> paths = new LinkedHashSet<>();
            paths.add("/");
            Matcher links = LINK.matcher(session.get("/", DE).body());
            while (links.find()) {
                String path = links.group(1);
                if (!path.matches("/(logout|login|api|actuator|webjars|css|js|swagger-ui|v3)(/.*)?")) {
                    paths.add(path);
                }
            }
            paths.addAll(specialPages(who, session, quarantined));
            for (String path : paths) {
                var page = session.get(path, DE);
                pages++;
                if (page.statusCode() != 200) {
                    continue; // links to downloads, redirects and forms: what they show is checked where they land
                }
                findings.addAll(englishOn(who + " " + path, page.body()));
            }
        }
        assertThat(findings)
                .as("English on German pages (%d pages walked)", pages)
                .isEmpty();
        assertThat(pages).isGreaterThan(40);

        String audit = visibleText(admin.get("/admin/audit", DE).body());
        assertThat(audit).contains("hat die Quote").contains("von " + lauren).contains("120.000,00 auf 130.000,00");
    }

    /** The statement with its trace, the latest run, the import with quarantined rows and the audit log. */
    private List<String> specialPages(String who, WebSession session, long quarantined) {
        List<String> out = new ArrayList<>();
        long me = Json.parse(session.get("/api/v1/me").body()).path("id").asLong(0);
        if (me > 0) {
            out.add("/people/" + me + "/statement");
            out.add("/people/" + me + "/statement?period=" + quarterWithDeals(session, me));
        }
        if (who.equals("compadmin")) {
            var runs = Json.parse(session.get("/api/v1/calc/runs").body());
            if (runs.isArray() && !runs.isEmpty()) {
                out.add("/runs/" + runs.get(0).get("id").asLong());
            }
            out.add("/imports/" + quarantined);
        }
        if (who.equals("admin")) {
            out.add("/admin/audit");
        }
        return out;
    }

    private static String quarterWithDeals(WebSession session, long me) {
        for (var q : Json.parse(session.get("/api/v1/periods?kind=QUARTER").body())
                .valueStream()
                .map(n -> n.get("id").asString())
                .sorted(java.util.Comparator.reverseOrder())
                .toList()) {
            var statement = Json.parse(session.get("/api/v1/people/" + me + "/earnings?period=" + q)
                    .body());
            for (var line : statement.path("lines")) {
                if (!line.path("qualifying").isEmpty()) {
                    return q;
                }
            }
        }
        return "";
    }

    private long importWithQuarantinedRows(WebSession admin) {
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), admin);
        String profile = ImportApiCalls.example("crm-transactions.profile.yaml")
                .replaceFirst("(?m)^source: .*$", "source: " + ImportApiCalls.fresh("german"));
        var done = imports.load(profile, "crm-transactions.csv", ImportApiCalls.example("crm-transactions.csv"));
        assertThat(done.problems()).isNotEmpty();
        return done.id();
    }

    /** Sets Lauren Phillips's quota of this quarter to 120,000.00, then to 130,000.00, then back; returns her name. */
    private String changeAQuotaTwice(WebSession compadmin) {
        String quarter = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
        long lauren = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String quota = BusinessWordsBrowserTest.quotaOf(compadmin, lauren, quarter);
        BusinessWordsBrowserTest.setQuota(compadmin, lauren, quarter, "120000.00");
        BusinessWordsBrowserTest.setQuota(compadmin, lauren, quarter, "130000.00");
        if (quota != null) {
            BusinessWordsBrowserTest.setQuota(compadmin, lauren, quarter, quota);
        }
        return "Lauren Phillips";
    }

    static List<String> englishOn(String where, String html) {
        List<String> out = new ArrayList<>();
        // Plan-language keywords a German text quotes („attainment: pod“) are code, not English words.
        String text = visibleText(html).replaceAll("„[^“]*“", "„…“");
        Matcher keys = UNTRANSLATED.matcher(html);
        if (keys.find()) {
            out.add(where + ": untranslated key " + keys.group());
        }
        Matcher year = GROUPED_YEAR.matcher(text);
        if (year.find()) {
            out.add(where + ": grouped year \"" + year.group() + "\"");
        }
        for (String english : ENGLISH) {
            Matcher m = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(english) + "(?![\\p{L}-])")
                    .matcher(text);
            if (m.find()) {
                int from = Math.max(0, m.start() - 40);
                int to = Math.min(text.length(), m.end() + 40);
                out.add(where + ": \"" + english + "\" in \"…"
                        + text.substring(from, to).strip() + "…\"");
            }
        }
        return out;
    }

    /** The page's words as a reader sees them: no tags, scripts, styles or folded JSON, entities decoded. */
    static String visibleText(String html) {
        String s = html.replaceAll("(?is)<(script|style|code|noscript|textarea|pre)\\b.*?</\\1>", " ")
                .replaceAll("(?is)<!--.*?-->", " ")
                .replaceAll("(?s)<[^>]+>", " ")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
        return s.replaceAll("\\s+", " ");
    }
}
