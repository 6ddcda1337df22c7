package org.attain.ingest;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-based half of an import, run inside the import's transaction after the rows are staged:
 * duplicates within the file, quarantine, keeping the previous version of each changed row, and one
 * INSERT ... ON CONFLICT that inserts new rows and updates only rows whose values really differ.
 */
final class TransactionLoad {

    /** What the upsert did: counts plus the people and close dates whose pay may have changed. */
    record Changes(long inserted, long updated, Set<Long> personIds, LocalDate earliest, LocalDate latest) {
    }

    /** The compared columns: a row whose values all match the stored ones counts as unchanged. */
    private static final String VALUES = "kind, status, owner_id, close_date, amount, currency, deal_type, product_code, "
            + "term_months, account_id, splits, attributes";

    private final JdbcClient jdbc;

    TransactionLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void createStage() {
        jdbc.sql("""
                create temp table ingest_stage (
                    row_no bigint not null, external_id text, kind text, status text, owner_id bigint, close_date date,
                    amount numeric(19,4), currency char(3), deal_type text, product_code text, term_months int,
                    account_id bigint, splits jsonb, attributes jsonb, raw jsonb, problems jsonb
                ) on commit drop""").update();
    }

    /** Temporary tables are never analysed automatically; without statistics the joins below plan badly. */
    void analyzeStage() {
        jdbc.sql("analyze ingest_stage").update();
    }

    /** A transaction id seen again later in the same file is quarantined: the first occurrence is kept. */
    void quarantineRepeats(String idColumn) {
        jdbc.sql("""
                update ingest_stage s
                set problems = jsonb_build_array(jsonb_build_object('column', cast(:column as text), 'value', s.external_id,
                        'reason', 'transaction id ' || s.external_id || ' appears more than once in the file; row '
                                  || d.first_row || ' is loaded, fix this one in the file and load it again',
                        'suggestion', null))
                from (select row_no, min(row_no) over (partition by external_id) as first_row
                      from ingest_stage where problems is null) d
                where d.row_no = s.row_no and d.row_no <> d.first_row""")
                .param("column", idColumn).update();
    }

    long quarantine(long importId) {
        return jdbc.sql("""
                insert into ingest_quarantine(import_id, row_number, raw, problems)
                select :id, row_no, raw, problems from ingest_stage where problems is not null""")
                .param("id", importId).update();
    }

    long staged() {
        return jdbc.sql("select count(*) from ingest_stage").query(Long.class).single();
    }

    Changes apply(long importId, String source, Instant now) {
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                insert into sales_transaction_version(transaction_id, version, source, external_id, %1$s, valid_until,
                                                      replaced_by_import)
                select t.id, t.version, t.source, t.external_id, %2$s, :at, :id
                from ingest_stage s join sales_transaction t on t.source = :source and t.external_id = s.external_id
                where s.problems is null and (%2$s) is distinct from (%3$s)"""
                .formatted(VALUES, prefixed("t"), prefixed("s")))
                .param("at", at).param("id", importId).param("source", source).update();
        var row = jdbc.sql("""
                with up as (
                    insert into sales_transaction as t (source, external_id, %1$s, version, updated_at)
                    select :source, external_id, %1$s, 1, :at from ingest_stage where problems is null
                    on conflict (source, external_id) do update
                        set %4$s, version = t.version + 1, updated_at = excluded.updated_at
                        where (%2$s) is distinct from (%3$s)
                    returning t.version, t.owner_id, t.close_date, t.splits
                ),
                old as (select owner_id, close_date, splits from sales_transaction_version where replaced_by_import = :id),
                touched as (select owner_id, close_date, splits from up union all select owner_id, close_date, splits from old),
                people as (
                    select owner_id as person_id from touched where owner_id is not null
                    union
                    select cast(e ->> 'person_id' as bigint) from touched, jsonb_array_elements(coalesce(touched.splits, '[]')) e
                )
                select (select count(*) from up where version = 1) as inserted,
                       (select count(*) from up where version > 1) as updated,
                       (select min(close_date) from touched) as earliest,
                       (select max(close_date) from touched) as latest,
                       (select array_agg(person_id) from people where person_id is not null) as people"""
                .formatted(VALUES, prefixed("t"), prefixed("excluded"), assignments()))
                .param("source", source).param("at", at).param("id", importId)
                .query((rs, n) -> {
                    Set<Long> ids = new HashSet<>();
                    Array people = rs.getArray("people");
                    if (people != null) {
                        for (Object id : (Object[]) people.getArray()) {
                            ids.add(((Number) id).longValue());
                        }
                    }
                    return new Changes(rs.getLong("inserted"), rs.getLong("updated"), ids,
                            rs.getObject("earliest", LocalDate.class), rs.getObject("latest", LocalDate.class));
                }).single();
        return row;
    }

    private static String prefixed(String alias) {
        return String.join(", ", java.util.Arrays.stream(VALUES.split(", ")).map(c -> alias + "." + c).toList());
    }

    private static String assignments() {
        return String.join(", ", java.util.Arrays.stream(VALUES.split(", ")).map(c -> c + " = excluded." + c).toList());
    }
}
