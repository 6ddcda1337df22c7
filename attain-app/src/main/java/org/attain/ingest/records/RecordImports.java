package org.attain.ingest.records;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.attain.access.AuditLog;
import org.attain.ingest.BuiltRepeats;
import org.attain.ingest.ImportProgress;
import org.attain.ingest.Imports;
import org.attain.ingest.Problem;
import org.attain.ingest.Stored;
import org.attain.ingest.files.Cells;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.files.UnreadableFileException;
import org.attain.ingest.lookup.Lookups;
import org.attain.ingest.profiles.Derived;
import org.attain.ingest.profiles.Field;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.RowFilter;
import org.attain.ingest.quarantine.QuarantineDelivery;
import org.attain.ingest.quarantine.Quarantined;
import org.attain.records.RecordTable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;

/**
 * The import of every record kind besides transactions, run inside the import's transaction: rows
 * are read and mapped in memory (these files hold thousands of rows, not millions), repeats of a
 * natural key within the file and rows the mapper or the database refuse go to the quarantine, the
 * rest is upserted by {@link RecordLoad}, and every changed row gets an audit entry.
 */
@Service
public class RecordImports {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditLog audit;
    private final QuarantineDelivery delivery;
    private final Map<String, RecordTable> tables = new HashMap<>();

