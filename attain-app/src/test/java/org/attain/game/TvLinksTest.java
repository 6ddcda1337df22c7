package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * TV links over real HTTP: a link opens its boards without login, as their "everyone" visibility allows (no
 * amounts on a percent-of-goal board, nothing of a team-only board); revoking refuses it at once (410); an
 * unknown token is 404; a rep cannot create one; the token itself is never listed.
 */
class TvLinksTest extends AttainIntegrationTest {

    private long board(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/boards", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    /** The HTML of one board's section on the TV page. */
    private static String section(String html, long board) {
        int start = html.indexOf("data-board=\"" + board + "\"");
        assertThat(start).as("board %s on the screen", board).isPositive();
        return html.substring(start, html.indexOf("</section>", start));
    }

    @Test
    void aLinkWorksWithoutLoginShowsOnlyWhatEveryoneMaySeeAndIsRefusedOnceRevoked() {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        long fair = board(compAdmin, """
                {"name":"TV fair race","metric":"BOOKINGS","basis":"PERCENT_OF_GOAL","period":"%s"}""".formatted(quarter));
        long calls = board(compAdmin, """
                {"name":"TV calls","metric":"CALLS","basis":"VALUE","period":"%s"}""".formatted(quarter));
        long team = board(compAdmin, """
                {"name":"TV team only","metric":"CALLS","visibility":"TEAM","period":"%s"}""".formatted(quarter));
        HttpResponse<String> created =
                compAdmin.sendJson("POST", "/api/v1/game/tv-links", """
                {"name":"Sales floor","boards":[%d,%d,%d]}""".formatted(fair, calls, team));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode link = Json.parse(created.body());
        String path = link.get("path").asString();
        assertThat(link.get("token").asString()).hasSizeGreaterThanOrEqualTo(40);

        WebSession screen = WebSession.anonymous(baseUrl());
        HttpResponse<String> tv = screen.get(path);
        assertThat(tv.statusCode()).isEqualTo(200);
        String html = tv.body();
        assertThat(html).contains("TV fair race", "TV calls", "TV team only").doesNotContain("name=\"password\"");
        assertThat(tv.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'");
        assertThat(html).doesNotContain("<style").doesNotContain("style=\"").contains("/js/tv.js");

        // Percent of goal: rank, name and percent per row; never the amounts (amount / percent = quota).
        String fairRows = section(html, fair);
        String body = fairRows.substring(fairRows.indexOf("<tbody>"), fairRows.indexOf("</tbody>"));
        String[] rows = body.split("<tr");
        assertThat(rows.length - 1).isGreaterThan(3);
        for (int i = 1; i < rows.length; i++) {
            assertThat(rows[i].split("<td", -1).length - 1).as(rows[i]).isEqualTo(3);
            assertThat(rows[i]).contains(" %");
        }
        // A value board shows the values; a team-only board shows no one.
        String callRows = section(html, calls);
        String callBody = callRows.substring(callRows.indexOf("<tbody>"), callRows.indexOf("</tbody>"));
        assertThat(callBody.split("<tr")[1].split("<td", -1).length - 1).isEqualTo(3);
        assertThat(section(html, team)).doesNotContain("<tbody>").contains("tv-note");

        // Listed to admins without the token.
        String listed = compAdmin.get("/api/v1/game/tv-links").body();
        assertThat(listed)
                .contains("Sales floor")
                .doesNotContain(link.get("token").asString());

        // A rep may not create one; an unknown token is 404; revoked is 410 on the very next request.
        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/game/tv-links", """
                                {"name":"Mine","boards":[%d]}""".formatted(calls))
                        .statusCode())
                .isEqualTo(403);
        assertThat(screen.get("/tv/" + "x".repeat(43)).statusCode()).isEqualTo(404);
        HttpResponse<String> revoked = compAdmin.sendJson(
                "POST", "/api/v1/game/tv-links/" + link.get("link").get("id").asLong() + "/revoke", "{}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        HttpResponse<String> after = screen.get(path);
        assertThat(after.statusCode()).isEqualTo(410);
        assertThat(after.body()).doesNotContain("TV fair race");
    }

    @Test
    void aLinkWithoutBoardsIsRefusedNamingTheField() {
        HttpResponse<String> r = login("compadmin", "demo").sendJson("POST", "/api/v1/game/tv-links", """
                        {"name":"","boards":[]}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"boards\"").contains("\"name\"");
    }
}
