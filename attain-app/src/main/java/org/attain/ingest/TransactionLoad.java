package org.attain.ingest;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based half of an import, run inside the import's transaction after the rows are staged:
 * duplicates within the file, quarantine, then one join of the staged rows with the stored ones
 * that sorts every good row into new, changed or unchanged. New rows are inserted, changed rows keep
 * their previous version and are updated, unchanged rows are not written at all.
 *
 * <p>Shaped for a million rows in one transaction (see the Import section of docs/benchmarks.md):
 * one hash join instead of a per-row ON CONFLICT probe; a first load of a source inserts straight
 * from the stage, and a big load into a smaller table builds the secondary indexes afresh afterwards;
 * duplicates are found by hashing, not by sorting the stage. Imports of the same
 * source take turns (a transaction-scoped advisory lock), so what the join saw as new is still new
 * when it is inserted.
 */
final class TransactionLoad {

    private static final Logger log = LoggerFactory.getLogger(TransactionLoad.class);

    /** What the upsert did: counts plus the people and close dates whose pay may have changed. */
    record Changes(long inserted, long updated, Set<Long> personIds, LocalDate earliest, LocalDate latest) {
    }

    /** The compared columns: a row whose values all match the stored ones counts as unchanged. */
    /** From this many new rows on, a load into a smaller table rebuilds the secondary indexes instead of updating them. */
    static final long BULK_ROWS = 100_000;

    private static final String VALUES = "kind, status, owner_id, close_date, amount, currency, deal_type, product_code, "
            + "term_months, account_id, splits, attributes";

    private final JdbcClient jdbc;
    private long staged = -1;
    private long rejected = -1;

    TransactionLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to this many staged rows the stage is not analysed: without statistics the planner takes a
     * never-analysed table for at least ten pages (hundreds of rows), which already plans the match as
     * index lookups; a one-deal REST call saves the ANALYZE and its catalogue writes.
     */
    static final long ANALYZE_FROM = 100;

    void createStage() {
        // Hash joins and aggregates over a million staged rows stay in memory instead of spilling in
        // 4 MB batches; SET LOCAL ends with the import's transaction. One round trip for both.
        jdbc.sql("""
                set local work_mem = '128MB';
                create temp table ingest_stage (
                    row_no bigint not null, external_id text, kind text, status text, owner_id bigint, close_date date,
                    amount numeric(19,4), currency char(3), deal_type text, product_code text, term_months int,
                    account_id bigint, splits jsonb, attributes jsonb, raw jsonb, problems jsonb
                ) on commit drop""").update();
    }

    /**
     * After the rows are staged ({@code staged} of them, {@code mappingRejected} with problems): analyses
     * the stage (temporary tables are never analysed automatically; without statistics the joins below
     * plan badly), quarantines repeated transaction ids, then every row with problems. Steps with nothing
     * to do are skipped: a single good row can repeat nothing and leaves nothing to quarantine.
     *
     * @return the rows quarantined
     */
    long quarantine(long importId, String idColumn, long staged, long mappingRejected) {
        return quarantine(importId, idColumn, staged, mappingRejected, false);
    }

    /**
     * @param idBuilt true when the profile builds the transaction id from a template: two rows making the same
     *                id are then both quarantined, each naming the other, since neither is more right than the other
     */
    long quarantine(long importId, String idColumn, long staged, long mappingRejected, boolean idBuilt) {
        this.staged = staged;
        if (staged >= ANALYZE_FROM) {
            timed("analyze stage", () -> jdbc.sql("analyze ingest_stage").update());
        }
        long repeats = staged - mappingRejected > 1 ? (idBuilt ? quarantineBuiltRepeats(idColumn) : quarantineRepeats(idColumn)) : 0;
        rejected = mappingRejected + repeats == 0 ? 0 : timed("quarantine", () -> jdbc.sql("""
                insert into ingest_quarantine(import_id, row_number, raw, problems, record_type, source, record_key)
                select :id, s.row_no, s.raw, s.problems, i.record_type, i.source, case when i.dry_run then null else s.external_id end
                from ingest_stage s, ingest_import i where i.id = :id and s.problems is not null""")
                .param("id", importId).update());
        return rejected;
    }

    /** A transaction id seen again later in the same file is quarantined: the first occurrence is kept. */
    private long quarantineRepeats(String idColumn) {
        // Grouping hashes the ids; only the repeated ones are joined back (a window over all rows sorted them).
        return timed("repeated ids", () -> jdbc.sql("""
                update ingest_stage s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.external_id,
                        'reason', 'transaction id ' || s.external_id || ' appears more than once in the file; row '
                                  || d.first_row || ' is loaded, fix this one in the file and load it again',
                        'suggestion', null))
                from (select external_id, min(row_no) as first_row from ingest_stage where problems is null
                      group by external_id having count(*) > 1) d
                where s.external_id = d.external_id and s.problems is null and s.row_no <> d.first_row""")
                .param("column", idColumn).update());
    }

    private long quarantineBuiltRepeats(String idColumn) {
        return timed("repeated built ids", () -> jdbc.sql("""
                update ingest_stage s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.external_id,
                        'reason', 'transaction id ' || s.external_id || ' also made by row '
                                  || case when s.row_no = d.rows[1] then d.rows[2] else d.rows[1] end,
                        'suggestion', null))
                from (select external_id, array_agg(row_no order by row_no) as rows from ingest_stage where problems is null
                      group by external_id having count(*) > 1) d
                where s.external_id = d.external_id and s.problems is null""")
                .param("column", idColumn).update());
    }

