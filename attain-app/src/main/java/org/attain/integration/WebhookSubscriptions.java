package org.attain.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.attain.access.AuditLog;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.platform.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who wants to hear about what: outbound webhook subscriptions, each with its own signing secret. */
@Service
public class WebhookSubscriptions {

    public static final Set<String> EVENTS = Set.of("statement.published", "period.closed", "dispute.opened");

    public record Subscription(
            long id, String url, List<String> events, boolean active, Instant createdAt, String createdBy) {}

    public record Created(Subscription subscription, String secret) {}

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final AuditLog audit;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, SecretBox box, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Created create(String url, List<String> events, String actor) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException(new FieldProblem("url", "integration.url", "is required"));
        }
        ConnectorSettings.checkUrl("url", url.trim());
        if (events == null || events.isEmpty() || !EVENTS.containsAll(events)) {
            throw new InvalidInputException(new FieldProblem(
                    "events",
                    "integration.events",
                    "name one or more of "
                            + String.join(", ", EVENTS.stream().sorted().toList())));
        }
        String secret = SecretBox.newSecret();
        long id = jdbc.sql("""
                insert into integration_subscription(url, events, secret_enc, created_at, created_by)
                values (:url, :events, :enc, :at, :by) returning id""")
                .param("url", url.trim())
                .param("events", events.stream().distinct().sorted().toArray(String[]::new))
                .param("enc", box.encrypt(secret))
                .param("at", Timestamp.from(clock.instant()))
                .param("by", actor)
                .query(Long.class)
                .single();
        audit.record(
                actor,
                "WEBHOOK_SUBSCRIBED",
                "webhook_subscription",
                String.valueOf(id),
                null,
                java.util.Map.of("url", url.trim(), "events", events));
        return new Created(find(id), secret);
    }

    @Transactional
    public void deactivate(long id, String actor) {
        if (jdbc.sql("update integration_subscription set active = false where id = :id")
                        .param("id", id)
                        .update()
                == 0) {
            throw new NotFoundException("webhook subscription", id);
        }
        audit.record(actor, "WEBHOOK_UNSUBSCRIBED", "webhook_subscription", String.valueOf(id), null, null);
    }

    Subscription find(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("webhook subscription", id));
    }

    public List<Subscription> list() {
        return jdbc.sql(SELECT + " order by id").query(this::map).list();
    }

    /** The active subscriptions to an event, with their secrets, for the dispatcher. */
    List<Long> subscribersOf(String event) {
        return jdbc.sql("select id from integration_subscription where active and :e = any(events) order by id")
                .param("e", event)
                .query(Long.class)
                .list();
    }

    String secret(long id) {
        return box.decrypt(jdbc.sql("select secret_enc from integration_subscription where id = :id")
                .param("id", id)
                .query(String.class)
                .single());
    }

    private static final String SELECT =
            "select id, url, events, active, created_at, created_by from integration_subscription";

    private Subscription map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getString("url"),
                List.of((String[]) rs.getArray("events").getArray()),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
