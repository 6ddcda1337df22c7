package org.attain.sales;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes transactions, always in the caller's transaction: an import's staged rows upserted by
 * (source, external id) with versions, the versions it replaced read back for the audit, and
 * {@link TransactionsChanged} published once the import has committed.
 *
 * <p>Shaped for a million rows in one transaction (see the Import section of docs/benchmarks.md):
 * one hash join instead of a per-row ON CONFLICT probe; a first load of a source inserts straight
 * from the stage, and a big load into a smaller table builds the secondary indexes afresh afterwards.
 * Imports of the same source take turns (a transaction-scoped advisory lock), so what the join saw as
 * new is still new when it is inserted. The years of the staged rows get their partitions of
 * sales_transaction first ({@link TransactionPartitions}), in the import's transaction.
 */
@Component
public class TransactionWrites {

    private static final Logger log = LoggerFactory.getLogger(TransactionWrites.class);

    /** What the upsert did: counts plus the people and close dates whose pay may have changed. */
    public record Changes(
            long inserted,
            long updated,
            Set<Long> personIds,
            LocalDate earliest,
            LocalDate latest,
            Set<Long> accountIds) {}

    /** A stored transaction an import replaced: its id, the replaced version, and both as JSON rows. */
    public record Replaced(String externalId, int version, String before, String after) {}

    /** From this many new rows on, a load into a smaller table rebuilds the secondary indexes instead of updating them. */
    public static final long BULK_ROWS = 100_000;

    /** Up to this many changed rows the match is not analysed (see the stage's ANALYZE in ingest). */
    private static final long ANALYZE_FROM = 100;

    /** The compared columns: a row whose values all match the stored ones counts as unchanged. */
    public static final String VALUES =
            "kind, status, owner_id, close_date, amount, currency, deal_type, product_code, "
                    + "term_months, account_id, splits, attributes, refers_to";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionPartitions partitions;

    TransactionWrites(JdbcClient jdbc, ApplicationEventPublisher events, TransactionPartitions partitions) {
        this.jdbc = jdbc;
        this.events = events;
        this.partitions = partitions;
    }

    /**
     * Upserts the good rows (those without problems) of {@code stage} into the transactions: new rows
     * inserted, changed ones versioned and updated, unchanged ones not written. Runs in the caller's
     * transaction (an import commits or rolls back as a whole). The stage is a table of the caller's
     * connection with {@code row_no}, {@code external_id}, {@code problems} and the value columns of
     * sales_transaction ({@value #VALUES}).
     *
     * @param goodRows how many rows of the stage have no problems, or -1 to count them
     */
    public Changes applyStaged(String stage, long importId, String source, Instant now, long goodRows) {
        if (!stage.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a stage table: " + stage);
        }
        Upsert upsert = new Upsert(stage, importId, source, Timestamp.from(now));
        upsert.takeTurnWithTheSource();
        // Before anything is written: the years of the rows get their partitions (a changed close date moves a row).
        partitions.ensureYearsOfStage(stage);
        upsert.match(goodRows);
        upsert.versionAndUpdateChanged();
        upsert.insertNew();
        return upsert.touched();
    }

    /** One upsert of a stage, step by step in this order; each step logs its time (debug). */
    private final class Upsert {

        private final String stage;
        private final long importId;
        private final String source;
        private final Timestamp at;
        private long fresh;
        private long changed;
        private boolean allNew;

        Upsert(String stage, long importId, String source, Timestamp at) {
            this.stage = stage;
            this.importId = importId;
            this.source = source;
            this.at = at;
        }

        /** Imports of the same source take turns, so what the match sees as new is still new when inserted. */
        void takeTurnWithTheSource() {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('attain.ingest.source'), hashtext(:source))")
                    .param("source", source)
                    .query((rs, n) -> 1)
                    .single();
        }

        /** Every good row that is new (no stored row) or changed (values differ); unchanged rows drop out here. */
        void match(long goodRows) {
            long good = goodRows >= 0
                    ? goodRows
                    : jdbc.sql("select count(*) from " + stage + " where problems is null")
                            .query(Long.class)
                            .single();
            timed(
                    "match",
                    () -> jdbc.sql("""
                    create temp table sales_stage_match on commit drop as
                    select s.row_no, t.id as transaction_id
                    from {stage} s left join sales_transaction t on t.source = :source and t.external_id = s.external_id
                    where s.problems is null and (t.id is null or (%1$s) is distinct from (%2$s))
                    """.formatted(prefixed("t"), prefixed("s")).replace("{stage}", stage))
                            .param("source", source)
                            .update());
            long[] counts = jdbc.sql("""
                    select count(*) filter (where transaction_id is null), count(*) filter (where transaction_id is not null)
                    from sales_stage_match""")
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            fresh = counts[0];
            changed = counts[1];
            allNew = fresh == good;
        }

