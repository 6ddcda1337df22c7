package org.attain.integration;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.attain.platform.InstanceLease;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of inbound deliveries, one row per (source, delivery id): claimed before the change is
 * applied, then holding the answer that a repeat gets. A claim names its instance (the session
 * setting behind {@link InstanceLease}); when the instance that claimed a delivery was killed while
 * applying it, the claim stays "processing" and the sender's retry takes it over and applies it,
 * instead of being told it was done. A claim of this instance that no request of it is applying any more
 * (the apply failed while the database was down, so the claim could not be freed either) is taken over
 * too. While a request is applying it, or another live instance holds the claim, a repeat is told to
 * come back.
 */
@Component
public class WebhookClaims {

    /** What a delivery id's claim found. */
    public enum Claim {
        /** Not seen before: apply it. */
        NEW,
        /** Claimed by an instance that is gone before it recorded an answer: apply it again. */
        TAKEN_OVER,
        /** Applied before: answer with {@link #answer}. */
        ANSWERED,
        /** Being applied by a live instance right now: the sender should retry later. */
        IN_FLIGHT
    }

    static final String PROCESSING = "{\"status\":\"processing\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final InstanceLease lease;
    private final Clock clock;
    /** The deliveries requests of this instance are applying now: a claim of this instance not here is left over. */
    private final Set<String> applying = ConcurrentHashMap.newKeySet();

    WebhookClaims(JdbcClient jdbc, PlatformTransactionManager transactions, InstanceLease lease, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.lease = lease;
        this.clock = clock;
    }

    /** Claims the delivery id, on its own transaction, so a repeat (even a concurrent one) sees the claim. */
    public Claim claim(String source, String delivery, String event) {
        Claim claim = tx.execute(status -> {
            int fresh = jdbc.sql("""
                    insert into integration_webhook_delivery(source, delivery_id, event, received_at, outcome)
                    values (:s, :d, :e, :at, cast(:o as jsonb)) on conflict do nothing""")
                    .param("s", source)
                    .param("d", delivery)
                    .param("e", event)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("o", PROCESSING)
                    .update();
            return fresh == 1 ? Claim.NEW : takeOver(source, delivery);
        });
        if (claim == Claim.NEW || claim == Claim.TAKEN_OVER) {
            applying.add(key(source, delivery));
        }
        return claim == null ? Claim.IN_FLIGHT : claim;
    }

    private static String key(String source, String delivery) {
        return source + '\u0000' + delivery;
    }

    private Claim takeOver(String source, String delivery) {
        record Row(Integer instance, String status) {}
        Optional<Row> row = jdbc.sql("""
                select instance_key, outcome->>'status' from integration_webhook_delivery
                where source = :s and delivery_id = :d for update""")
                .param("s", source)
                .param("d", delivery)
                .query((rs, n) -> new Row(rs.getObject(1, Integer.class), rs.getString(2)))
                .optional();
        if (row.isEmpty()) {
            // freed by a failed attempt between the insert and this read: the sender's next try claims it anew
            return Claim.IN_FLIGHT;
        }
        if (!"processing".equals(row.get().status())) {
            return Claim.ANSWERED;
        }
        Integer owner = row.get().instance();
        boolean mine = owner != null && owner == lease.key();
        if (mine ? applying.contains(key(source, delivery)) : owner != null && !InstanceLease.gone(jdbc, owner)) {
            return Claim.IN_FLIGHT;
        }
        jdbc.sql("""
                update integration_webhook_delivery set instance_key = default, received_at = :at
                where source = :s and delivery_id = :d""")
                .param("at", Timestamp.from(clock.instant()))
                .param("s", source)
                .param("d", delivery)
                .update();
        return Claim.TAKEN_OVER;
    }

    /** Frees the delivery id after an attempt that applied nothing, so the sender's retry is processed. */
    public void release(String source, String delivery) {
        applying.remove(key(source, delivery));
        jdbc.sql("delete from integration_webhook_delivery where source = :s and delivery_id = :d")
                .param("s", source)
                .param("d", delivery)
                .update();
    }

    /** Records the answer that a repeat of the delivery gets. */
    public void answer(String source, String delivery, Map<String, Object> outcome) {
        applying.remove(key(source, delivery));
        jdbc.sql(
                        "update integration_webhook_delivery set outcome = cast(:o as jsonb) where source = :s and delivery_id = :d")
                .param("o", JSON.writeValueAsString(outcome))
                .param("s", source)
                .param("d", delivery)
                .update();
    }

    /** The answer recorded for an applied delivery. */
    public String answer(String source, String delivery) {
        return jdbc.sql("select outcome::text from integration_webhook_delivery where source = :s and delivery_id = :d")
                .param("s", source)
                .param("d", delivery)
                .query(String.class)
                .single();
    }
}
