package org.attain.integration;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.attain.access.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns payout facts that have no Spring event of their own yet into {@link OutboundEvents}: an
 * opened dispute (audit action DISPUTE_OPENED) and a statement made final by its payout approval
 * (PAYOUT_APPROVED, which approves one exact result version). It reads the audit log through its
 * public service, from a stored position per action; on first start it begins at the newest entry,
 * so history is not replayed to subscribers. It sees the newest 200 entries per action every two
 * seconds, far more disputes and approvals than people make. When payout publishes these events
 * itself, this bridge goes.
 */
@Component
class AuditEventBridge {

    static final String DISPUTE_OPENED = "DISPUTE_OPENED";
    static final String PAYOUT_APPROVED = "PAYOUT_APPROVED";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    AuditEventBridge(AuditLog audit, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 1000)
    synchronized void poll() {
        forward(DISPUTE_OPENED);
        forward(PAYOUT_APPROVED);
    }

    private void forward(String action) {
        List<AuditLog.Entry> newest = audit.search(null, action, null, 200);
        long top = newest.stream().mapToLong(AuditLog.Entry::id).max().orElse(0);
        Long last = jdbc.sql("select last_id from integration_audit_cursor where action = :a").param("a", action)
                .query(Long.class).optional().orElse(null);
        if (last != null) {
            newest.stream().filter(e -> e.id() > last).sorted(Comparator.comparingLong(AuditLog.Entry::id))
                    .forEach(e -> events.publishEvent(toEvent(e)));
        }
        if (last == null || top > last) {
            jdbc.sql("""
                    insert into integration_audit_cursor(action, last_id) values (:a, :id)
                    on conflict (action) do update set last_id = greatest(integration_audit_cursor.last_id, excluded.last_id)""")
                    .param("a", action).param("id", top).update();
        }
    }

    private Object toEvent(AuditLog.Entry e) {
        JsonNode after = e.after() == null ? JSON.createObjectNode() : JSON.readTree(e.after());
        if (e.action().equals(DISPUTE_OPENED)) {
            return new OutboundEvents.DisputeOpened(Long.parseLong(e.entityId()), after.path("person").asLong(),
                    after.path("period").isMissingNode() ? null : after.path("period").asString(), after.path("line").isNumber() ? after.path("line").asInt() : null);
        }
        String[] personAndPeriod = e.entityId().split("/", 2);
        return new OutboundEvents.StatementPublished(Long.parseLong(personAndPeriod[0]), personAndPeriod[1],
                after.path("resultId").asLong(), e.at().atZone(ZoneOffset.UTC).toLocalDate());
    }
}