        /** A changed row keeps its previous values as a version and is updated in place. */
        void versionAndUpdateChanged() {
            if (changed == 0) {
                return;
            }
            if (changed >= ANALYZE_FROM) {
                jdbc.sql("analyze sales_stage_match").update();
            }
            timed(
                    "versions",
                    () -> jdbc.sql("""
                    insert into sales_transaction_version(transaction_id, version, source, external_id, %1$s, valid_until,
                                                          replaced_by_import)
                    select t.id, t.version, t.source, t.external_id, %2$s, :at, :id
                    from sales_stage_match m join sales_transaction t on t.id = m.transaction_id""".formatted(VALUES, prefixed("t")))
                            .param("at", at)
                            .param("id", importId)
                            .update());
            timed(
                    "update",
                    () -> jdbc.sql("""
                    update sales_transaction t set %1$s, version = t.version + 1, updated_at = :at
                    from sales_stage_match m join {stage} s on s.row_no = m.row_no
                    where t.id = m.transaction_id""".formatted(assignments("s")).replace("{stage}", stage))
                            .param("at", at)
                            .update());
        }

        /** New rows inserted; a big load into a smaller table builds the secondary indexes afresh afterwards. */
        void insertNew() {
            if (fresh == 0) {
                return;
            }
            List<String> rebuild = fresh >= BULK_ROWS && tableSmallerThan(fresh) ? dropSecondaryIndexes() : List.of();
            // A first load of a source (every good row new) needs no join back to the match.
            String from = allNew
                    ? "%1$s s where s.problems is null".formatted(stage)
                    : "%1$s s join sales_stage_match m on m.row_no = s.row_no where m.transaction_id is null"
                            .formatted(stage);
            timed(
                    "insert",
                    () -> jdbc.sql("""
                    insert into sales_transaction (source, external_id, %1$s, version, updated_at)
                    select :source, s.external_id, %2$s, 1, :at from %3$s""".formatted(VALUES, prefixed("s"), from))
                            .param("source", source)
                            .param("at", at)
                            .update());
            if (!rebuild.isEmpty()) {
                timed("rebuild " + rebuild.size() + " indexes", () -> {
                    jdbc.sql("set local maintenance_work_mem = '256MB'").update();
                    rebuild.forEach(definition -> jdbc.sql(definition).update());
                    return rebuild.size();
                });
            }
        }

