package org.attain.calc;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.attain.calendar.Periods;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;
import org.attain.sales.BookedTransactions;
import org.attain.sales.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calculation runs. A run loads one snapshot of the inputs, computes payee by payee (in chunks, so
 * progress can be followed), writes the results as new rows that are not yet current, and at the
 * end switches all of them to current in one transaction: readers see the old run or the new one,
 * never a mix. Results are immutable; a rerun adds a version.
 */
@Service
public class CalcRuns {

    private static final Logger log = LoggerFactory.getLogger(CalcRuns.class);
    private final JdbcClient jdbc;
    private final CalcInputs inputs;
    private final ResultWriter writer;
    private final Periods periods;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final TransactionStore store;
    private final RunRecords records;
    private final ChunkedRun.Services services;
    /**
     * Tests: store every result a run computes, also those equal to the current one (which runs otherwise
     * leave as they are), to compare two runs row by row (the Spark equivalence test). A run started
     * meanwhile stores everything too: slower, never wrong.
     */
    volatile boolean storeEveryResult;

    /** Called between computing a run and making it current; tests hold a run there to race others past it. */
    volatile java.util.function.LongConsumer beforeCurrent = runId -> {};

    CalcRuns(
            JdbcClient jdbc,
            CalcInputs inputs,
            ResultWriter writer,
            Periods periods,
            TransactionTemplate tx,
            Clock clock,
            DataSource dataSource,
            TransactionStore store,
            RunRecords records,
            BookedTransactions booked) {
        this.store = store;
        this.records = records;
        this.jdbc = jdbc;
        this.services = new ChunkedRun.Services(booked, jdbc, dataSource, store, new Engine(), writer, records);
        this.inputs = inputs;
        this.writer = writer;
        this.periods = periods;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A run as pages, API and CLI see it. {@code superseded}: payee-periods whose newer result (of a run
     * started after this one) stayed current. {@code failedPayees}: payees left out, whose previous
     * results stay current; the run is DONE for everyone else.
     */
    public record Run(
            long id,
            RunKind kind,
            RunStatus status,
            String trigger,
            String startedBy,
            java.time.Instant startedAt,
            java.time.Instant finishedAt,
            List<String> periods,
            int total,
            int done,
            int changed,
            String exclusions,
            String issues,
            String error,
            int superseded,
            List<FailedPayee> failedPayees,
            NotCovered notCovered,
            String sparkMaster,
            List<RunStage> stages) {

        /** True when the run's payees were computed on Apache Spark ({@link #sparkMaster} names where). */
        public boolean onSpark() {
            return sparkMaster != null;
        }
    }

    /**
     * A stage a run on Spark went through, as recorded: a message key of the messages bundle
     * ({@code calc.spark.stage.…}), its arguments and when it began. A stage told again (tasks done) is the last one.
     */
    public record RunStage(String key, List<Object> args, java.time.Instant at) {}

    /**
     * The booked transactions (of the run's payees, for a run over a few) whose credit date falls outside
     * the run's periods, per fiscal year; null for runs recorded before this was counted.
     */
    public record NotCovered(long transactions, java.util.SortedMap<Integer, Long> byYear) {

        /** "1,204 transactions (2019: 1,204)", the line the CLI prints. */
        public String summary() {
            var f = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH);
            StringBuilder b = new StringBuilder(f.format(transactions)).append(" transactions");
            if (!byYear.isEmpty()) {
                b.append(" (");
                byYear.forEach((y, n) -> b.append(b.charAt(b.length() - 1) == '(' ? "" : ", ")
                        .append(y)
                        .append(": ")
                        .append(f.format(n)));
                b.append(')');
            }
            return b.toString();
        }
    }

    /** A payee a run left out: {@code reason} is the message key, {@code message} it in the reader's language. */
    public record FailedPayee(long personId, String name, String reason, List<String> args, String message) {}

