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

    public Optional<ImportRecord> find(long id) {
        return jdbc.sql(SELECT + " where i.id = :id")
                .param("id", id)
                .query(ImportRecord.class)
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
        return jdbc.sql("""
                select id, import_id, row_number, raw::text as raw, problems::text as problems, status, resolved_by
                from ingest_quarantine where import_id = :id order by row_number limit :limit""")
                .param("id", importId)
                .param("limit", limit)
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

    /**
     * Replaces cells of an open quarantined row (only columns the row has); the row keeps its number
     * and is loaded by the next replay of its import. The audit log keeps the values before and after.
     */
    @Transactional
    public QuarantinedRow fix(long importId, long rowId, Map<String, String> changes, String actor) {
        QuarantinedRow row = quarantine(importId, Integer.MAX_VALUE).stream()
                .filter(r -> r.id() == rowId)
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