        /** The counts, and the people and close dates whose pay may have changed: before and after each write. */
        Changes touched() {
            if (fresh + changed == 0) {
                return new Changes(0, 0, Set.of(), null, null, Set.of());
            }
            String written = allNew
                    ? "%1$s s where s.problems is null".formatted(stage)
                    : "%1$s s join sales_stage_match m on m.row_no = s.row_no".formatted(stage);
            return timed(
                    "touched",
                    () -> jdbc.sql("""
                    with touched as materialized (
                        select s.owner_id, s.account_id, s.close_date, s.splits from %1$s
                        union all
                        select owner_id, account_id, close_date, splits
                        from sales_transaction_version where replaced_by_import = :id
                    )
                    select (select min(close_date) from touched) as earliest, (select max(close_date) from touched) as latest,
                           array(select owner_id from touched where owner_id is not null
                                 union
                                 select p from touched, unnest(split_person_ids(splits)) p where splits is not null and p is not null) as people,
                           array(select distinct account_id from touched where account_id is not null) as accounts
                                 """.formatted(written))
                            .param("id", importId)
                            .query((rs, n) -> {
                                Set<Long> ids = new HashSet<>();
                                Array people = rs.getArray("people");
                                if (people != null) {
                                    for (Object id : (Object[]) people.getArray()) {
                                        ids.add(((Number) id).longValue());
                                    }
                                }
                                Set<Long> accounts = new HashSet<>();
                                Array accountIds = rs.getArray("accounts");
                                if (accountIds != null) {
                                    for (Object id : (Object[]) accountIds.getArray()) {
                                        accounts.add(((Number) id).longValue());
                                    }
                                }
                                return new Changes(
                                        fresh,
                                        changed,
                                        ids,
                                        rs.getObject("earliest", LocalDate.class),
                                        rs.getObject("latest", LocalDate.class),
                                        accounts);
                            })
                            .single());
        }
    }

    /**
     * Whether the table holds fewer rows than the load adds: then building its secondary indexes
     * afresh (one sort each) is cheaper than a million random index insertions. Counting stops at
     * {@code rows}, so a big table is not counted through.
     */
    private boolean tableSmallerThan(long rows) {
        return jdbc.sql("select count(*) from (select 1 from sales_transaction limit :n) t")
                        .param("n", rows)
                        .query(Long.class)
                        .single()
                < rows;
    }

    /**
     * Drops the indexes of sales_transaction that back no constraint and returns their definitions.
     * The drop locks the table until the import commits, so readers wait for a big first load (the
     * only case this is used for) instead of slowing every row of it; a rollback brings them back.
     * The table is partitioned: its indexes are defined on the parent, and built again on every partition.
     */
    private List<String> dropSecondaryIndexes() {
        List<String[]> indexes = jdbc.sql("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = 'sales_transaction'::regclass
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
        }
        return indexes.stream().map(index -> onEveryPartition(index[1])).toList();
    }

    /**
     * A partitioned index's definition as PostgreSQL prints it says {@code ON ONLY} (the parent alone, as pg_dump
     * restores it); run again it must build the index on every partition too.
     */
    public static String onEveryPartition(String indexDefinition) {
        return indexDefinition.replaceFirst(" ON ONLY ", " ON ");
    }

    /**
     * Marks the good rows of {@code stage} whose {@code refers_to} names no transaction of {@code source}, stored or
     * among the stage's good rows, with a problem on {@code column} (the file's column for refers_to); returns how
     * many. A return is never loaded without its deal: it would claw back nothing and count nowhere.
     */
    public long markUnknownOriginals(String stage, String source, String column) {
        if (!stage.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a stage table: " + stage);
        }
        return jdbc.sql("""
                update {stage} s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.refers_to,
                        'reason', 'refers to transaction ' || s.refers_to || ', which is not in source '
                                  || cast(:source as text) || ' nor in this file; load the original deal first',
                        'suggestion', null))
                where s.problems is null and s.refers_to is not null
                  and not exists (select 1 from sales_transaction t where t.source = :source and t.external_id = s.refers_to)
                  and not exists (select 1 from {stage} o where o.problems is null and o.external_id = s.refers_to
                                  and o.refers_to is null)""".replace("{stage}", stage))
                .param("source", source)
                .param("column", column)
                .update();
    }

    /**
     * Returns that would take back more than their deal's amount get a problem naming {@code column}: the deal's
     * amount against what its returns add up to (those stored under other ids, and every one in this file). A
     * partial return is fine; a deal returned twice over is refused before the run could claw back twice. Rows
     * already refused keep their first reason. Counts the rows marked.
     */
    public long markOverReturns(String stage, String source, String column) {
        if (!stage.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a stage table: " + stage);
        }
        return jdbc.sql("""
                with deal as (
                    select s.refers_to as id,
                           coalesce((select abs(o.amount) from {stage} o where o.problems is null and o.external_id = s.refers_to
                                     and o.refers_to is null limit 1),
                                    (select abs(t.amount) from sales_transaction t where t.source = :source
                                     and t.external_id = s.refers_to)) as amount,
                           sum(abs(s.amount)) as in_file
                    from {stage} s where s.problems is null and s.refers_to is not null group by s.refers_to),
                stored as (
                    select d.id, coalesce(sum(abs(t.amount)), 0) as returned
                    from deal d left join sales_transaction t on t.source = :source and t.refers_to = d.id
                        and not exists (select 1 from {stage} s where s.external_id = t.external_id)
                    group by d.id)
                update {stage} s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.refers_to,
                        'reason', 'the returns of transaction ' || s.refers_to || ' add up to '
                                  || (d.in_file + st.returned)::numeric(19,2) || ', more than its amount '
                                  || d.amount::numeric(19,2) || '; a deal cannot be returned more than once over',
                        'suggestion', null))
                from deal d join stored st on st.id = d.id
                where s.problems is null and s.refers_to = d.id and d.amount is not null
                  and d.in_file + st.returned > d.amount""".replace("{stage}", stage))
                .param("source", source)
                .param("column", column)
                .update();
    }

    /** The versions import {@code importId} replaced, in transaction order, each with the row that replaced it. */
    public void replacedBy(long importId, Consumer<Replaced> each) {
        jdbc.sql("""
                select v.external_id, v.version, row_to_json(v)::text as before, row_to_json(t)::text as after
                from sales_transaction_version v join sales_transaction t on t.id = v.transaction_id
                where v.replaced_by_import = :id order by v.transaction_id""")
                .param("id", importId)
                .query((rs, n) -> {
                    each.accept(new Replaced(
                            rs.getString("external_id"),
                            rs.getInt("version"),
                            rs.getString("before"),
                            rs.getString("after")));
                    return 0;
                })
                .list();
    }

    /** After the import committed: tells the calculation (and anyone listening) whose pay may have moved. */
    public void announce(Changes changes, long importId) {
        if (changes != null && changes.inserted() + changes.updated() > 0) {
            events.publishEvent(new TransactionsChanged(
                    changes.personIds(), changes.earliest(), changes.latest(), importId, changes.accountIds()));
        }
    }

    private static <T> T timed(String step, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        log.debug("import step {}: {} ms", step, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String prefixed(String alias) {
        return String.join(
                ", ",
                Arrays.stream(VALUES.split(", ")).map(c -> alias + "." + c).toList());
    }

    private static String assignments(String alias) {
        return String.join(
                ", ",
                Arrays.stream(VALUES.split(", "))
                        .map(c -> c + " = " + alias + "." + c)
                        .toList());
    }
}