    /** Brings the in-memory transaction store up to date now (e.g. after a big load), not in the next run. */
    public void warmTransactions() {
        store.warm();
    }

    /** Every payee on a plan, over the default periods. */
    public Run runFull(String trigger, String actor) {
        return run(RunKind.FULL, Set.of(), defaultPeriods(), trigger, actor);
    }

    /**
     * Every payee over the default periods, storing every result even where it equals the current one: what
     * a full run costs when everything changed (after a plan change), for the benchmark to print beside the
     * usual rerun, which stores only what changed.
     */
    public Run runFullStoringEverything(String trigger, String actor) {
        return run(RunKind.FULL, Set.of(), defaultPeriods(), trigger, actor, null, true);
    }

    /** Only these payees (and nobody else's results change). */
    public Run runFor(Set<Long> personIds, String trigger, String actor) {
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        return run(RunKind.INCREMENTAL, payees, defaultPeriods(), trigger, actor);
    }

    /**
     * Everyone (or only {@code personIds} when not empty) over the periods from {@code from} to
     * {@code to} (a month 2017-01, a quarter 2017-Q1 or a fiscal year 2017), creating missing periods.
     * A bad range is refused with {@link org.attain.calendar.PeriodRange.Refused} before any run starts.
     */
    public Run runRange(Set<Long> personIds, String from, String to, String trigger, String actor) {
        List<PeriodId> chosen = periods.rangeToRun(from, to).periods();
        if (personIds.isEmpty()) {
            return run(RunKind.FULL, Set.of(), chosen, trigger, actor);
        }
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        return run(RunKind.INCREMENTAL, payees, chosen, trigger, actor);
    }

    /**
     * A run like {@link #runRange} (the default periods when {@code from} and {@code to} are null, everyone when
     * {@code personIds} is empty) whose payees are computed in Spark executors; stored and made current as any run.
     */
    public Run runOnSpark(SparkRun spark, Set<Long> personIds, String from, String to, String trigger, String actor) {
        List<PeriodId> chosen = from == null && to == null
                ? defaultPeriods()
                : periods.rangeToRun(from, to).periods();
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        return run(payees.isEmpty() ? RunKind.FULL : RunKind.INCREMENTAL, payees, chosen, trigger, actor, spark, false);
    }

    /**
     * A run like {@link #runOnSpark(SparkRun, Set, String, String, String, String)} on a Spark context of its own: the
     * run is recorded first (so pages follow it from Spark's start on), the context started on {@code master} and
     * stopped at the run's end. Each stage is recorded on the run and told to {@code stages}; a run that fails,
     * Spark's start included, is FAILED with {@code runs.error.spark} and its last stage says what failed in one line
     * (no stack trace). A bad range is refused as {@link #runRange} refuses it, before anything is recorded or started.
     * {@code reads} says who reads the transactions (this process, or each executor its own).
     */
    public Run runOnSpark(
            org.attain.spark.SparkMaster master,
            SparkRun.Reads reads,
            java.util.function.Consumer<SparkRun.Stage> stages,
            Set<Long> personIds,
            String from,
            String to,
            String trigger,
            String actor) {
        List<PeriodId> chosen = from == null && to == null
                ? defaultPeriods()
                : periods.rangeToRun(from, to).periods();
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        RunKind kind = payees.isEmpty() ? RunKind.FULL : RunKind.INCREMENTAL;
        long runId = records.start(kind, chosen, trigger, actor, master.url());
        java.util.function.Consumer<SparkRun.Stage> told = stages.andThen(s -> records.stage(runId, s));
        told.accept(new SparkRun.Stage("calc.spark.stage.starting", master.url()));
        org.attain.spark.EngineOnSpark spark;
        try {
            spark = org.attain.spark.EngineOnSpark.start(master, "attain run " + runId);
        } catch (RuntimeException | LinkageError e) {
            log.error("Calculation run {} could not start Apache Spark {}", runId, master.url(), e);
            failedOnSpark(runId, e, told);
            return find(runId).orElseThrow();
        }
        try (spark) {
            told.accept(new SparkRun.Stage("calc.spark.stage.started", master.url(), spark.parallelism()));
            return compute(runId, kind, payees, chosen, new SparkRun(spark, told, reads), false);
        }
    }

