package org.attain.ingest.quarantine;

import java.time.Instant;
import java.util.List;
import org.attain.ingest.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarantine as an admin works it at scale: counts by what became of the rows (per import and in total)
 * and the open rows grouped by problem (column, value, reason), largest group first, paged.
 */
@Service
public class QuarantineView {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    QuarantineView(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What became of quarantined rows. Fixed: loaded by a replay after a fix or a correction; delivered: a later
     * load brought the same key; moved: replayed and still wrong, so open again in the replay's own quarantine
     * (counted there, never twice). A dry run's rows count nowhere in the total.
     */
    public record Counts(long open, long fixed, long dismissed, long delivered, long moved) {

        public long total() {
            return open + fixed + dismissed + delivered + moved;
        }
    }

    /** Rows of one import, or of every import that was not a dry run when {@code importId} is null. */
    public Counts counts(Long importId) {
        return jdbc.sql("""
                select count(*) filter (where q.status = 'OPEN') as open, count(*) filter (where q.status = 'RESOLVED') as fixed,
                       count(*) filter (where q.status = 'DISMISSED') as dismissed,
                       count(*) filter (where q.status = 'DELIVERED') as delivered,
                       count(*) filter (where q.status = 'SUPERSEDED') as moved
                from ingest_quarantine q join ingest_import i on i.id = q.import_id
                where (cast(:id as bigint) is null and not i.dry_run) or q.import_id = :id""").param("id", importId).query(Counts.class).single();
    }

    /**
     * Open rows sharing one problem: the column as the file names it, the value found and the reason (with its
     * message code and arguments, to be shown in the reader's language). A row with two problems is in two groups.
     */
    public record Group(String column, String value, String reason, String code, List<String> args, long rows) {

        public Object[] argArray() {
            return args == null ? new Object[0] : args.toArray();
        }
    }

    public record Groups(List<Group> groups, int page, int size, long totalGroups, long openRows) {

        public boolean hasNext() {
            return (long) (page + 1) * size < totalGroups;
        }

        public long first() {
            return (long) page * size + 1;
        }

        public long last() {
            return Math.min(totalGroups, (long) (page + 1) * size);
        }
    }

    public Groups groups(long importId, int page, int size) {
        List<Group> groups = jdbc.sql("""
                select coalesce(p ->> 'column', '') as col, coalesce(p ->> 'value', '') as val, coalesce(p ->> 'reason', '') as reason,
                       min(p ->> 'code') as code, (array_agg((p -> 'args')::text))[1] as args, count(distinct q.id) as n
                from ingest_quarantine q, jsonb_array_elements(q.problems) p
                where q.import_id = :id and q.status = 'OPEN'
                group by 1, 2, 3 order by n desc, 1, 2, 3 limit :size offset :offset""")
                .param("id", importId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new Group(
                        rs.getString("col"),
                        rs.getString("val"),
                        rs.getString("reason"),
                        rs.getString("code"),
                        args(rs.getString("args")),
                        rs.getLong("n")))
                .list();
        long total = jdbc.sql("""
                select count(*) from (select distinct coalesce(p ->> 'column', ''), coalesce(p ->> 'value', ''), coalesce(p ->> 'reason', '')
                                      from ingest_quarantine q, jsonb_array_elements(q.problems) p
                                      where q.import_id = :id and q.status = 'OPEN') g""").param("id", importId).query(Long.class).single();
        return new Groups(groups, page, size, total, counts(importId).open());
    }

    /** A dismissed row: who dismissed it, when and why, and the problems it had. */
    public record Dismissed(
            long id, long importId, long rowNumber, List<Problem> problems, String reason, String by, Instant at) {}

    public List<Dismissed> dismissed(long importId, int limit) {
        return jdbc.sql("""
                select id, import_id, row_number, problems::text as problems, dismiss_reason, dismissed_by, dismissed_at
                from ingest_quarantine where import_id = :id and status = 'DISMISSED' order by row_number limit :limit""")
                .param("id", importId)
                .param("limit", limit)
                .query((rs, n) -> new Dismissed(
                        rs.getLong("id"),
                        rs.getLong("import_id"),
                        rs.getLong("row_number"),
                        JSON.readerForListOf(Problem.class).readValue(rs.getString("problems")),
                        rs.getString("dismiss_reason"),
                        rs.getString("dismissed_by"),
                        rs.getTimestamp("dismissed_at").toInstant()))
                .list();
    }

    private static List<String> args(String json) {
        return json == null || json.equals("null")
                ? null
                : JSON.readerForListOf(String.class).readValue(json);
    }
}