    Changes apply(long importId, String source, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("select pg_advisory_xact_lock(hashtext('attain.ingest.source'), hashtext(:source))")
                .param("source", source).query((rs, n) -> 1).single();
        long good = goodRows();
        // Every good row that is new (no stored row) or changed (values differ); unchanged rows drop out here.
        timed("match", () -> jdbc.sql("""
                create temp table ingest_match on commit drop as
                select s.row_no, t.id as transaction_id
                from ingest_stage s left join sales_transaction t on t.source = :source and t.external_id = s.external_id
                where s.problems is null and (t.id is null or (%1$s) is distinct from (%2$s))"""
                .formatted(prefixed("t"), prefixed("s")))
                .param("source", source).update());
        long[] counts = jdbc.sql("""
                select count(*) filter (where transaction_id is null), count(*) filter (where transaction_id is not null)
                from ingest_match""").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long fresh = counts[0];
        long changed = counts[1];
        boolean allNew = fresh == good;
        if (changed > 0) {
            if (changed >= ANALYZE_FROM) {
                jdbc.sql("analyze ingest_match").update();
            }
            timed("versions", () -> jdbc.sql("""
                    insert into sales_transaction_version(transaction_id, version, source, external_id, %1$s, valid_until,
                                                          replaced_by_import)
                    select t.id, t.version, t.source, t.external_id, %2$s, :at, :id
                    from ingest_match m join sales_transaction t on t.id = m.transaction_id"""
                    .formatted(VALUES, prefixed("t")))
                    .param("at", at).param("id", importId).update());
            timed("update", () -> jdbc.sql("""
                    update sales_transaction t set %1$s, version = t.version + 1, updated_at = :at
                    from ingest_match m join ingest_stage s on s.row_no = m.row_no
                    where t.id = m.transaction_id"""
                    .formatted(assignments("s")))
                    .param("at", at).update());
        }
        if (fresh > 0) {
            List<String> rebuild = fresh >= BULK_ROWS && tableSmallerThan(fresh) ? dropSecondaryIndexes() : List.of();
            // A first load of a source (every good row new) needs no join back to the match.
            String from = allNew ? "ingest_stage s where s.problems is null"
                    : "ingest_stage s join ingest_match m on m.row_no = s.row_no where m.transaction_id is null";
            timed("insert", () -> jdbc.sql("""
                    insert into sales_transaction (source, external_id, %1$s, version, updated_at)
                    select :source, s.external_id, %2$s, 1, :at from %3$s"""
                    .formatted(VALUES, prefixed("s"), from))
                    .param("source", source).param("at", at).update());
            if (!rebuild.isEmpty()) {
                timed("rebuild " + rebuild.size() + " indexes", () -> {
                    jdbc.sql("set local maintenance_work_mem = '256MB'").update();
                    rebuild.forEach(definition -> jdbc.sql(definition).update());
                    return rebuild.size();
                });
            }
        }
        if (fresh + changed == 0) {
            return new Changes(0, 0, Set.of(), null, null);
        }
        String written = allNew ? "ingest_stage s where s.problems is null"
                : "ingest_stage s join ingest_match m on m.row_no = s.row_no";
        return timed("touched", () -> jdbc.sql("""
                with touched as materialized (
                    select s.owner_id, s.close_date, s.splits from %1$s
                    union all
                    select owner_id, close_date, splits from sales_transaction_version where replaced_by_import = :id
                )
                select (select min(close_date) from touched) as earliest, (select max(close_date) from touched) as latest,
                       array(select owner_id from touched where owner_id is not null
                             union
                             select p from touched, unnest(split_person_ids(splits)) p where splits is not null and p is not null) as people"""
                .formatted(written))
                .param("id", importId)
                .query((rs, n) -> {
                    Set<Long> ids = new HashSet<>();
                    Array people = rs.getArray("people");
                    if (people != null) {
                        for (Object id : (Object[]) people.getArray()) {
                            ids.add(((Number) id).longValue());
                        }
                    }
                    return new Changes(fresh, changed, ids, rs.getObject("earliest", LocalDate.class),
                            rs.getObject("latest", LocalDate.class));
                }).single());
    }

    /**
     * Whether the table holds fewer rows than the load adds: then building its secondary indexes
     * afresh (one sort each) is cheaper than a million random index insertions. Counting stops at
     * {@code rows}, so a big table is not counted through.
     */
    private boolean tableSmallerThan(long rows) {
        return jdbc.sql("select count(*) from (select 1 from sales_transaction limit :n) t").param("n", rows)
                .query(Long.class).single() < rows;
    }

    /**
     * Drops the indexes of sales_transaction that back no constraint and returns their definitions.
     * The drop locks the table until the import commits, so readers wait for a big first load (the
     * only case this is used for) instead of slowing every row of it; a rollback brings them back.
     */
    private List<String> dropSecondaryIndexes() {
        List<String[]> indexes = jdbc.sql("""
                select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                where i.indrelid = 'sales_transaction'::regclass
                  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                order by 1""").query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        for (String[] index : indexes) {
            jdbc.sql("drop index " + index[0]).update();
        }
        return indexes.stream().map(index -> index[1]).toList();
    }

    private long goodRows() {
        if (staged >= 0 && rejected >= 0) {
            return staged - rejected;
        }
        return jdbc.sql("select count(*) from ingest_stage where problems is null").query(Long.class).single();
    }

    private static <T> T timed(String step, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        log.debug("import step {}: {} ms", step, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private static String prefixed(String alias) {
        return String.join(", ", Arrays.stream(VALUES.split(", ")).map(c -> alias + "." + c).toList());
    }

    private static String assignments(String alias) {
        return String.join(", ", Arrays.stream(VALUES.split(", ")).map(c -> c + " = " + alias + "." + c).toList());
    }
}
