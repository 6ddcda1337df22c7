package org.attain.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The home page reuses its last rendering while nothing it shows has changed: a new activity, a new
 * deal made current by the calculation, a language switch, another session or another user still get
 * a page made from their own, current figures, with their own session's CSRF token.
 */
@DateDependent
class HomeStaysFreshTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

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
        assertThat(main(again))
                .isEqualTo(main(first))
                .contains("data-test=\"my-earnings\"", "data-test=\"my-manager\"");
        long before = calls(first);

        String email = Json.parse(rep.get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
        String at = ZonedDateTime.now(clock).minusHours(1).toOffsetDateTime().toString();
        WebSession admin = login("compadmin", "demo");
        String batch = """
                {"source":"home-fresh-%s","records":[
                  {"external_id":"C1","person":"%s","kind":"CALL","occurred_at":"%s","duration_minutes":5}]}""".formatted(UUID.randomUUID(), email, at);
        assertThat(admin.sendJson("POST", "/api/v1/activities", batch).statusCode())
                .isEqualTo(200);

        String after = rep.get("/").body();
        assertThat(calls(after)).isEqualTo(before + 1);

        String german = rep.get("/?lang=de").body();
        assertThat(german)
                .contains("Meine Aktivitäten der letzten 30 Tage")
                .doesNotContain("My activity, last 30 days");
        assertThat(calls(german)).isEqualTo(before + 1);

        // A second session of the same user gets its own page, with its own CSRF token in the chrome.
        WebSession other = login("rep", "demo");
        String otherPage = other.get("/", Map.of("Accept-Language", "en")).body();
        assertThat(main(otherPage)).contains("My activity, last 30 days");
        assertThat(calls(otherPage)).isEqualTo(before + 1);
    }

    private static final Pattern EARNINGS =
            Pattern.compile("data-test=\"my-earnings\">.*?<p class=\"kpi\"><span>([^<]+)</span>", Pattern.DOTALL);
    private static final Pattern BOOKINGS = Pattern.compile("data-test=\"my-bookings\"><span>([^<]+)</span>");
    private static final Pattern META_TOKEN = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private static String first(Pattern p, String html) {
        Matcher m = p.matcher(html);
        assertThat(m.find()).as(p.pattern()).isTrue();
        return m.group(1);
    }

    @Test
    void aDealMadeCurrentShowsOnTheNextHomePageAndInTheEarningsApi() {
        WebSession rep = login("rep", "demo");
        var me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        long id = me.get("id").asLong();
        String first = rep.get("/").body();
        assertThat(main(rep.get("/").body())).isEqualTo(main(first));
        String earningsBefore = rep.get("/api/v1/people/" + id + "/earnings").body();
        assertThat(rep.get("/api/v1/people/" + id + "/earnings").body()).isEqualTo(earningsBefore);

        var response = login("compadmin", "demo").sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "FRESH-%s", "close_date": "%s", "amount": "54321.00",
                  "currency": "%s", "owner": "%s", "deal_type": "expansion"}]}""".formatted(
                        UUID.randomUUID(),
                        TODAY,
                        me.get("currency").asString(),
                        me.get("externalId").asString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

        String after = rep.get("/").body();
        assertThat(first(BOOKINGS, after)).isNotEqualTo(first(BOOKINGS, first));
        assertThat(first(EARNINGS, after)).isNotEqualTo(first(EARNINGS, first));
        assertThat(after).contains("FRESH-");
        var earningsAfter =
                Json.parse(rep.get("/api/v1/people/" + id + "/earnings").body());
        assertThat(earningsAfter.get("runId").asLong())
                .isNotEqualTo(Json.parse(earningsBefore).get("runId").asLong());
        assertThat(earningsAfter.get("earnings").decimalValue())
                .isNotEqualByComparingTo(
                        Json.parse(earningsBefore).get("earnings").decimalValue());
    }

    @Test
    void everySessionGetsItsOwnWorkingTokenAndEveryUserTheirOwnPage() {
        WebSession one = login("rep", "demo");
        WebSession two = login("rep", "demo");
        String pageOne = one.get("/").body();
        String pageTwo = two.get("/").body();
        assertThat(main(pageTwo)).isEqualTo(main(pageOne));
        assertThat(pageOne).doesNotContainPattern("csrf-[0-9a-f]{32}");
        String tokenOne = first(META_TOKEN, pageOne);
        String tokenTwo = first(META_TOKEN, pageTwo);
        assertThat(tokenTwo).isNotEqualTo(tokenOne);
        // The logout form carries the same token as the page head.
        assertThat(pageTwo).contains("name=\"_csrf\" value=\"" + tokenTwo + "\"");

        // Each session's token works for that session (sendJson takes it from the kept home page) ...
        long id =
                Json.parse(one.get("/api/v1/me").body()).get("person").get("id").asLong();
        assertThat(two.sendJson("POST", "/api/v1/people/" + id + "/what-if", "{\"amount\":\"100\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(one.sendJson("POST", "/api/v1/people/" + id + "/what-if", "{\"amount\":\"100\"}")
                        .statusCode())
                .isEqualTo(200);

        // ... and another user never gets this user's page, nor a manager's a rep's.
        String manager = login("manager", "demo").get("/").body();
        assertThat(main(manager)).isNotEqualTo(main(pageOne)).contains("data-test=\"my-team\"");
        assertThat(main(pageOne)).doesNotContain("data-test=\"my-team\"");
        String admin = login("compadmin", "demo").get("/").body();
        assertThat(main(admin)).doesNotContain("data-test=\"my-earnings\"");
    }
}
