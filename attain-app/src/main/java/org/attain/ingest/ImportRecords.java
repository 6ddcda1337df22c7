package org.attain.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.access.AuditLog;
import org.attain.platform.ConflictException;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The read side of imports (records and quarantine) and fixing a quarantined row in place. */
@Service
public class ImportRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ImportRecords(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record ImportRecord(
            long id,
            String recordType,
            String source,
            String fileName,
            String profileName,
            String actor,
            boolean dryRun,
            Long replayOf,
            String status,
            long rowsRead,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            String message,
            Instant startedAt,
            Instant finishedAt,
            long openRows,
            long skipped) {

        public long accepted() {
            return inserted + updated;
        }
    }

    /** A quarantined source row: its cells as read (or as fixed) and everything wrong with it. */
    public record QuarantinedRow(
            long id,
            long importId,
            long rowNumber,
            Map<String, String> cells,
            List<Problem> problems,
            String status,
            Long resolvedBy) {

        public boolean fixable() {
            return status.equals("OPEN") && cells != null;
        }
    }

    private static final String SELECT = """
            select i.id, i.record_type, i.source, i.file_name, i.profile_name, i.actor, i.dry_run, i.replay_of, i.status,
                   i.rows_read, i.inserted, i.updated, i.unchanged, i.rejected, i.message, i.started_at, i.finished_at,
                   (select count(*) from ingest_quarantine q where q.import_id = i.id and q.status = 'OPEN') as open_rows,
                   i.skipped
            from ingest_import i""";

    public List<ImportRecord> recent(int limit) {
        return jdbc.sql(SELECT + " order by i.id desc limit :limit")
                .param("limit", limit)
                .query(ImportRecord.class)
                .list();
    }

    /** One page of imports, newest first, by record type and status (blank = any) and a search in file, source and who. */
    public org.attain.platform.Paged<ImportRecord> page(
            String recordType, String status, String q, org.attain.platform.PageRequest page) {
        String where = """
                 where (:kind = '' or i.record_type = :kind) and (:status = '' or i.status = :status)
                   and (:q = '' or i.file_name ilike :like or i.source ilike :like or i.actor ilike :like
                        or i.profile_name ilike :like or cast(i.id as text) = :q)""";
        var params = new java.util.HashMap<String, Object>();
        params.put("kind", org.attain.platform.SearchText.of(recordType));
        params.put("status", org.attain.platform.SearchText.of(status));
        params.put("q", org.attain.platform.SearchText.of(q));
        params.put("like", org.attain.platform.SearchText.like(q));
        long total = jdbc.sql("select count(*) from ingest_import i " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ImportRecord> rows = jdbc.sql(SELECT + " " + where + " order by i.id desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(ImportRecord.class)
                .list();
        return org.attain.platform.Paged.of(rows, page, total);
    }

    public Optional<ImportRecord> find(long id) {
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", id)
                .query(ImportRecord.class)
                .optional();
    }

    /** Imports (not dry runs) with quarantined rows still open, newest first: what waits for a comp admin's fix. */
    public List<ImportRecord> withOpenQuarantine(int limit) {
        return jdbc.sql(SELECT + " " + """
                 where not i.dry_run
                   and exists (select 1 from ingest_quarantine q where q.import_id = i.id and q.status = 'OPEN')
                 order by i.id desc limit :limit""")
                .param("limit", limit)
                .query(ImportRecord.class)
                .list();
    }

    /** The upload a dry run read (token and stored name), kept so its page can offer to load the file later. */
    public record PendingUpload(String token, String name) {}

    private static final String REMEMBER_UPLOAD = "insert into ingest_pending_upload(import_id, token, name) "
            + "values (:id, :t, :n) on conflict (import_id) do update set token = excluded.token, name = excluded.name";

    public void rememberUpload(long id, String token, String name) {
        var sql = jdbc.sql(REMEMBER_UPLOAD);
        sql.param("t", token).param("n", name).param("id", id).update();
    }

    public Optional<PendingUpload> pendingUpload(long id) {
        return jdbc.sql("select token, name from ingest_pending_upload where import_id = :id")
                .param("id", id)
                .query(PendingUpload.class)
                .optional();
    }

    /** The profile exactly as an import used it. */
    public Optional<String> profileYaml(long id) {
        return jdbc.sql("select profile_yaml from ingest_import where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public List<QuarantinedRow> quarantine(long importId, int limit) {
        return quarantine(importId, limit, 0, null);
    }

    private List<QuarantinedRow> quarantine(long importId, int limit, long offset, Long[] only) {
        return jdbc.sql("""
                select id, import_id, row_number, raw::text as raw, problems::text as problems, status, resolved_by
                from ingest_quarantine where import_id = :id
                  and (cast(:only as bigint[]) is null or id = any(cast(:only as bigint[])))
                order by row_number, id limit :limit offset :offset""")
                .param("id", importId)
                .param("limit", limit)
                .param("offset", offset)
                .param("only", only)
                .query((rs, n) -> new QuarantinedRow(
                        rs.getLong("id"),
                        rs.getLong("import_id"),
                        rs.getLong("row_number"),
                        cells(rs.getString("raw")),
                        problems(rs.getString("problems")),
                        rs.getString("status"),
                        (Long) rs.getObject("resolved_by")))
                .list();
    }

    /** One page of an import's quarantined rows, in file order, with how many there are. */
    public org.attain.platform.Paged<QuarantinedRow> quarantine(long importId, org.attain.platform.PageRequest page) {
        long total = jdbc.sql("select count(*) from ingest_quarantine where import_id = :id")
                .param("id", importId)
                .query(Long.class)
                .single();
        return org.attain.platform.Paged.of(quarantine(importId, page.limit(), page.offset(), null), page, total);
    }

    /** The import's quarantined rows among these ids (others, and other imports' rows, are left out). */
    public List<QuarantinedRow> quarantineRows(long importId, java.util.Collection<Long> rowIds) {
        return quarantine(importId, Integer.MAX_VALUE, 0, rowIds.toArray(Long[]::new));
    }

    /**
     * Replaces cells of an open quarantined row (only columns the row has); the row keeps its number
     * and is loaded by the next replay of its import. The audit log keeps the values before and after.
     */
    @Transactional
    public QuarantinedRow fix(long importId, long rowId, Map<String, String> changes, String actor) {
        QuarantinedRow row = quarantineRows(importId, List.of(rowId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("quarantined row", rowId));
        if (!row.fixable()) {
            throw new ConflictException(
                    "Row " + row.rowNumber() + " is " + row.status().toLowerCase()
                            + (row.cells() == null
                                    ? " and has no cells to edit; fix it in the file and load it again"
                                    : "; only open rows can be fixed"));
        }
        Map<String, String> fixed = new LinkedHashMap<>(row.cells());
        changes.forEach((column, value) -> {
            if (!fixed.containsKey(column)) {
                throw new org.attain.platform.InvalidInputException(new org.attain.platform.FieldProblem(
                        column,
                        "ingest.fix.unknownColumn",
                        "row " + row.rowNumber() + " has no column '" + column + "'; its columns are "
                                + String.join(", ", fixed.keySet())));
            }
            Bounds.Refusal refusal = value == null ? null : Bounds.text(value);
            if (refusal != null) {
                // jsonb cannot hold a NUL, and the quarantine keeps no cell longer than a file's may be
                throw new org.attain.platform.InvalidInputException(
                        new org.attain.platform.FieldProblem(column, refusal.code(), refusal.english()));
            }
            fixed.put(column, value == null ? "" : value);
        });
        jdbc.sql("update ingest_quarantine set raw = cast(:raw as jsonb) where id = :id")
                .param("raw", JSON.writeValueAsString(fixed))
                .param("id", rowId)
                .update();
        audit.record(
                actor,
                "import.row.fixed",
                "import",
                String.valueOf(importId),
                row.cells(),
                fixed,
                "row " + row.rowNumber());
        return new QuarantinedRow(
                row.id(), importId, row.rowNumber(), fixed, row.problems(), row.status(), row.resolvedBy());
    }

    private static Map<String, String> cells(String json) {
        return json == null ? null : JSON.readerForMapOf(String.class).readValue(json);
    }

    private static List<Problem> problems(String json) {
        return JSON.readerForListOf(Problem.class).readValue(json);
    }
}
