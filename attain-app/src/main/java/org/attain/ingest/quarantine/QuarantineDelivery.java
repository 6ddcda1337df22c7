package org.attain.ingest.quarantine;

import java.util.Collection;
import java.util.List;
import org.attain.ingest.Imports;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.ProfileException;
import org.attain.ingest.records.RecordKind;
import org.attain.ingest.records.RecordKinds;
import org.attain.ingest.transactions.TransactionFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves quarantined rows by themselves when a later load delivers their key: the same source and
 * external id for transactions, the same natural key (and source, where the kind is kept per source)
 * for other records. Every load path (file, replay, bulk API, webhook, connector) runs through
 * {@link Imports}, which calls this inside the load's transaction, so the mark commits with the data.
 * One statement per load: transactions join the staged keys, records send theirs as one JSON array.
 * Only earlier imports' rows are resolved (a later load delivers them), never a dry run's, and never
 * the rows a replay resolves itself (they are fixed, not delivered).
 */
@Component
public class QuarantineDelivery {

    private static final Logger log = LoggerFactory.getLogger(QuarantineDelivery.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    QuarantineDelivery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After the staged transactions of {@code run} are loaded: resolves open rows whose id this load delivered. */
    public void transactions(Imports.Run run) {
        // One index probe first: most loads meet no open quarantine of their source, and then skip the join.
        boolean any = jdbc.sql("""
                select exists (select 1 from ingest_quarantine where status = 'OPEN' and record_type = :record
                               and source = :source and import_id < :id)""")
                .param("record", RecordKinds.TRANSACTIONS)
                .param("source", run.profile().source())
                .param("id", run.id())
                .query(Boolean.class)
                .single();
        if (!any) {
            return;
        }
        int delivered = jdbc.sql("""
                update ingest_quarantine q set status = 'DELIVERED', resolved_by = :id
                from ingest_stage s
                where q.status = 'OPEN' and q.record_type = :record and q.source = :source and q.import_id < :id
                  and q.import_id <> :replayOf and q.record_key = s.external_id and s.problems is null""")
                .param("id", run.id())
                .param("record", RecordKinds.TRANSACTIONS)
                .param("source", run.profile().source())
                .param("replayOf", run.replayOf() == null ? -1L : run.replayOf())
                .update();
        log.debug("import {} delivered {} quarantined rows", run.id(), delivered);
    }

    /** After records of {@code kind} are upserted: resolves open rows with one of the delivered natural keys. */
    public void records(Imports.Run run, RecordKind kind, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update ingest_quarantine q set status = 'DELIVERED', resolved_by = :id
                where q.status = 'OPEN' and q.record_type = :record and (not :scoped or q.source = :source)
                  and q.import_id < :id and q.import_id <> :replayOf
                  and q.record_key in (select jsonb_array_elements_text(cast(:keys as jsonb)))""")
                .param("id", run.id())
                .param("record", kind.name())
                .param("scoped", kind.sourceScoped())
                .param("source", run.profile().source())
                .param("replayOf", run.replayOf() == null ? -1L : run.replayOf())
                .param("keys", JSON.writeValueAsString(keys))
                .update();
    }

    /**
     * Open transaction rows quarantined before rows kept their key get it once, read from their cells with the
     * profile their import used ('' when the row has no id), so the quarantine an admin already has resolves too.
     */
    @EventListener(ApplicationReadyEvent.class)
    void keyOlderRows() {
        List<Long> imports = jdbc.sql("""
                select distinct q.import_id from ingest_quarantine q join ingest_import i on i.id = q.import_id
                where q.status = 'OPEN' and q.record_key is null and q.raw is not null and q.record_type = :record
                  and not i.dry_run""")
                .param("record", RecordKinds.TRANSACTIONS)
                .query(Long.class)
                .list();
        for (long importId : imports) {
            var profile = jdbc.sql("select profile_name, profile_yaml from ingest_import where id = :id")
                    .param("id", importId)
                    .query()
                    .singleRow();
            String column;
            try {
                column = ImportProfile.parse((String) profile.get("profile_name"), (String) profile.get("profile_yaml"))
                        .columns()
                        .getOrDefault(TransactionFields.EXTERNAL_ID, TransactionFields.EXTERNAL_ID);
            } catch (ProfileException e) {
                continue; // a profile this version no longer reads: its rows stay open until fixed or dismissed
            }
            jdbc.sql("""
                    update ingest_quarantine q
                    set record_key = coalesce((select nullif(btrim(c.value), '') from jsonb_each_text(q.raw) c
                                               where lower(c.key) = lower(:column) limit 1), '')
                    where q.import_id = :id and q.status = 'OPEN' and q.record_key is null and q.raw is not null
                    """).param("column", column).param("id", importId).update();
        }
    }
}
