package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Subscribers hear of closed periods and opened disputes, signed; a failing receiver is retried later, and it is all logged. */
@DateDependent
class OutboundWebhookTest extends AttainIntegrationTest {

    /** A month of the oldest fiscal year the demo company has periods for. */
    private static final String MONTH = (TODAY.getYear() - 3) + "-03";

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static JsonNode awaitDelivery(WebSession admin, String event, String url) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            for (JsonNode d : Json.parse(
                    admin.get("/api/v1/integrations/deliveries?limit=200").body())) {
                if (d.get("event").asString().equals(event)
                        && d.get("url").asString().equals(url)
                        && d.get("attempts").asInt() > 0) {
                    return d;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no attempt to deliver " + event + " to " + url);
    }

    @Test
    void aClosedPeriodIsDeliveredSignedAndAFailedAttemptIsRetriedLater() throws Exception {
        WebSession admin = login("admin", "demo");
        AtomicInteger calls = new AtomicInteger();
        try (FakeVendor receiver = new FakeVendor()) {
            receiver.on(
                    "POST /hooks",
                    r -> calls.incrementAndGet() == 1
                            ? new FakeVendor.Answer(503, "{\"error\":\"busy\"}", Map.of())
                            : FakeVendor.Answer.json("{}"));
            String url = receiver.url() + "/hooks";
            var created = admin.sendJson(
                    "POST",
                    "/api/v1/integrations/subscriptions",
                    "{\"url\":\"" + url + "\",\"events\":[\"period.closed\"]}");
            assertThat(created.statusCode()).isEqualTo(201);
            String secret = Json.parse(created.body()).get("secret").asString();

            assertThat(login("compadmin", "demo")
                            .sendJson("POST", "/api/v1/periods/" + MONTH + "/close", null)
                            .statusCode())
                    .isEqualTo(200);

            JsonNode first = awaitDelivery(admin, "period.closed", url);
            assertThat(first.get("status").asString()).isEqualTo("PENDING");
            assertThat(first.get("lastStatusCode").asInt()).isEqualTo(503);
            assertThat(Instant.parse(first.get("nextAttemptAt").asString()))
                    .isAfterOrEqualTo(
                            Instant.parse(first.get("createdAt").asString()).plus(WebhookDispatcher.FIRST_RETRY));

            dispatcher.deliverDue(clock.instant().plus(Duration.ofHours(1)));
            JsonNode done = awaitDelivery(admin, "period.closed", url);
            assertThat(done.get("status").asString()).isEqualTo("DELIVERED");
            assertThat(done.get("attempts").asInt()).isEqualTo(2);

            FakeVendor.Seen delivered = receiver.seen().get(1);
            JsonNode payload = Json.parse(delivered.body());
            assertThat(payload.get("event").asString()).isEqualTo("period.closed");
            assertThat(payload.get("data").get("periodId").asString()).isEqualTo(MONTH);
            assertThat(delivered.headers().get(Signatures.DELIVERY))
                    .isEqualTo(payload.get("id").asString());
            long ts = Long.parseLong(delivered.headers().get(Signatures.TIMESTAMP));
            assertThat(Signatures.matches(
                            secret,
                            ts,
                            delivered.body().getBytes(StandardCharsets.UTF_8),
                            delivered.headers().get(Signatures.SIGNATURE)))
                    .isTrue();
        } finally {
            login("compadmin", "demo")
                    .sendJson("POST", "/api/v1/periods/" + MONTH + "/reopen", "{\"reason\":\"test of webhooks only\"}");
        }
    }

    @Test
    void aSubscriptionStoppedWhileADeliveryWaitsForItsRetryIsSentNothingMore() throws Exception {
        WebSession admin = login("admin", "demo");
        try (FakeVendor receiver = new FakeVendor()) {
            receiver.on("POST /stopped", r -> new FakeVendor.Answer(503, "{\"error\":\"busy\"}", Map.of()));
            String url = receiver.url() + "/stopped";
            long id = Json.parse(admin.sendJson(
                                    "POST",
                                    "/api/v1/integrations/subscriptions",
                                    "{\"url\":\"" + url + "\",\"events\":[\"dispute.opened\"]}")
                            .body())
                    .get("subscription")
                    .get("id")
                    .asLong();
            events.publishEvent(new org.attain.payout.DisputeOpened(43, 7, "2026-05", 3));
            assertThat(awaitDelivery(admin, "dispute.opened", url).get("status").asString())
                    .isEqualTo("PENDING");
            assertThat(receiver.seen()).hasSize(1);

            assertThat(admin.sendJson("DELETE", "/api/v1/integrations/subscriptions/" + id, null)
                            .statusCode())
                    .isEqualTo(204);
            // Its retry falls due: the receiver that was told to stop listening hears nothing more.
            dispatcher.deliverDue(clock.instant().plus(Duration.ofDays(2)));
            assertThat(receiver.seen()).hasSize(1);
        }
    }

    @Test
    void anOpenedDisputeReachesOnlyItsSubscribers() throws Exception {
        WebSession admin = login("admin", "demo");
        try (FakeVendor disputes = new FakeVendor();
                FakeVendor periods = new FakeVendor()) {
            disputes.on("POST /", r -> FakeVendor.Answer.json("{}"));
            periods.on("POST /", r -> FakeVendor.Answer.json("{}"));
            admin.sendJson(
                    "POST",
                    "/api/v1/integrations/subscriptions",
                    "{\"url\":\"" + disputes.url() + "/d\",\"events\":[\"dispute.opened\"]}");
            admin.sendJson(
                    "POST",
                    "/api/v1/integrations/subscriptions",
                    "{\"url\":\"" + periods.url() + "/p\",\"events\":[\"period.closed\"]}");

            events.publishEvent(new org.attain.payout.DisputeOpened(42, 7, "2026-05", 3));

            assertThat(awaitDelivery(admin, "dispute.opened", disputes.url() + "/d")
                            .get("status")
                            .asString())
                    .isEqualTo("DELIVERED");
            assertThat(Json.parse(disputes.seen().get(0).body())
                            .get("data")
                            .get("disputeId")
                            .asLong())
                    .isEqualTo(42);
            assertThat(periods.seen()).noneMatch(s -> s.body().contains("dispute.opened"));
        }
    }

    @Test
    void aRepQuestioningAStatementLineNotifiesDisputeSubscribers() throws Exception {
        WebSession admin = login("admin", "demo");
        var cast = new org.attain.payout.PayoutFixtures(jdbc, this::login);
        try (FakeVendor receiver = new FakeVendor()) {
            receiver.on("POST /", r -> FakeVendor.Answer.json("{}"));
            String url = receiver.url() + "/disputes";
            admin.sendJson(
                    "POST",
                    "/api/v1/integrations/subscriptions",
                    "{\"url\":\"" + url + "\",\"events\":[\"dispute.opened\"]}");

            var opened = login("rep", "demo").sendJson("POST", "/api/v1/disputes", """
                    {"personId":%d,"period":"%s","lineNo":%d,"text":"This deal closed in time."}""".formatted(
                            cast.rep, cast.quarter, cast.firstLine(cast.rep)));
            assertThat(opened.statusCode()).isEqualTo(201);
            long disputeId = Json.parse(opened.body()).get("id").asLong();

            assertThat(awaitDelivery(admin, "dispute.opened", url).get("status").asString())
                    .isEqualTo("DELIVERED");
            JsonNode data = Json.parse(receiver.seen().get(0).body()).get("data");
            assertThat(data.get("disputeId").asLong()).isEqualTo(disputeId);
            assertThat(data.get("personId").asLong()).isEqualTo(cast.rep);
        }
    }

    @Test
    void subscriptionsNeedAKnownEventAndAnAdmin() {
        var bad = login("admin", "demo")
                .sendJson(
                        "POST",
                        "/api/v1/integrations/subscriptions",
                        "{\"url\":\"https://example.com/h\",\"events\":[\"deal.won\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("events");
        assertThat(login("manager", "demo")
                        .get("/api/v1/integrations/deliveries")
                        .statusCode())
                .isEqualTo(403);
    }
}
