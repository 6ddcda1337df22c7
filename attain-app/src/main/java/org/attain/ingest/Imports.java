package org.attain.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.attain.access.AuditLog;
import org.attain.calcinputs.PayInputsChanged;
import org.attain.fx.FxRatesChanged;
import org.attain.ingest.files.CsvRows;
import org.attain.ingest.files.RowSource;
import org.attain.ingest.files.UnreadableFileException;
import org.attain.ingest.files.XlsxRows;
import org.attain.ingest.lookup.Directory;
import org.attain.ingest.lookup.Lookups;
import org.attain.ingest.lookup.Names;
import org.attain.ingest.lookup.References;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.ingest.profiles.ProfileException;
import org.attain.ingest.quarantine.QuarantineDelivery;
import org.attain.ingest.quarantine.QuarantineRows;
import org.attain.ingest.records.RecordImports;
import org.attain.ingest.records.RecordKinds;
import org.attain.ingest.transactions.FileReading;
import org.attain.ingest.transactions.StageWriter;
import org.attain.ingest.transactions.TransactionFields;
import org.attain.ingest.transactions.TransactionLoad;
import org.attain.org.OrgChanged;
import org.attain.quota.QuotasChanged;
import org.attain.quota.TargetIncentivesChanged;
import org.attain.sales.TransactionWrites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs imports: a file read with a profile, or the open quarantine of an earlier import replayed.
 * Transactions take the streaming COPY path; every other record kind the batched upsert of
 * {@link RecordImports}, and changes that move pay ask the calculation to recalculate the people concerned.
 * Everything an import writes (its record, its quarantine, new and changed transactions with their
 * previous versions and audit entries) commits in one transaction or not at all; a dry run does the
 * same work and rolls the transaction data back, keeping only the record and the quarantine.
 */
@Service
public class Imports {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RecordImports records;
    private final References references;
    private final QuarantineDelivery delivery;

