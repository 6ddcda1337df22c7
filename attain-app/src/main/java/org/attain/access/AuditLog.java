package org.attain.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.attain.platform.PageRequest;
import org.attain.platform.Paged;
import org.attain.platform.SearchText;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail (who, what, when, before/after). Every capability writes here;
 * the table itself refuses updates and deletes.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate ownTransaction;

    AuditLog(
            JdbcClient jdbc,
            DataSource dataSource,
            JsonMapper json,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.json = json;
        this.clock = clock;
    }

    public void record(String actor, String action, String entityType, String entityId, Object before, Object after) {
        record(actor, action, entityType, entityId, before, after, null);
    }

    public void record(
            String actor,
            String action,
            String entityType,
            String entityId,
            Object before,
            Object after,
            String detail) {
        jdbc.sql("""
                insert into audit_log(at, actor, action, entity_type, entity_id, before, after, detail)
                values (:at, :actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb), :detail)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .param("detail", detail)
                .update();
    }

    /**
     * The same as {@link #record}, committed on its own: for a refusal, which the caller's transaction
     * then rolls back when it throws, and which must stay on record all the same.
     */
    public void recordIndependently(
            String actor, String action, String entityType, String entityId, Object after, String detail) {
        ownTransaction.executeWithoutResult(status -> record(actor, action, entityType, entityId, null, after, detail));
    }

    /** One entity's change among many written by one action (e.g. the changed rows of an import). */
    public record Change(String entityType, String entityId, Object before, Object after) {}

    /**
     * The same as {@link #record} once per change, in one batch: an import that changes 10,000 rows
     * would otherwise spend most of its time on 10,000 round trips for their audit entries.
     */
    public void recordAll(String actor, String action, List<Change> changes, String detail) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(clock.instant());
        named.batchUpdate(
                """
                insert into audit_log(at, actor, action, entity_type, entity_id, before, after, detail)
                values (:at, :actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb), :detail)""",
                changes.stream()
                        .map(c -> new MapSqlParameterSource()
                                .addValue("at", at)
                                .addValue("actor", actor)
                                .addValue("action", action)
                                .addValue("type", c.entityType())
                                .addValue("id", c.entityId())
                                .addValue("before", c.before() == null ? null : json.writeValueAsString(c.before()))
                                .addValue("after", c.after() == null ? null : json.writeValueAsString(c.after()))
                                .addValue("detail", detail))
                        .toArray(MapSqlParameterSource[]::new));
    }

    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String entityType,
            String entityId,
            String before,
            String after,
            String detail) {}

    /** Newest first, optionally filtered by actor, action or entity type (blank = any). */
    public List<Entry> search(String actor, String action, String entityType, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, entity_type, entity_id, before::text as before, after::text as after, detail
                from audit_log
                where (:actor = '' or actor = :actor)
                  and (:action = '' or action = :action)
                  and (:type = '' or entity_type = :type)
                order by at desc, id desc limit :limit""")
                .param("actor", blankIfNull(actor))
                .param("action", blankIfNull(action))
                .param("type", blankIfNull(entityType))
                .param("limit", limit)
                .query(Entry.class)
                .list();
    }

    /**
     * One page, newest first, filtered like {@link #search(String, String, String, int)} and by a
     * search text {@code q} found in who, what, the entity or the note (blank = any).
     */
    public Paged<Entry> search(String actor, String action, String entityType, String q, PageRequest page) {
        String where = """
                where (:actor = '' or actor = :actor)
                  and (:action = '' or action = :action)
                  and (:type = '' or entity_type = :type)
                  and (:q = '' or actor ilike :like or action ilike :like or entity_type ilike :like
                       or entity_id ilike :like or detail ilike :like)""";
        String text = SearchText.of(q);
        String like = SearchText.like(q);
        long total = jdbc.sql("select count(*) from audit_log " + where)
                .param("actor", blankIfNull(actor))
                .param("action", blankIfNull(action))
                .param("type", blankIfNull(entityType))
                .param("q", text)
                .param("like", like)
                .query(Long.class)
                .single();
        List<Entry> rows = jdbc.sql("""
                select id, at, actor, action, entity_type, entity_id, before::text as before, after::text as after, detail
                from audit_log""" + " " + where + " order by at desc, id desc limit :limit offset :offset")
                .param("actor", blankIfNull(actor))
                .param("action", blankIfNull(action))
                .param("type", blankIfNull(entityType))
                .param("q", text)
                .param("like", like)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(Entry.class)
                .list();
        return Paged.of(rows, page, total);
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.trim();
    }
}
