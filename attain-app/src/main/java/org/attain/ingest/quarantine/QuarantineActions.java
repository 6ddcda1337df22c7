package org.attain.ingest.quarantine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.access.AuditLog;
import org.attain.ingest.Bounds;
import org.attain.ingest.ImportOutcome;
import org.attain.ingest.Imports;
import org.attain.ingest.Problem;
import org.attain.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Working the quarantine many rows at a time: one correction for every open row with the same problem,
 * replayed through the normal load path, and dismissing rows with a reason. Both are audited.
 *
 * <p>A correction covers one import, or with {@link Scope#SOURCE} every open row of the same record type
 * and source: the same dirty value from the same system ("US$" in every CRM export) means the same thing,
 * so an admin who fixed it once expects it fixed everywhere; it is opt-in because another import may have
 * used another profile. Each import is corrected and replayed in one transaction of its own: the cells,
 * the load and the marks commit together, and a correction that is itself wrong leaves nothing changed.
 */
@Service
public class QuarantineActions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Imports imports;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    QuarantineActions(
            JdbcClient jdbc, Imports imports, AuditLog audit, Clock clock, PlatformTransactionManager txManager) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(txManager);
    }

    public enum Scope {
        IMPORT,
        SOURCE
    }

    /** One problem shared by rows: the column as the file names it, the value found and the reason given. */
    public record Selector(String column, String value, String reason) {}

    /** Refused input ({@code conflict} false) or an action on rows that are no longer open (true), with a message code. */
    public static final class Refused extends RuntimeException {
        private final transient Bounds.Refusal refusal;
        private final boolean conflict;
        private final transient Problem cause;

        public Refused(boolean conflict, String code, Object... args) {
            this(conflict, null, new Bounds.Refusal(code, args));
        }

        private Refused(boolean conflict, Problem cause, Bounds.Refusal refusal) {
            super(refusal.english(), null, false, false);
            this.refusal = refusal;
            this.conflict = conflict;
            this.cause = cause;
        }

        /** For a refused correction: the problem the corrected value itself met, to be shown in the reader's language. */
        public Problem problem() {
            return cause;
        }

        public String code() {
            return refusal.code();
        }

        public List<String> args() {
            return refusal.args();
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /**
     * @param changed rows whose cell was set to the correction
     * @param loaded  of those, rows the replay loaded
     * @param stillQuarantined rows still wrong for another reason, open again in the replay's quarantine
     * @param imports the replays that loaded them, one per import corrected
     */
    public record Correction(long changed, long loaded, long stillQuarantined, List<Long> imports) {}

    public Correction correct(long importId, Selector problem, String to, Scope scope, String actor) {
        var record = importRecord(importId);
        if ((Boolean) record.get("dry_run")) {
            throw new Refused(false, "ingest.quarantine.dryRun", importId);
        }
        String correction = checked(problem, to);
        List<Long> targets = new ArrayList<>();
        targets.add(importId);
        if (scope == Scope.SOURCE) {
            targets = jdbc.sql("""
                    select distinct q.import_id from ingest_quarantine q join ingest_import i on i.id = q.import_id
                    where q.status = 'OPEN' and q.record_type = :record and q.source = :source and not i.dry_run
                      and %s order by 1""".formatted(MATCHES))
                    .params(matchParams(problem))
                    .param("record", record.get("record_type"))
                    .param("source", record.get("source"))
                    .query(Long.class)
                    .list();
        }
        long changed = 0;
        long loaded = 0;
        long still = 0;
        List<Long> replays = new ArrayList<>();
        for (long target : targets) {
            Correction c = transactions.execute(tx -> correctIn(target, problem, correction, actor));
            changed += c.changed();
            loaded += c.loaded();
            still += c.stillQuarantined();
            replays.addAll(c.imports());
        }
        if (changed == 0) {
            throw nothingOpen(importId, problem);
        }
        return new Correction(changed, loaded, still, replays);
    }

    private Correction correctIn(long importId, Selector problem, String to, String actor) {
        if ((Boolean) importRecord(importId).get("dry_run")) {
            return new Correction(0, 0, 0, List.of());
        }
        // Rows locked so a concurrent fix, dismissal or delivery waits for this correction, and the raw key the
        // problem's column names (the profile names it ignoring case and blanks, the cells keep the file's spelling).
        Map<Long, String> rows = new LinkedHashMap<>();
        jdbc.sql("""
                select q.id, (select k from jsonb_object_keys(q.raw) k where lower(btrim(k)) = lower(btrim(:column))
                              order by k = :column desc limit 1) as cell
                from ingest_quarantine q
                where q.import_id = :import and q.status = 'OPEN' and q.raw is not null and %s
                order by q.id for update""".formatted(MATCHES))
                .params(matchParams(problem))
                .param("import", importId)
                .query((rs, n) -> rows.put(rs.getLong("id"), rs.getString("cell")))
                .list();
        rows.values().removeIf(java.util.Objects::isNull);
        if (rows.isEmpty()) {
            return new Correction(0, 0, 0, List.of());
        }
        for (Map.Entry<Long, String> row : rows.entrySet()) {
            jdbc.sql(
                            "update ingest_quarantine set raw = jsonb_set(raw, array[cast(:cell as text)], to_jsonb(cast(:to as text))) where id = :id")
                    .param("cell", row.getValue())
                    .param("to", to)
                    .param("id", row.getKey())
                    .update();
        }
        audit.record(
                actor,
                "import.rows.corrected",
                "import",
                String.valueOf(importId),
                Map.of("column", problem.column(), "value", problem.value(), "reason", problem.reason()),
                Map.of("column", problem.column(), "value", to),
                rows.size() + " rows");
        ImportOutcome replay = imports.replayRows(importId, Set.copyOf(rows.keySet()), actor);
        if (replay.rejected() == rows.size() && everyRowStillFails(replay.importId(), problem.column())) {
            // the correction is itself wrong: throwing rolls back the cells, the replay and its record
            Problem reason = firstProblem(replay.importId(), problem.column());
            throw new Refused(
                    false,
                    reason,
                    new Bounds.Refusal("ingest.correct.refused", Bounds.shown(to), problem.column(), reason.reason()));
        }
        return new Correction(
                rows.size(), replay.rowsRead() - replay.rejected(), replay.rejected(), List.of(replay.importId()));
    }

    /**
     * Dismisses open rows of an import: the given ones, those with one problem, or all (both null). Rows named
     * by id must all be open; otherwise nothing is dismissed and the answer says which row is what.
     */
    public long dismiss(long importId, List<Long> rowIds, Selector problem, String reason, String actor) {
        if ((Boolean) importRecord(importId).get("dry_run")) {
            throw new Refused(false, "ingest.quarantine.dryRun", importId);
        }
        if (reason == null || reason.isBlank()) {
            throw new Refused(false, "ingest.dismiss.noReason");
        }
        String why = reason.strip();
        Bounds.Refusal bad = Bounds.text(why);
        if (bad != null || why.length() > 1000) {
            throw new Refused(false, "ingest.dismiss.badReason", 1000);
        }
        return transactions.execute(tx -> {
            List<Long> ids;
            if (rowIds != null && !rowIds.isEmpty()) {
                var found = jdbc.sql("""
                        select id, row_number, status, resolved_by from ingest_quarantine
                        where import_id = :import and id in (:ids) order by id for update""")
                        .param("import", importId)
                        .param("ids", new LinkedHashSet<>(rowIds))
                        .query()
                        .listOfRows();
                if (found.size() < new LinkedHashSet<>(rowIds).size()) {
                    throw new NotFoundException(
                            "quarantined row",
                            rowIds.stream()
                                    .filter(id ->
                                            found.stream().noneMatch(f -> ((Number) f.get("id")).longValue() == id))
                                    .findFirst()
                                    .orElseThrow());
                }
                for (var f : found) {
                    if (!"OPEN".equals(f.get("status"))) {
                        throw notOpen(((Number) f.get("row_number")).longValue(), (String) f.get("status"), (Number)
                                f.get("resolved_by"));
                    }
                }
                ids = found.stream()
                        .map(f -> ((Number) f.get("id")).longValue())
                        .toList();
            } else {
                ids = jdbc.sql(
                                "select q.id from ingest_quarantine q where q.import_id = :import and q.status = 'OPEN' and ("
                                        + (problem == null ? "true" : MATCHES) + ") order by q.id for update")
                        .params(problem == null ? Map.of() : matchParams(problem))
                        .param("import", importId)
                        .query(Long.class)
                        .list();
                if (ids.isEmpty()) {
                    throw problem == null
                            ? new Refused(true, "ingest.dismiss.noneOpen", importId)
                            : nothingOpen(importId, problem);
                }
            }
            int n = jdbc.sql("""
                    update ingest_quarantine set status = 'DISMISSED', dismissed_by = :by, dismissed_at = :at, dismiss_reason = :why
                    where id in (select cast(jsonb_array_elements_text(cast(:ids as jsonb)) as bigint)) and status = 'OPEN'""")
                    .param("by", actor)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("why", why)
                    .param("ids", JSON.writeValueAsString(ids))
                    .update();
            audit.record(
                    actor,
                    "import.rows.dismissed",
                    "import",
                    String.valueOf(importId),
                    null,
                    problem == null
                            ? Map.of("rows", n)
                            : Map.of(
                                    "rows",
                                    n,
                                    "column",
                                    problem.column(),
                                    "value",
                                    problem.value(),
                                    "problem",
                                    problem.reason()),
                    why);
            return (long) n;
        });
    }

    /** The rows with the problem: a problem of the row with this column, value and reason. */
    private static final String MATCHES = """
            exists (select 1 from jsonb_array_elements(q.problems) p
                    where coalesce(p ->> 'column', '') = :column and coalesce(p ->> 'value', '') = :value
                      and coalesce(p ->> 'reason', '') = :reason)""";

    private static Map<String, Object> matchParams(Selector problem) {
        return Map.of("column", nz(problem.column()), "value", nz(problem.value()), "reason", nz(problem.reason()));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The correction as it will be stored: exactly as sent, so a value with blanks around it is refused, not trimmed. */
    private static String checked(Selector problem, String to) {
        if (problem == null || problem.column() == null || problem.column().isBlank() || problem.reason() == null) {
            throw new Refused(false, "ingest.correct.noProblem");
        }
        if (to == null) {
            throw new Refused(false, "ingest.correct.noValue");
        }
        if (!to.equals(to.strip())) {
            throw new Refused(false, "ingest.correct.blanks", Bounds.shown(to));
        }
        Bounds.Refusal bad = Bounds.text(to);
        if (bad != null) {
            throw new Refused(false, bad.code(), bad.args().toArray());
        }
        if (to.equals(problem.value())) {
            throw new Refused(false, "ingest.correct.same", Bounds.shown(to));
        }
        return to;
    }

    private boolean everyRowStillFails(long replayId, String column) {
        return jdbc.sql("""
                select count(*) = (select count(*) from ingest_quarantine where import_id = :id)
                from ingest_quarantine q where q.import_id = :id
                  and exists (select 1 from jsonb_array_elements(q.problems) p where coalesce(p ->> 'column', '') = :column)""")
                .param("id", replayId)
                .param("column", column)
                .query(Boolean.class)
                .single();
    }

    private Problem firstProblem(long replayId, String column) {
        String json = jdbc.sql("""
                select p::text from ingest_quarantine q, jsonb_array_elements(q.problems) p
                where q.import_id = :id and coalesce(p ->> 'column', '') = :column order by q.row_number limit 1""")
                .param("id", replayId)
                .param("column", column)
                .query(String.class)
                .single();
        return JSON.readValue(json, Problem.class);
    }

    private Map<String, Object> importRecord(long importId) {
        return jdbc
                .sql("select record_type, source, dry_run from ingest_import where id = :id")
                .param("id", importId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("import", importId));
    }

    /** No open row has the problem: say what became of the rows that had it. */
    private Refused nothingOpen(long importId, Selector problem) {
        long closed = jdbc.sql("select count(*) from ingest_quarantine q where q.import_id = :import and " + MATCHES)
                .params(matchParams(problem))
                .param("import", importId)
                .query(Long.class)
                .single();
        if (closed == 0) {
            return new Refused(
                    false, "ingest.group.unknown", importId, problem.column(), Bounds.shown(nz(problem.value())));
        }
        return new Refused(
                true, "ingest.group.noneOpen", importId, problem.column(), Bounds.shown(nz(problem.value())), closed);
    }

    private static Refused notOpen(long rowNumber, String status, Number by) {
        return switch (status) {
            case "DELIVERED" -> new Refused(true, "ingest.row.delivered", rowNumber, by);
            case "DISMISSED" -> new Refused(true, "ingest.row.dismissed", rowNumber);
            case "RESOLVED" -> new Refused(true, "ingest.row.fixed", rowNumber, by);
            default -> new Refused(true, "ingest.row.moved", rowNumber, by);
        };
    }
}