    RecordImports(
            JdbcClient jdbc,
            DataSource dataSource,
            AuditLog audit,
            QuarantineDelivery delivery,
            List<RecordTable> tables) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(dataSource);
        this.audit = audit;
        this.delivery = delivery;
        tables.forEach(t -> this.tables.put(t.record(), t));
        RecordKinds.ALL.forEach(kind -> storedBy(kind, this.tables.get(kind.name())));
    }

    /** Every kind has an owner's table with the kind's key and columns: the file's fields and the owner's statements agree. */
    private static void storedBy(RecordKind kind, RecordTable table) {
        Set<String> columns = kind.fields().stream()
                .map(Field::column)
                .filter(c -> !kind.key().contains(c))
                .collect(Collectors.toSet());
        if (table == null
                || !table.key().equals(kind.key())
                || table.sourceScoped() != kind.sourceScoped()
                || !Set.copyOf(table.columns()).equals(columns)) {
            throw new IllegalStateException("no owner stores the " + kind.name() + " records with key " + kind.key()
                    + " and columns " + columns
                    + (table == null ? "" : "; its table has key " + table.key() + " and columns " + table.columns()));
        }
    }

    /** What one import of records did, and whose pay it may have moved. */
    public record Result(
            List<String> header,
            long read,
            long inserted,
            long updated,
            long unchanged,
            long rejected,
            Set<Long> affectedPeople,
            long skipped) {}

    /** @param key the natural key the row names (see {@link QuarantineDelivery}), or null */
    private record Rejected(long number, String[] cells, List<Problem> problems, String key) {
        Rejected(long number, String[] cells, List<Problem> problems) {
            this(number, cells, problems, null);
        }
    }

    public Result load(Imports.Run run, TransactionStatus tx, ImportProgress progress, Instant now) {
        ImportProfile profile = run.profile();
        RecordKind kind = RecordKinds.named(profile.record()).orElseThrow();
        Lookups lookups = Lookups.load(
                jdbc, profile, kind.fields().stream().map(Field::type).collect(Collectors.toSet()));
        RecordTable table = tables.get(kind.name());
        RecordLoad load = new RecordLoad(kind, table, profile.source(), now);
        String keyColumn = profile.columns()
                .getOrDefault(kind.fields().get(0).name(), kind.fields().get(0).name());
        List<RecordLoad.Row> good = new ArrayList<>();
        Map<Long, String[]> cellsOf = new HashMap<>();
        Map<Long, String> keyTexts = new HashMap<>();
        Map<String, Long> firstRow = new HashMap<>();
        List<Rejected> rejected = new ArrayList<>();
        List<String>[] header = new List[1];
        long[] skipped = new long[1];
        boolean keyBuilt = profile.derived().get(kind.fields().get(0).name()) instanceof Derived.Template;
        progress.reading(run.source());
        try {
            run.source().read(new RowSource.Handler() {
                RecordMapper mapper;
                RowFilter.Bound filters;

                @Override
                public void header(List<String> names) {
                    header[0] = Quarantined.header(names);
                    filters = new RowFilter.Bound(profile.filters(), header[0]);
                    mapper = new RecordMapper(
                            kind, profile, header[0], lookups, run.source().typedCells());
                }

                @Override
                public void row(long number, String[] cells) {
                    progress.row();
                    if (filters.any() && !filters.keeps(cells)) {
                        skipped[0]++;
                        return;
                    }
                    List<Problem> unstorable = Cells.unstorable(header[0], cells);
                    if (!unstorable.isEmpty()) {
                        rejected.add(new Rejected(number, null, unstorable));
                        return;
                    }
                    RecordMapper.Mapped mapped = mapper.map(cells);
                    if (!mapped.ok()) {
                        rejected.add(
                                new Rejected(number, cells, mapped.problems(), keyOf(kind, load, mapped.values())));
                        return;
                    }
                    String key = load.key(mapped.values());
                    Long first = keyBuilt ? null : firstRow.putIfAbsent(key, number);
                    if (first != null) {
                        String shown = mapper.keyText(cells);
                        rejected.add(new Rejected(
                                number,
                                cells,
                                List.of(new Problem(
                                        keyColumn,
                                        shown,
                                        shown
                                                + " appears more than once in the file; row " + first
                                                + " is loaded, fix this one in the file "
                                                + "and load it again",
                                        null)),
                                key));
                        return;
                    }
                    good.add(new RecordLoad.Row(number, mapped.values()));
                    cellsOf.put(number, cells);
                    keyTexts.put(number, mapper.keyText(cells));
                }
            });
        } catch (IOException e) {
            throw new UnreadableFileException("the rows could not be read: " + e.getMessage());
        }
        BuiltRepeats.quarantine(kind, profile, good)
                .forEach(r -> rejected.add(new Rejected(r.number(), cellsOf.remove(r.number()), r.problems())));
        progress.loading();
        Object savepoint = run.dryRun() ? tx.createSavepoint() : null;
        RecordLoad.Result result = load.apply(good, tx);
        Set<Long> affected = kind.impact().people(result.changes(), jdbc);
        if (run.dryRun()) {
            tx.rollbackToSavepoint(savepoint);
        } else {
            audit(run, kind, table, keyTexts, result);
        }
        result.refused()
                .forEach(r -> rejected.add(new Rejected(
                        r.row().number(),
                        cellsOf.get(r.row().number()),
                        List.of(refusal(
                                r,
                                keyColumn,
                                keyTexts.get(r.row().number()),
                                profile,
                                kind,
                                header[0],
                                cellsOf.get(r.row().number()))),
                        load.key(r.row().values()))));
        quarantine(run, header[0], rejected);
        if (!run.dryRun()) {
            Set<Long> refusedRows =
                    result.refused().stream().map(r -> r.row().number()).collect(Collectors.toSet());
            delivery.records(
                    run,
                    kind,
                    good.stream()
                            .filter(g -> !refusedRows.contains(g.number()))
                            .map(g -> load.key(g.values()))
                            .toList());
        }
        long read = good.size() + rejected.size() - result.refused().size();
        return new Result(
                header[0],
                read,
                result.inserted(),
                result.updated(),
                result.unchanged(),
                rejected.size(),
                run.dryRun() ? Set.of() : affected,
                skipped[0]);
    }

    /** A refused row's problem: against the field's column when the owner named one, else against the key's. */
    private static Problem refusal(
            RecordLoad.Refused r,
            String keyColumn,
            String keyText,
            ImportProfile profile,
            RecordKind kind,
            List<String> header,
            String[] cells) {
        if (r.field() == null || kind.field(r.field()).isEmpty()) {
            return new Problem(keyColumn, keyText, r.reason(), null);
        }
        Field f = kind.field(r.field()).orElseThrow();
        String column = profile.columns().getOrDefault(f.name(), f.name());
        String value = Stored.text(r.row().values().get(f.column()));
        for (int i = 0; header != null && cells != null && i < header.size() && i < cells.length; i++) {
            if (header.get(i) != null && header.get(i).strip().equalsIgnoreCase(column.strip())) {
                value = cells[i]; // as the file writes it (an employee id, not the person's id)
            }
        }
        return new Problem(column, value, r.reason(), null);
    }

    /** One entry for the import, and one per changed row named by its key as the file writes it ("P00124 / 2027-Q1 / bookings"). */
    private void audit(
            Imports.Run run, RecordKind kind, RecordTable table, Map<Long, String> keyTexts, RecordLoad.Result result) {
        audit.record(
                run.actor(),
                "import.loaded",
                "import",
                String.valueOf(run.id()),
                null,
                Map.of(
                        "file",
                        run.fileName(),
                        "record",
                        kind.name(),
                        "inserted",
                        result.inserted(),
                        "updated",
                        result.updated()),
                "profile " + run.profile().name() + ", source " + run.profile().source());
        List<AuditLog.Change> changed = new ArrayList<>();
        for (RecordKind.Change c : result.changes()) {
            if (c.before() != null) {
                changed.add(new AuditLog.Change(
                        table.table(),
                        (kind.sourceScoped() ? run.profile().source() + ":" : "") + keyTexts.get(c.row()),
                        Stored.texts(c.before()),
                        Stored.texts(c.after())));
            }
        }
        audit.recordAll(run.actor(), table.table() + ".changed", changed, "import " + run.id());
    }

    /** The natural key of a rejected row when every key field was read, so a later load can resolve it; else null. */
    private static String keyOf(RecordKind kind, RecordLoad load, Map<String, Object> values) {
        return kind.key().stream().allMatch(c -> values.get(c) != null) ? load.key(values) : null;
    }

    private void quarantine(Imports.Run run, List<String> header, List<Rejected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        named.batchUpdate(
                """
                insert into ingest_quarantine(import_id, row_number, raw, problems, record_type, source, record_key)
                values (:id, :row, cast(:raw as jsonb), cast(:problems as jsonb), :record, :source, :key)""",
                rows.stream()
                        .map(r -> new MapSqlParameterSource()
                                .addValue("id", run.id())
                                .addValue("row", r.number())
                                .addValue("record", run.profile().record())
                                .addValue("source", run.profile().source())
                                .addValue("key", run.dryRun() ? null : r.key())
                                .addValue("raw", Quarantined.raw(header, r.cells()))
                                .addValue("problems", Quarantined.problems(r.problems())))
                        .toArray(MapSqlParameterSource[]::new));
    }
}