    /**
     * A run on Spark failed: FAILED with a message key, and what failed in one line (Spark's job failures carry the
     * executor's stack trace in their message: only the first line of each cause is kept) as its last stage.
     */
    private void failedOnSpark(long runId, Throwable e, java.util.function.Consumer<SparkRun.Stage> told) {
        try {
            told.accept(new SparkRun.Stage("calc.spark.stage.failed", SparkFailure.describe(e)));
        } finally {
            records.fail(runId, "runs.error.spark");
        }
    }

    /**
     * As {@link #runOnSpark} over everyone and the default periods, storing every result even where it equals the
     * current one: the benchmark's runs on Spark, doing the same work as {@link #runFullStoringEverything}.
     */
    public Run runOnSparkStoringEverything(SparkRun spark, String trigger, String actor) {
        return run(RunKind.FULL, Set.of(), defaultPeriods(), trigger, actor, spark, true);
    }

    /** The periods runs have calculated (from the full runs' records): period pickers offer these beside recent ones. */
    public Set<String> calculatedPeriods() {
        return new TreeSet<>(
                jdbc.sql("select distinct unnest(periods) from calc_run where kind = :kind and status = :status")
                        .param("kind", RunKind.FULL.name())
                        .param("status", RunStatus.DONE.name())
                        .query(String.class)
                        .list());
    }

    Run run(RunKind kind, Set<PersonId> payees, List<PeriodId> runPeriods, String trigger, String actor) {
        return run(kind, payees, runPeriods, trigger, actor, null, false);
    }

    private Run run(
            RunKind kind,
            Set<PersonId> payees,
            List<PeriodId> runPeriods,
            String trigger,
            String actor,
            SparkRun spark,
            boolean storeAll) {
        // The id is drawn before any input is read: it orders runs for makeCurrent.
        long runId = records.start(
                kind,
                runPeriods,
                trigger,
                actor,
                spark == null ? null : spark.spark().master());
        return compute(
                runId,
                kind,
                payees,
                runPeriods,
                spark == null ? null : spark.alsoTelling(s -> records.stage(runId, s)),
                storeAll);
    }

