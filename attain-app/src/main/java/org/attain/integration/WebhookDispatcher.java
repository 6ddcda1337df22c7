package org.attain.integration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.attain.calendar.PeriodClosed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks: an event becomes one delivery row per subscriber inside the publishing
 * transaction, just before it commits (an outbox: nothing is sent for a change that rolled back, and
 * a process killed right after the commit still has the row to send at its next start), and
 * deliveries are POSTed signed like inbound ones once it has committed. Delivery is at least once:
 * a process killed after a receiver answered but before the row was marked sends it again, with the
 * same event id in X-Attain-Delivery. A failed attempt is retried with doubling waits
 * (30 s, 1 min, 2 min, ...) until {@link #MAX_ATTEMPTS}, then marked FAILED; the row is the log.
 */
@Service
public class WebhookDispatcher {

    static final int MAX_ATTEMPTS = 8;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Delivery(
            long id,
            long subscriptionId,
            String url,
            String event,
            String eventId,
            String status,
            int attempts,
            Instant nextAttemptAt,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}

    private final JdbcClient jdbc;
    private final WebhookSubscriptions subscriptions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-sender");
        t.setDaemon(true);
        return t;
    });

    WebhookDispatcher(JdbcClient jdbc, WebhookSubscriptions subscriptions, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.transactions = new TransactionTemplate(tx);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(PeriodClosed e) {
        enqueue(
                "period.closed",
                Map.of(
                        "periodId",
                        e.periodId(),
                        "kind",
                        e.kind().name(),
                        "startsOn",
                        e.startsOn().toString(),
                        "endsOn",
                        e.endsOn().toString(),
                        "closedAt",
                        e.closedAt().toString(),
                        "closedBy",
                        e.closedBy()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(org.attain.payout.PayoutApproved e) {
        // An approved payout is the statement that will be paid: that is what "published" means here.
        enqueue(
                "statement.published",
                Map.of(
                        "personId",
                        e.personId(),
                        "periodId",
                        e.periodId(),
                        "resultId",
                        e.resultId(),
                        "publishedOn",
                        e.approvedOn().toString()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(org.attain.payout.DisputeOpened e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("disputeId", e.disputeId());
        data.put("personId", e.personId());
        data.put("periodId", e.periodId());
        data.put("lineNo", e.lineNo());
        enqueue("dispute.opened", data);
    }

    /** One delivery per active subscriber, all carrying the same event id so receivers can de-duplicate. */
    void enqueue(String event, Map<String, ?> data) {
        List<Long> subscribers = subscriptions.subscribersOf(event);
        if (subscribers.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId.toString());
        payload.put("event", event);
        payload.put("occurredAt", now.toString());
        payload.put("data", data);
        String json = JSON.writeValueAsString(payload);
        for (long subscription : subscribers) {
            jdbc.sql("""
                    insert into integration_delivery(subscription_id, event, event_id, payload, status, next_attempt_at, created_at)
                    values (:s, :e, :id, cast(:p as jsonb), 'PENDING', :at, :at)""")
                    .param("s", subscription)
                    .param("e", event)
                    .param("id", eventId)
                    .param("p", json)
                    .param("at", Timestamp.from(now))
                    .update();
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.execute(() -> deliverDue(clock.instant()));
                }
            });
        } else {
            sender.execute(() -> deliverDue(clock.instant()));
        }
    }

    /** On one node at a time when several serve the database (deliveries are claimed row by row besides). */
    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    @SchedulerLock(name = "integration.webhook-retries", lockAtMostFor = "PT5M")
    void retry() {
        deliverDue(clock.instant());
    }

    /**
     * Attempts every pending delivery due at {@code now}; rows are locked so two senders never send one twice. A
     * subscription deactivated meanwhile is sent nothing more: its receiver was told to stop listening.
     */
    synchronized int deliverDue(Instant now) {
        int attempted = 0;
        while (true) {
            Boolean sent = transactions.execute(tx -> {
                var due =
                        jdbc.sql("""
                        select d.id, d.subscription_id, s.url, d.event, d.event_id::text, d.payload::text as payload, d.attempts
                        from integration_delivery d join integration_subscription s on s.id = d.subscription_id
                        where d.status = 'PENDING' and d.next_attempt_at <= :now and s.active
                        order by d.next_attempt_at, d.id limit 1 for update of d skip locked""").param("now", Timestamp.from(now)).query().listOfRows();
                if (due.isEmpty()) {
                    return false;
                }
                var row = due.get(0);
                attempt(
                        ((Number) row.get("id")).longValue(),
                        ((Number) row.get("subscription_id")).longValue(),
                        (String) row.get("url"),
                        (String) row.get("event"),
                        (String) row.get("event_id"),
                        (String) row.get("payload"),
                        ((Number) row.get("attempts")).intValue(),
                        now);
                return true;
            });
            if (!Boolean.TRUE.equals(sent)) {
                return attempted;
            }
            attempted++;
        }
    }

    private void attempt(
            long id,
            long subscription,
            String url,
            String event,
            String eventId,
            String payload,
            int attempts,
            Instant now) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        Integer code = null;
        String error = null;
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Attain-Webhooks/1")
                            .header(Signatures.EVENT, event)
                            .header(Signatures.DELIVERY, eventId)
                            .header(Signatures.TIMESTAMP, String.valueOf(ts))
                            .header(Signatures.SIGNATURE, Signatures.sign(subscriptions.secret(subscription), ts, body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            code = response.statusCode();
            if (code / 100 != 2) {
                error = "answered " + code;
            }
        } catch (java.io.IOException e) {
            error = "could not connect: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int tried = attempts + 1;
        String status = error == null ? "DELIVERED" : tried >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        Instant next = "PENDING".equals(status) ? now.plus(FIRST_RETRY.multipliedBy(1L << (tried - 1))) : null;
        jdbc.sql("""
                update integration_delivery set status = :status, attempts = :n, next_attempt_at = :next, last_status_code = :code,
                    last_error = :error, delivered_at = :delivered where id = :id""")
                .param("status", status)
                .param("n", tried)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("code", code)
                .param("error", error)
                .param("delivered", error == null ? Timestamp.from(clock.instant()) : null)
                .param("id", id)
                .update();
    }

    public List<Delivery> recent(int limit) {
        return jdbc.sql("""
                select d.id, d.subscription_id, s.url, d.event, d.event_id::text as event_id, d.status, d.attempts, d.next_attempt_at,
                       d.last_status_code, d.last_error, d.created_at, d.delivered_at
                from integration_delivery d join integration_subscription s on s.id = d.subscription_id
                order by d.id desc limit :n""").param("n", limit).query(Delivery.class).list();
    }
}
