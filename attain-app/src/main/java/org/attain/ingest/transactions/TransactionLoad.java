package org.attain.ingest.transactions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based half of an import before the write, run inside the import's transaction: the stage
 * the rows are copied into, then duplicates within the file and quarantine. Duplicates are found by
 * hashing, not by sorting the stage. The good rows are then upserted by sales
 * ({@link org.attain.sales.TransactionWrites#applyStaged}) from this stage.
 */
public final class TransactionLoad {

    private static final Logger log = LoggerFactory.getLogger(TransactionLoad.class);

    /** The temporary table the rows are copied into, dropped when the import's transaction ends. */
    public static final String STAGE = "ingest_stage";

    private final JdbcClient jdbc;
    private long staged = -1;
    private long rejected = -1;

    public TransactionLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to this many staged rows the stage is not analysed: without statistics the planner takes a
     * never-analysed table for at least ten pages (hundreds of rows), which already plans the match as
     * index lookups; a one-deal REST call saves the ANALYZE and its catalogue writes.
     */
    static final long ANALYZE_FROM = 100;

    public void createStage() {
        // Hash joins and aggregates over a million staged rows stay in memory instead of spilling in
        // 4 MB batches; SET LOCAL ends with the import's transaction. One round trip for both.
        jdbc.sql("""
                set local work_mem = '128MB';
                create temp table ingest_stage (
                    row_no bigint not null, external_id text, kind text, status text, owner_id bigint, close_date date,
                    amount numeric(19,4), currency char(3), deal_type text, product_code text, term_months int,
                    account_id bigint, splits jsonb, attributes jsonb, raw jsonb, problems jsonb, refers_to text
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
    public long quarantine(long importId, String idColumn, long staged, long mappingRejected, boolean idBuilt) {
        this.staged = staged;
        analyseStage();
        long repeats = markRepeatedIds(idColumn, staged - mappingRejected, idBuilt);
        rejected = quarantineRowsWithProblems(importId, mappingRejected + repeats);
        return rejected;
    }

    /** Temporary tables are never analysed automatically; a small stage is planned well without (see {@link #ANALYZE_FROM}). */
    private void analyseStage() {
        if (staged >= ANALYZE_FROM) {
            timed("analyze stage", () -> jdbc.sql("analyze ingest_stage").update());
        }
    }

    /** Repeated transaction ids among the good rows get their problem; one good row can repeat nothing. */
    private long markRepeatedIds(String idColumn, long goodSoFar, boolean idBuilt) {
        if (goodSoFar <= 1) {
            return 0;
        }
        return idBuilt ? quarantineBuiltRepeats(idColumn) : quarantineRepeats(idColumn);
    }

    /** Every staged row with problems goes to the import's quarantine, keyed by its id unless this is a dry run. */
    private long quarantineRowsWithProblems(long importId, long withProblems) {
        if (withProblems == 0) {
            return 0;
        }
        return timed("quarantine", () -> jdbc.sql("""
                insert into ingest_quarantine(import_id, row_number, raw, problems, record_type, source, record_key)
                select :id, s.row_no, s.raw, s.problems, i.record_type, i.source, case when i.dry_run then null else s.external_id end
                from ingest_stage s, ingest_import i where i.id = :id and s.problems is not null""").param("id", importId).update());
    }

    /** A transaction id seen again later in the same file is quarantined: the first occurrence is kept. */
    private long quarantineRepeats(String idColumn) {
        // Grouping hashes the ids; only the repeated ones are joined back (a window over all rows sorted them).
        return timed(
                "repeated ids", () -> jdbc.sql("""
                update ingest_stage s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.external_id,
                        'reason', 'transaction id ' || s.external_id || ' appears more than once in the file; row '
                                  || d.first_row || ' is loaded, fix this one in the file and load it again',
                        'suggestion', null))
                from (select external_id, min(row_no) as first_row from ingest_stage where problems is null
                      group by external_id having count(*) > 1) d
                where s.external_id = d.external_id and s.problems is null and s.row_no <> d.first_row""").param("column", idColumn).update());
    }

    private long quarantineBuiltRepeats(String idColumn) {
        return timed(
                "repeated built ids",
                () -> jdbc.sql("""
                update ingest_stage s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.external_id,
                        'reason', 'transaction id ' || s.external_id || ' also made by row '
                                  || case when s.row_no = d.rows[1] then d.rows[2] else d.rows[1] end,
                        'suggestion', null))
                from (select external_id, array_agg(row_no order by row_no) as rows from ingest_stage where problems is null
                      group by external_id having count(*) > 1) d
                where s.external_id = d.external_id and s.problems is null""").param("column", idColumn).update());
    }

    /** The staged rows without problems (counted once quarantined rows are known). */
    public long goodRows() {
        if (staged >= 0 && rejected >= 0) {
            return staged - rejected;
        }
        return jdbc.sql("select count(*) from ingest_stage where problems is null")
                .query(Long.class)
                .single();
    }

    private static <T> T timed(String step, java.util.function.Supplier<T> work) {
        long started = System.nanoTime();
        T result = work.get();
        log.debug("import step {}: {} ms", step, (System.nanoTime() - started) / 1_000_000);
        return result;
    }
}