    Imports(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager txManager,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            RecordImports records,
            References references,
            QuarantineDelivery delivery,
            org.attain.calendar.Periods periods,
            OutsideRun.Counter outsideRun,
            TransactionWrites writes) {
        this.periods = periods;
        this.outsideRun = outsideRun;
        this.writes = writes;
        this.delivery = delivery;
        this.records = records;
        this.references = references;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(txManager);
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    private final org.attain.calendar.Periods periods;
    private final OutsideRun.Counter outsideRun;
    private final TransactionWrites writes;

    /** What to import: a profile, a file with the name the user knows it by, who asks, and whether only to try. */
    public record FileImport(ImportProfile profile, Path file, String fileName, String actor, boolean dryRun) {}

    /** Reserves the id an import will have, so callers can follow it before it starts. */
    public long reserveId() {
        return jdbc.sql("select nextval(pg_get_serial_sequence('ingest_import', 'id'))")
                .query(Long.class)
                .single();
    }

    public ImportOutcome importFile(FileImport request) {
        return importFile(reserveId(), request, new ImportProgress());
    }

    public ImportOutcome importFile(long importId, FileImport request, ImportProgress progress) {
        ImportProfile profile = request.profile();
        if (!Files.isRegularFile(request.file()) || !Files.isReadable(request.file())) {
            throw fail(
                    importId,
                    request,
                    progress,
                    "the file " + request.fileName() + " does not exist or cannot be read");
        }
        RowSource source = profile.typeFor(request.fileName()).equals("xlsx")
                ? new XlsxRows(request.file(), profile.format())
                : new CsvRows(request.file(), profile.format());
        return run(
                new Run(importId, profile, source, request.fileName(), request.actor(), request.dryRun(), null),
                progress);
    }

    /** Maps the open quarantine rows of an import again (after fixes) and loads those that now pass. */
    public ImportOutcome replay(long importId, long ofImport, String actor, ImportProgress progress) {
        return replay(importId, ofImport, null, actor, progress);
    }

    /**
     * Replays only the given open rows of an import (a bulk correction's), in the caller's transaction when there
     * is one; the import's other open rows stay as they are.
     */
    public ImportOutcome replayRows(long ofImport, Set<Long> rowIds, String actor) {
        return replay(reserveId(), ofImport, rowIds, actor, new ImportProgress());
    }

    private ImportOutcome replay(
            long importId, long ofImport, Set<Long> rowIds, String actor, ImportProgress progress) {
        var original = jdbc.sql(
                        "select profile_name, profile_yaml, file_name, header::text as header, dry_run from ingest_import where id = :id")
                .param("id", ofImport)
                .query()
                .singleRow();
        ImportProfile profile =
                ImportProfile.parse((String) original.get("profile_name"), (String) original.get("profile_yaml"));
        List<String> header = JSON.readerForListOf(String.class).readValue((String) original.get("header"));
        var rows = jdbc
                .sql(
                        "select id, row_number, raw::text as raw from ingest_quarantine where import_id = :id and status = 'OPEN' "
                                + "and raw is not null order by row_number")
                .param("id", ofImport)
                .query((rs, n) -> rowIds == null || rowIds.contains(rs.getLong(1))
                        ? new QuarantineRows.Row(
                                rs.getLong(2), JSON.readerForMapOf(String.class).readValue(rs.getString(3)))
                        : null)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        boolean typed = profile.typeFor((String) original.get("file_name")).equals("xlsx");
        String fileName = "replay of import " + ofImport;
        return run(
                new Run(
                        importId,
                        profile,
                        new QuarantineRows(header.isEmpty() ? null : header, rows, typed),
                        fileName,
                        actor,
                        false,
                        ofImport,
                        rowIds),
                progress);
    }

    /** One import to run: everything {@link #run} needs besides the progress it reports to. */
    public record Run(
            long id,
            ImportProfile profile,
            RowSource source,
            String fileName,
            String actor,
            boolean dryRun,
            Long replayOf,
            Set<Long> replayRows) {

        public Run(
                long id,
                ImportProfile profile,
                RowSource source,
                String fileName,
                String actor,
                boolean dryRun,
                Long replayOf) {
            this(id, profile, source, fileName, actor, dryRun, replayOf, null);
        }
    }

    public ImportOutcome run(Run run, ImportProgress progress) {
        if (!run.profile().record().equals(RecordKinds.TRANSACTIONS)) {
            return runRecords(run, progress);
        }
        TransactionWrites.Changes[] changes = new TransactionWrites.Changes[1];
        ImportOutcome outcome = inOneTransaction(run, progress, (tx, started) -> {
            TransactionLoad load = new TransactionLoad(jdbc);
            load.createStage();
            Staged staged = linkedToKnownDeals(run, readAndStage(run, progress));
            progress.loading();
            long rejected = quarantine(run, load, staged);
            Object savepoint = run.dryRun() ? tx.createSavepoint() : null;
            TransactionWrites.Changes c = writes.applyStaged(
                    TransactionLoad.STAGE, run.id(), run.profile().source(), clock.instant(), load.goodRows());
            OutsideRun outside = outsideRun.count(jdbc, run.id());
            if (run.dryRun()) {
                tx.rollbackToSavepoint(savepoint);
            } else {
                keep(run, c);
                changes[0] = c;
            }
            long unchanged = staged.read() - rejected - c.inserted() - c.updated();
            return finishRecord(
                            run,
                            staged.header(),
                            new ImportOutcome(
                                    run.id(),
                                    null,
                                    staged.read() + staged.skipped(),
                                    c.inserted(),
                                    c.updated(),
                                    unchanged,
                                    rejected,
                                    null,
                                    0,
                                    staged.skipped()))
                    .withOutsideRun(outside);
        });
        writes.announce(changes[0], run.id());
        return outcome;
    }

    /** What reading a source into the stage counted: rows staged, of them rejected by the mapping, and left out by filters. */
    private record Staged(List<String> header, long read, long mappingRejected, long skipped) {}

    /** Reads the source row by row, maps each and streams it into the stage by COPY, good or with its problems. */
    private Staged readAndStage(Run run, ImportProgress progress) {
        // Before the COPY starts: while it runs, the connection takes no other statement.
        Directory directory = references.directory(jdbc, run.profile());
        Names<String> products = run.profile().checkProducts() && run.profile().maps(TransactionFields.PRODUCT_CODE)
                ? Lookups.products(jdbc)
                : null;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        progress.reading(run.source());
        try (StageWriter stage = new StageWriter(connection)) {
            FileReading reading = new FileReading(
                    run.profile(), directory, stage, run.source().typedCells(), progress, products);
            run.source().read(reading);
            stage.finish();
            return new Staged(reading.header(), stage.stagedCount(), stage.rejectedCount(), reading.skipped());
        } catch (SQLException | java.io.IOException e) {
            throw new UnreadableFileException("the rows could not be staged: " + e.getMessage());
        }
    }

    /**
     * Returns whose original deal is neither stored nor in the file, or that would take back more than the deal's
     * amount, get their problem (counted as rejected).
     */
    private Staged linkedToKnownDeals(Run run, Staged staged) {
        if (!run.profile().maps(TransactionFields.REFERS_TO)) {
            return staged;
        }
        long unknown = writes.markUnknownOriginals(
                TransactionLoad.STAGE,
                run.profile().source(),
                run.profile().columns().getOrDefault(TransactionFields.REFERS_TO, TransactionFields.REFERS_TO));
        long over = writes.markOverReturns(
                TransactionLoad.STAGE,
                run.profile().source(),
                run.profile().columns().getOrDefault(TransactionFields.REFERS_TO, TransactionFields.REFERS_TO));
        return unknown + over == 0
                ? staged
                : new Staged(
                        staged.header(), staged.read(), staged.mappingRejected() + unknown + over, staged.skipped());
    }

    /** Repeated ids and the rows with problems go to the import's quarantine; returns how many. */
    private long quarantine(Run run, TransactionLoad load, Staged staged) {
        return load.quarantine(
                run.id(),
                run.profile().columns().getOrDefault(TransactionFields.EXTERNAL_ID, "external_id"),
                staged.read(),
                staged.mappingRejected(),
                run.profile().derived().containsKey(TransactionFields.EXTERNAL_ID));
    }

    /** A load that is kept (not a dry run): periods for its dates, audit, replayed rows resolved, quarantine delivered. */
    private void keep(Run run, TransactionWrites.Changes c) {
        // The fiscal years of the loaded dates get their periods (committed on their own, see Periods).
        periods.ensureCovering(c.earliest(), c.latest());
        auditChanges(run, c);
        resolveReplayed(run);
        delivery.transactions(run);
    }

    /** People, teams, quotas, FX rates …: read and upserted by natural key, see {@link RecordImports}. */
    private ImportOutcome runRecords(Run run, ImportProgress progress) {
        Set<Long>[] affected = new Set[1];
        ImportOutcome outcome = inOneTransaction(run, progress, (tx, started) -> {
            RecordImports.Result r = records.load(run, tx, progress, started);
            if (!run.dryRun()) {
                resolveReplayed(run);
            }
            affected[0] = r.affectedPeople();
            return finishRecord(
                    run,
                    r.header(),
                    new ImportOutcome(
                            run.id(),
                            null,
                            r.read() + r.skipped(),
                            r.inserted(),
                            r.updated(),
                            r.unchanged(),
                            r.rejected(),
                            null,
                            0,
                            r.skipped()));
        });
        if (affected[0] != null && !affected[0].isEmpty()) {
            events.publishEvent(payChange(
                    run.profile().record(),
                    affected[0],
                    "import " + run.id() + " of " + run.profile().record(),
                    run.actor()));
        }
        return outcome;
    }

    /**
     * The owner's event for a record load that moves pay: the import writes org's, quota's and fx's tables in its
     * one transaction (a file commits or rolls back as a whole), so it says what changed in the owner's words.
     */
    static PayInputsChanged payChange(String record, Set<Long> people, String reason, String actor) {
        return switch (record) {
            case "people", "reporting_lines", "teams" -> new OrgChanged(people, reason, actor);
            case "quotas" -> new QuotasChanged(people, reason, actor, false);
            case "target_incentives" -> new TargetIncentivesChanged(people, reason, actor, false);
            case "fx_rates" -> new FxRatesChanged(people, reason, actor);
            // Kinds without pay impact name no one; should one gain it, its people are still recalculated.
            default -> new OrgChanged(people, reason, actor);
        };
    }

    /**
     * Runs the work of an import in one transaction together with its record; a failure leaves a FAILED record
     * with the reason. The outcome carries the time from start to commit.
     */
    private ImportOutcome inOneTransaction(
            Run run,
            ImportProgress progress,
            java.util.function.BiFunction<TransactionStatus, Instant, ImportOutcome> work) {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        ImportOutcome outcome;
        try {
            outcome = transactions.execute(tx -> {
                insertRecord(run, started);
                return work.apply(tx, started);
            });
        } catch (ProfileException | UnreadableFileException e) {
            throw fail(run, progress, e.getMessage());
        } catch (RuntimeException e) {
            fail(run, progress, "the import failed: " + e.getMessage());
            throw e;
        }
        progress.finished(true);
        return timed(outcome, startedNanos);
    }

    /** Stores the counts of a finished import on its record and returns them with its status. */
    private ImportOutcome finishRecord(Run run, List<String> header, ImportOutcome counts) {
        String status = run.dryRun() ? "DRY_RUN" : "LOADED";
        jdbc.sql("""
                update ingest_import set status = :status, header = cast(:header as jsonb), rows_read = :read,
                    inserted = :inserted, updated = :updated, unchanged = :unchanged, rejected = :rejected,
                    skipped = :skipped, finished_at = :at where id = :id""")
                .param("status", status)
                .param("header", JSON.writeValueAsString(header == null ? List.of() : header))
                .param("read", counts.rowsRead())
                .param("inserted", counts.inserted())
                .param("updated", counts.updated())
                .param("unchanged", counts.unchanged())
                .param("rejected", counts.rejected())
                .param("skipped", counts.skipped())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", run.id())
                .update();
        return new ImportOutcome(
                run.id(),
                status,
                counts.rowsRead(),
                counts.inserted(),
                counts.updated(),
                counts.unchanged(),
                counts.rejected(),
                null,
                0,
                counts.skipped());
    }

    private static ImportOutcome timed(ImportOutcome o, long startedNanos) {
        return new ImportOutcome(
                o.importId(),
                o.status(),
                o.rowsRead(),
                o.inserted(),
                o.updated(),
                o.unchanged(),
                o.rejected(),
                null,
                (System.nanoTime() - startedNanos) / 1_000_000,
                o.skipped(),
                o.outsideRun());
    }

    private void insertRecord(Run run, Instant at) {
        jdbc.sql("""
                insert into ingest_import(id, record_type, source, file_name, profile_name, profile_yaml, actor, dry_run,
                                          replay_of, status, started_at, finished_at)
                values (:id, :record, :source, :file, :profileName, :yaml, :actor, :dry, :replayOf, :status, :at, :at)""")
                .param("id", run.id())
                .param("record", run.profile().record())
                .param("source", run.profile().source())
                .param("file", run.fileName())
                .param("profileName", run.profile().name())
                .param("yaml", run.profile().yaml())
                .param("actor", run.actor())
                .param("dry", run.dryRun())
                .param("replayOf", run.replayOf())
                .param("status", run.dryRun() ? "DRY_RUN" : "LOADED")
                .param("at", Timestamp.from(at))
                .update();
    }

    /** One audit entry per import, and one per changed transaction with its values before and after. */
    private void auditChanges(Run run, TransactionWrites.Changes c) {
        audit.record(
                run.actor(),
                "import.loaded",
                "import",
                String.valueOf(run.id()),
                null,
                Map.of("file", run.fileName(), "inserted", c.inserted(), "updated", c.updated()),
                "profile " + run.profile().name() + ", source " + run.profile().source());
        if (c.updated() == 0) {
            return;
        }
        writes.replacedBy(
                run.id(),
                r -> audit.record(
                        run.actor(),
                        "transaction.changed",
                        "sales_transaction",
                        run.profile().source() + ":" + r.externalId(),
                        JSON.readTree(r.before()),
                        JSON.readTree(r.after()),
                        "import " + run.id() + " replaced version " + r.version()));
    }

    /**
     * A replayed row that now passed is resolved; one that still fails lives on in the new import's quarantine.
     * A replay of chosen rows (a bulk correction) touches only those.
     */
    private void resolveReplayed(Run run) {
        if (run.replayOf() == null) {
            return;
        }
        jdbc.sql("""
                update ingest_quarantine q set resolved_by = :now,
                    status = case when exists (select 1 from ingest_quarantine n where n.import_id = :now
                                               and n.row_number = q.row_number) then 'SUPERSEDED' else 'RESOLVED' end
                where q.import_id = :old and q.status = 'OPEN' and q.raw is not null
                  and (cast(:rows as jsonb) is null or q.id in (select cast(jsonb_array_elements_text(cast(:rows as jsonb)) as bigint)))""")
                .param("now", run.id())
                .param("old", run.replayOf())
                .param("rows", run.replayRows() == null ? null : JSON.writeValueAsString(run.replayRows()))
                .update();
    }

    private ImportFailedException fail(long id, FileImport request, ImportProgress progress, String message) {
        return fail(
                new Run(id, request.profile(), null, request.fileName(), request.actor(), request.dryRun(), null),
                progress,
                message);
    }

    private ImportFailedException fail(Run run, ImportProgress progress, String message) {
        progress.finished(false);
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(tx -> {
            insertRecord(run, now.toInstant());
            jdbc.sql("update ingest_import set status = 'FAILED', message = :m where id = :id")
                    .param("m", message)
                    .param("id", run.id())
                    .update();
        });
        return new ImportFailedException(run.id(), message);
    }
}
