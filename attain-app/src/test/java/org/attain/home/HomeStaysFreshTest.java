package org.attain.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The home page reuses its last rendering while nothing it shows has changed: a new activity, a
 * language switch or another user's session still get a page made from their own, current figures.
 */
class HomeStaysFreshTest extends AttainIntegrationTest {

    private static final Pattern CALLS = Pattern.compile("<td>(Calls|Anrufe)</td><td class=\"num\">(\\d+)</td>");

    private static long calls(String html) {
        Matcher m = CALLS.matcher(html);
        return m.find() ? Long.parseLong(m.group(2)) : 0;
    }

    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }

    @Test
    void aNewActivityShowsOnTheNextHomePageAndTheLanguageFollowsTheUser() {
        WebSession rep = login("rep", "demo");
        String first = rep.get("/").body();
        String again = rep.get("/").body();
        assertThat(main(again)).isEqualTo(main(first)).contains("data-test=\"my-earnings\"", "data-test=\"my-manager\"");
        long before = calls(first);

        String email = Json.parse(rep.get("/api/v1/me").body()).get("person").get("email").asString();
        String at = ZonedDateTime.now(ZoneId.systemDefault()).minusHours(1).toOffsetDateTime().toString();
        WebSession admin = login("compadmin", "demo");
        String batch = """
                {"source":"home-fresh-%s","records":[
                  {"external_id":"C1","person":"%s","kind":"CALL","occurred_at":"%s","duration_minutes":5}]}"""
                .formatted(UUID.randomUUID(), email, at);
        assertThat(admin.sendJson("POST", "/api/v1/activities", batch).statusCode()).isEqualTo(200);

        String after = rep.get("/").body();
        assertThat(calls(after)).isEqualTo(before + 1);

        String german = rep.get("/?lang=de").body();
        assertThat(german).contains("Meine Aktivitäten der letzten 30 Tage").doesNotContain("My activity, last 30 days");
        assertThat(calls(german)).isEqualTo(before + 1);

        // A second session of the same user gets its own page, with its own CSRF token in the chrome.
        WebSession other = login("rep", "demo");
        String otherPage = other.get("/", Map.of("Accept-Language", "en")).body();
        assertThat(main(otherPage)).contains("My activity, last 30 days");
        assertThat(calls(otherPage)).isEqualTo(before + 1);
    }
}
