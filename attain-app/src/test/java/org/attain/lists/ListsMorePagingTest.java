package org.attain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The paging parameters of adjustments, plans, teams and the forecast's deals over real HTTP: a page
 * before the first shows the first, a page past the end shows the last (not an empty page), a size
 * nobody offers falls back to 50, and a page that is not a number is a 400 that says so.
 */
class ListsMorePagingTest extends AttainIntegrationTest {

    private static final Pattern TOTAL =
            Pattern.compile("data-test=\"paging-total\">(\\d[\\d,]*)–(\\d[\\d,]*) of (\\d[\\d,]*)<");

    private static long[] shown(String body) {
        Matcher m = TOTAL.matcher(body);
        assertThat(m.find()).as("a paging total in the page").isTrue();
        return new long[] {num(m.group(1)), num(m.group(2)), num(m.group(3))};
    }

    private static long num(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    record Page(String user, String path) {}

    @Test
    void pagingParametersOutOfRangeAreClampedAndANonNumberIsRefused() {
        // An adjustment of this quarter, so its list has a page to show.
        WebSession compAdmin = login("compadmin", "demo");
        var person = ListsMoreBrowserTest.hire(compAdmin, "ADJP-" + System.nanoTime(), "Paula");
        String quarter = org.attain.support.Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var made = compAdmin.sendJson("POST", "/api/v1/adjustments", """
                {"personId": "%s", "period": "%s", "amount": "10.00", "currency": "%s", "reason": "paging"}""".formatted(
                        person.get("externalId").asString(),
                        quarter,
                        person.get("currency").asString()));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        for (Page p : List.of(
                new Page("compadmin", "/adjustments"),
                new Page("compadmin", "/plans"),
                new Page("admin", "/teams"),
                new Page("manager", "/forecast"))) {
            WebSession session = login(p.user(), "demo");
            String sep = p.path().contains("?") ? "&" : "?";
            String base = p.path() + sep + "lang=en";
            var first = session.get(base);
            assertThat(first.statusCode()).as(p.path()).isEqualTo(200);
            String body = first.body();
            if (body.contains("data-test=\"paging-total\">Nothing to show<")) {
                // An empty list still answers the out-of-range parameters with its empty page.
                assertThat(session.get(base + "&page=99999").body()).contains("Nothing to show");
                continue;
            }
            long total = shown(body)[2];
            assertThat(shown(session.get(base + "&page=-3").body()))
                    .as(p.path())
                    .containsExactly(1, Math.min(total, 50), total);
            long[] beyond = shown(session.get(base + "&page=99999&size=25").body());
            long lastFirst = (total - 1) / 25 * 25 + 1;
            assertThat(beyond)
                    .as(p.path() + " past the end shows the last page")
                    .containsExactly(lastFirst, total, total);
            assertThat(shown(session.get(base + "&size=7").body()))
                    .as(p.path())
                    .containsExactly(1, Math.min(total, 50), total);
            var notANumber = session.get(base + "&page=abc");
            assertThat(notANumber.statusCode()).as(p.path()).isEqualTo(400);
            assertThat(notANumber.body()).doesNotContain("Exception").doesNotContain("at org.");
        }
    }
}