    /** Computes, stores and makes current the recorded run {@code runId}; its stages recorded by {@code spark} already. */
    private Run compute(
            long runId,
            RunKind kind,
            Set<PersonId> payees,
            List<PeriodId> runPeriods,
            SparkRun spark,
            boolean storeAll) {
        try {
            Set<Long> only = new TreeSet<>();
            payees.forEach(p -> only.add(Long.parseLong(p.value())));
            long t0 = System.nanoTime();
            CalcInputs.Snapshot snapshot = inputs.snapshot(runPeriods, only);
            List<PersonId> who = new ArrayList<>(payeesOf(snapshot.base(), payees));
            records.total(runId, who.size(), snapshot.planVersionIds());
            long t1 = System.nanoTime();
            // Read after the inputs: what a result is compared with was current when the run read them.
            ResultWriter.Currents currents = storeAll || storeEveryResult
                    ? ResultWriter.Currents.none()
                    : writer.currents(
                            runPeriods.stream().map(PeriodId::toString).toList(), only, snapshot.planVersionIds());
            ChunkedRun chunks = new ChunkedRun(services, runId, snapshot, who, currents);
            if (spark != null) {
                spark.stage("calc.spark.stage.inputs", runId, who.size(), millis(t1 - t0));
                chunks.on(spark);
            }
            ChunkedRun.Outcome outcome = chunks.call();
            long t2 = System.nanoTime();
            beforeCurrent.accept(runId);
            if (spark != null) {
                spark.stage("calc.spark.stage.current", runId);
            }
            // The run stands by every payee it computed but those it left out.
            Set<Long> computed = new TreeSet<>();
            who.forEach(p -> computed.add(Long.parseLong(p.value())));
            outcome.failed().forEach(f -> computed.remove(f.personId()));
            ResultWriter.Claim claim = new ResultWriter.Claim(computed, currents.unchanged(computed));
            ResultWriter.Switched switched = tx.execute(status -> writer.makeCurrent(runId, claim));
            if (kind == RunKind.FULL
                    && jdbc.sql("select exists (select 1 from payee_period_result where run_id = :run)")
                            .param("run", runId)
                            .query(Boolean.class)
                            .single()) {
                // A full run that stored results (it stores only those that changed): fresh statistics keep the
                // next single-deal runs' lookups of current results on their indexes instead of waiting for autovacuum.
                jdbc.sql("analyze payee_period_result").update();
            }
            long t3 = System.nanoTime();
            Map<String, Long> timings = new java.util.LinkedHashMap<>();
            timings.put("snapshot_ms", millis(t1 - t0));
            timings.put("chunks_ms", millis(t2 - t1));
            timings.put("store_ms", millis(chunks.storeNanos));
            timings.put("load_ms", millis(chunks.loadNanos.get()));
            timings.put("engine_ms", millis(chunks.engineNanos.get()));
            timings.put("write_ms", millis(chunks.writeNanos.get()));
            timings.put("current_ms", millis(t3 - t2));
            if (!outcome.failed().isEmpty()) {
                log.warn(
                        "Calculation run {} left out {} payee(s): {}",
                        runId,
                        outcome.failed().size(),
                        outcome.failed());
            }
            // Counted before the run shows DONE, so nobody reads a finished run without it. Only for full runs: what
            // the periods leave out is the same question for every run over them, and counting a payee's whole history
            // outside the window made each single-deal run slower the longer the history (issue 23, point 4).
            if (kind == RunKind.FULL) {
                records.notCovered(runId, runPeriods, only);
            }
            records.finish(
                    runId,
                    new RunRecords.Finished(
                            switched, outcome.exclusions(), outcome.issues(), outcome.failed(), timings));
        } catch (RuntimeException e) {
            log.error("Calculation run {} failed", runId, e);
            if (spark != null) {
                failedOnSpark(runId, e, spark.stages());
            } else {
                records.fail(runId, e);
            }
        }
        return find(runId).orElseThrow();
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    public Optional<Run> find(long runId) {
        return records.find(runId);
    }

    /**
     * The recalculations an import asked for, oldest first: their trigger starts with {@link #importTrigger}.
     * The import page shows their progress and when the numbers became current.
     */
    public List<Run> triggeredByImport(long importId) {
        return records.idsTriggeredBy(importTrigger(importId)).stream()
                .map(records::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** How a run asked for by import {@code importId} begins its trigger ("import 42 of transactions"). */
    public static String importTrigger(long importId) {
        return "import " + importId + " ";
    }

    public List<Run> recent(int limit) {
        return records.recent(limit);
    }

    /** One page of runs, newest first, by status and kind (null = any) and a search text. */
    public org.attain.platform.Paged<Run> page(
            RunStatus status, RunKind kind, String q, org.attain.platform.PageRequest page) {
        return records.page(status, kind, q, page);
    }

    /** The quarters and months of the previous and the current fiscal year: what pages show and statements pay. */
    List<PeriodId> defaultPeriods() {
        return periods.defaultRange().periods();
    }

    private static Set<PersonId> payeesOf(org.attain.engine.calc.CalculationInput input, Set<PersonId> wanted) {
        Set<PersonId> out = new TreeSet<>();
        input.assignments().forEach(a -> {
            if (wanted.isEmpty() || wanted.contains(a.person())) {
                out.add(a.person());
            }
        });
        return out;
    }

    static long personIdOf(PayeePeriodResult r) {
        return Long.parseLong(r.person().value());
    }
}
