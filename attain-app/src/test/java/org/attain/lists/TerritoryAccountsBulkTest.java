package org.attain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Unassigned accounts assigned to a territory many at once from the paged Unassigned list: a refused move names
 * every chosen account with the reason and changes nothing; an accepted one takes them off the list from that day.
 * Done three years ahead, so the territories other tests count today stay as they are.
 */
class TerritoryAccountsBulkTest extends AttainIntegrationTest {

    private static List<String> all(Pattern p, String body) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static long total(String body) {
        Matcher m = Pattern.compile("data-test=\"paging-total\">[\\d,]+–[\\d,]+ of ([\\d,]+)<")
                .matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void accountsAreAssignedToATerritoryManyAtOnceAndARefusalNamesEveryChosenAccount() {
        WebSession compAdmin = login("compadmin", "demo");
        String day = TODAY.plusYears(3).toString();
        String page = compAdmin
                .get("/territories/unassigned?lang=en&size=25&date=" + day)
                .body();
        String hierarchy = all(Pattern.compile("name=\"hierarchy\" value=\"(\\d+)\""), page)
                .get(0);
        List<String> accounts = all(Pattern.compile("name=\"account\" value=\"(\\d+)\""), page);
        assertThat(accounts).hasSizeGreaterThanOrEqualTo(2).hasSizeLessThanOrEqualTo(25);
        long before = total(page);
        String target = all(
                        Pattern.compile("<option value=\"(\\d+)\">"),
                        page.substring(page.indexOf("id=\"bulk-territory\"")))
                .get(0);
        List<String> chosen = accounts.subList(0, 2);

        String refused = assign(compAdmin, hierarchy, day, "-1", chosen);
        assertThat(refused).contains("0 done.").contains("2 refused:");
        assertThat(all(Pattern.compile("data-test=\"bulk-refusal\">([^<]+)<"), refused))
                .hasSize(2)
                .allSatisfy(line -> assertThat(line).contains(": "));
        assertThat(total(refused)).isEqualTo(before);

        String done = assign(compAdmin, hierarchy, day, target, chosen);
        assertThat(done).contains("2 done.").doesNotContain("refused:");
        assertThat(total(done)).isEqualTo(before - 2);
        assertThat(all(Pattern.compile("name=\"account\" value=\"(\\d+)\""), done))
                .doesNotContainAnyElementsOf(chosen);
    }

    /** Posts the bulk form as the page does (back to the page with its size) and returns the page it leads to. */
    private static String assign(
            WebSession session, String hierarchy, String day, String territory, List<String> accounts) {
        String back = "/territories/unassigned?hierarchy=" + hierarchy + "&date=" + day + "&size=25";
        StringBuilder form = new StringBuilder("hierarchy=" + hierarchy + "&date=" + day + "&territory="
                + URLEncoder.encode(territory, StandardCharsets.UTF_8) + "&back="
                + URLEncoder.encode(back, StandardCharsets.UTF_8));
        accounts.forEach(a -> form.append("&account=").append(a));
        var posted = session.postText(
                "/territories/unassigned/assign?lang=en", "application/x-www-form-urlencoded", form.toString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(back);
        return session.get(back).body();
    }
}
