package org.attain.game.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 5, chat posts, against stub Slack and Teams webhooks (the JDK's HTTP server): a contest won and a
 * badge earned are posted with the exact payloads (Slack {@code {"text"}} in English, a Teams Adaptive Card in
 * German); the first Slack attempt is refused and retried; nothing is posted twice however often the contest is
 * settled, the rules evaluated or the queue run; addresses are stored encrypted (older plain ones sealed on start)
 * and listed masked; bad input names its field.
 */
class ChatPostsTest extends AttainIntegrationTest {

    /** What a stub received: the body and the status it answered. */
    record Received(String body, int status) {}

    @Autowired
    ChatPosts posts;

    @Autowired
    ChatWebhooks webhooks;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    private HttpServer stub;
    private final List<Received> slack = Collections.synchronizedList(new ArrayList<>());
    private final List<Received> teams = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger slackCalls = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/services/T0CHAT/B0CHAT/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // Slack is down for the first post: it must be retried, not lost and not doubled.
            int status = slackCalls.getAndIncrement() == 0 ? 500 : 200;
            slack.add(new Received(body, status));
            answer(exchange, status, status == 200 ? "ok" : "internal_error");
        });
        stub.createContext("/workflows/teams-chat/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            teams.add(new Received(body, 202));
            answer(exchange, 202, "");
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String text)
            throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(out);
            }
        }
        exchange.close();
    }

    private String stubUrl(String path) {
        return "http://127.0.0.1:" + stub.getAddress().getPort() + path;
    }

    @Test
    void aContestWinAndABadgeArePostedOnceToSlackAndTeamsWithTheirExactPayloads() {
        WebSession admin = login("admin", "demo");
        WebSession compAdmin = login("compadmin", "demo");
        String slackUrl = stubUrl("/services/T0CHAT/B0CHAT/xoxSecretPart1234");
        long slackHook = created(admin.sendJson("POST", "/api/v1/game/chat-webhooks", """
                {"name":"Sales floor","kind":"SLACK","url":"%s","language":"en"}""".formatted(slackUrl)));
        long teamsHook = created(admin.sendJson(
                "POST", "/api/v1/game/chat-webhooks", """
                {"name":"Vertrieb","kind":"TEAMS","url":"%s","language":"de"}""".formatted(stubUrl("/workflows/teams-chat/sig=abcdEFGH"))));

        // The address is its secret: encrypted in the database, never stored as typed.
        jdbc.sql("select url, url_sealed from game_chat_webhook where id in (:s, :t)")
                .param("s", slackHook)
                .param("t", teamsHook)
                .query(rs -> {
                    assertThat(rs.getString(1)).isNull();
                    assertThat(rs.getString(2))
                            .startsWith("v1:")
                            .doesNotContain("xoxSecretPart")
                            .doesNotContain("abcdEFGH")
                            .doesNotContain("127.0.0.1");
                });
        JsonNode listed = Json.parse(admin.get("/api/v1/game/chat-webhooks").body());
        assertThat(listed.toString()).doesNotContain("xoxSecretPart").doesNotContain("abcdEFGH");
        for (JsonNode w : listed) {
            if (w.get("id").asLong() == slackHook) {
                assertThat(w.get("maskedUrl").asString())
                        .isEqualTo("http://127.0.0.1:" + stub.getAddress().getPort() + "/…1234");
            }
        }

        // A contest the rep's team played, ended yesterday, settled (a second settling is refused).
        WebSession rep = login("rep", "demo");
        JsonNode me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        List<String> participants = new ArrayList<>();
        participants.add("\"" + me.get("externalId").asString() + "\"");
        Json.parse(compAdmin
                        .get("/api/v1/people/" + me.get("managerId").asLong() + "/reports")
                        .body())
                .forEach(p -> {
                    String id = "\"" + p.get("externalId").asString() + "\"";
                    if (participants.size() < 3
                            && "REP".equals(p.get("roleType").asString())
                            && !participants.contains(id)) {
                        participants.add(id);
                    }
                });
        String contestName = "Chat race " + System.nanoTime();
        HttpResponse<String> contest = compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"%s","kind":"CLASSIC","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","participants":[%s],
                 "prizes":[{"place":1,"points":10}]}""".formatted(
                        contestName, TODAY.minusDays(30), TODAY.minusDays(1), String.join(",", participants)));
        long contestId = created(contest);
        HttpResponse<String> settled =
                compAdmin.sendJson("POST", "/api/v1/game/contests/" + contestId + "/settle", null);
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/game/contests/" + contestId + "/settle", null)
                        .statusCode())
                .as("settling again is refused: no second award to post")
                .isEqualTo(400);
        JsonNode winner = null;
        for (JsonNode a : Json.parse(settled.body())) {
            if (a.get("place").asInt() == 1) {
                winner = a;
            }
        }
        assertThat(winner).isNotNull();
        String winnerName = name(compAdmin, winner.get("personId").asLong());

        // A badge the rep earns: one achievement (any deal) within a year.
        String badgeName = "Chat badge " + System.nanoTime();
        created(compAdmin.sendJson("POST", "/api/v1/game/achievement-rules", """
                {"name":"%s first","kind":"FIRST_DEAL_OVER","threshold":"1","applyToPast":true}""".formatted(badgeName)));
        created(compAdmin.sendJson("POST", "/api/v1/game/achievement-rules", """
                {"name":"%s","kind":"BADGE","times":1,"days":366,"applyToPast":true}""".formatted(badgeName)));
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/game/achievement-rules/evaluate", "{}")
                        .statusCode())
                .isEqualTo(200);
        String repName = name(compAdmin, me.get("id").asLong());

        String slackWin = "{\"text\":\"" + winnerName + " won the contest \\\"" + contestName + "\\\".\"}";
        String slackBadge = "{\"text\":\"" + repName + " earned the badge \\\"" + badgeName + "\\\".\"}";
        String teamsWin =
                teamsCard("Wettbewerbsergebnis", winnerName + " hat den Wettbewerb „" + contestName + "“ gewonnen.");
        String teamsBadge = teamsCard("Neues Abzeichen", repName + " hat das Abzeichen „" + badgeName + "“ erhalten.");

        // The scheduler queues and sends every two seconds; the refused first Slack post waits for its retry,
        // which is brought forward here rather than waited for.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(delivered(slack, slackWin)
                && delivered(slack, slackBadge)
                && delivered(teams, teamsWin)
                && delivered(teams, teamsBadge))) {
            assertThat(System.nanoTime()).as("posts arrive at the stubs").isLessThan(deadline);
            posts.deliverDue(clock.instant().plus(Duration.ofHours(1)));
            sleep();
        }
        assertThat(slack.get(0).status()).as("the first Slack post was refused").isEqualTo(500);
        assertThat(slack.stream().filter(r -> r.status() == 200).map(Received::body))
                .as("and retried: every post arrived")
                .contains(slack.get(0).body());

        // Running the queue again, however far ahead, posts nothing twice (counted: the accepted posts).
        posts.queueNew();
        posts.deliverDue(clock.instant().plus(Duration.ofDays(2)));
        assertThat(count(slack, slackWin)).isEqualTo(1);
        assertThat(count(slack, slackBadge)).isEqualTo(1);
        assertThat(count(teams, teamsWin)).isEqualTo(1);
        assertThat(count(teams, teamsBadge)).isEqualTo(1);
        // Every post accepted exactly once: what the stubs accepted is what the queue holds as sent, one for one
        // (two people of the same name may get the same text, so bodies are compared as a multiset).
        assertThat(slack.stream().filter(r -> r.status() == 200).map(Received::body))
                .containsExactlyInAnyOrderElementsOf(sent(slackHook));
        assertThat(teams.stream().map(Received::body)).containsExactlyInAnyOrderElementsOf(sent(teamsHook));

        JsonNode log = Json.parse(admin.get("/api/v1/game/chat-posts").body());
        assertThat(log.size()).isGreaterThan(0);

        // Removed webhooks get nothing more.
        assertThat(admin.sendJson("DELETE", "/api/v1/game/chat-webhooks/" + slackHook, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(admin.sendJson("DELETE", "/api/v1/game/chat-webhooks/" + teamsHook, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(Json.parse(admin.get("/api/v1/game/chat-webhooks").body()).toString())
                .doesNotContain("\"id\":" + slackHook + ",");
    }

    /**
     * An address stored plain by a version before encryption at rest is sealed when the application starts (here:
     * the same call), listed masked as before, and posts still reach it.
     */
    @Test
    void anAddressStoredPlainByAnOlderVersionIsSealedAndStillPostedTo() {
        long old = jdbc.sql("""
                        insert into game_chat_webhook(name, kind, url, language, created_by, created_at)
                        values ('Old floor', 'SLACK', :url, 'en', 'admin', now()) returning id""")
                .param("url", stubUrl("/services/T0CHAT/B0CHAT/oldSecret9876"))
                .query(Long.class)
                .single();
        assertThat(webhooks.sealPlain()).isGreaterThanOrEqualTo(1);
        assertThat(webhooks.sealPlain()).as("nothing left to seal").isZero();
        jdbc.sql("select url, url_sealed from game_chat_webhook where id = :id")
                .param("id", old)
                .query(rs -> {
                    assertThat(rs.getString(1)).isNull();
                    assertThat(rs.getString(2)).startsWith("v1:").doesNotContain("oldSecret");
                });
        WebSession admin = login("admin", "demo");
        assertThat(Json.parse(admin.get("/api/v1/game/chat-webhooks").body()).toString())
                .contains("/…9876")
                .doesNotContain("oldSecret");

        jdbc.sql("""
                        insert into game_chat_post(webhook_id, subject, subject_id, payload, state, next_attempt_at, created_at)
                        values (:w, 'AWARD', -1, '{"text":"sealed and sent"}', 'PENDING', :at, :at)""")
                .param("w", old)
                .param("at", java.sql.Timestamp.from(clock.instant()))
                .update();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!delivered(slack, "{\"text\":\"sealed and sent\"}")) {
            assertThat(System.nanoTime()).as("the post reaches the old address").isLessThan(deadline);
            posts.deliverDue(clock.instant().plus(Duration.ofHours(1)));
            sleep();
        }
        assertThat(admin.sendJson("DELETE", "/api/v1/game/chat-webhooks/" + old, null)
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void badWebhooksNameTheirFieldsAndARepMayNotAddOne() {
        WebSession admin = login("admin", "demo");
        HttpResponse<String> bad = admin.sendJson("POST", "/api/v1/game/chat-webhooks", """
                {"name":"","kind":"DISCORD","url":"ftp://example.com/hook","language":"fr"}""");
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        Json.parse(bad.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "kind", "url", "language");
        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/game/chat-webhooks", """
                                {"name":"Mine","kind":"SLACK","url":"https://hooks.slack.com/services/T/B/x"}""")
                        .statusCode())
                .isEqualTo(403);
    }

    private List<String> sent(long webhook) {
        return jdbc.sql("select payload from game_chat_post where webhook_id = :w and state = 'SENT'")
                .param("w", webhook)
                .query(String.class)
                .list();
    }

    private static String teamsCard(String title, String text) {
        return "{\"type\":\"message\",\"attachments\":[{\"contentType\":\"application/vnd.microsoft.card.adaptive\","
                + "\"contentUrl\":null,\"content\":{\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\","
                + "\"type\":\"AdaptiveCard\",\"version\":\"1.4\",\"body\":[{\"type\":\"TextBlock\",\"size\":\"Medium\","
                + "\"weight\":\"Bolder\",\"text\":\"" + title + "\",\"wrap\":true},{\"type\":\"TextBlock\",\"text\":\""
                + text + "\",\"wrap\":true}]}}]}";
    }

    private static boolean delivered(List<Received> got, String body) {
        synchronized (got) {
            return got.stream().anyMatch(r -> r.body().equals(body) && r.status() / 100 == 2);
        }
    }

    private static long count(List<Received> got, String body) {
        synchronized (got) {
            return got.stream()
                    .filter(r -> r.body().equals(body) && r.status() / 100 == 2)
                    .count();
        }
    }

    private static long created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private static String name(WebSession s, long person) {
        JsonNode p = Json.parse(s.get("/api/v1/people/" + person).body());
        return p.get("firstName").asString() + " " + p.get("lastName").asString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
