package org.attain.calc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.attain.engine.model.Transaction;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.attain.calendar.Periods;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;
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
    private static final int CHUNK = 50;
    private static final int STORE_CHUNK = 25;
    /**
     * Payees computed and packed together inside a chunk read from the store: few enough that their
     * transactions, credits and explained deals are still in the processor's cache when they are
     * packed. The chunk is written as one (its COPY round trips are what a chunk costs).
     */
    private static final int STORE_PART = 5;
    /** How long a run over many payees waits for writers in flight before it reads the database instead. */
    private static final long STORE_WAIT_MS = 2_000;

    private final JdbcClient jdbc;
    private final CalcInputs inputs;
    private final ResultWriter writer;
    private final Periods periods;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Engine engine = new Engine();
    private final DataSource dataSource;
    private final TransactionStore store;

    CalcRuns(JdbcClient jdbc, CalcInputs inputs, ResultWriter writer, Periods periods, TransactionTemplate tx,
            Clock clock, DataSource dataSource, TransactionStore store) {
        this.store = store;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.inputs = inputs;
        this.writer = writer;
        this.periods = periods;
        this.tx = tx;
        this.clock = clock;
    }

    public record Run(long id, String kind, String status, String trigger, String startedBy, java.time.Instant startedAt,
            java.time.Instant finishedAt, List<String> periods, int total, int done, int changed, String exclusions,
            String issues, String error) {
    }

    /** Brings the in-memory transaction store up to date now (e.g. after a big load), not in the next run. */
    public void warmTransactions() {
        store.warm();
    }

    /** Every payee on a plan, over the default periods. */
    public Run runFull(String trigger, String actor) {
        return run("FULL", Set.of(), defaultPeriods(), trigger, actor);
    }

    /** Only these payees (and nobody else's results change). */
    public Run runFor(Set<Long> personIds, String trigger, String actor) {
        Set<PersonId> payees = new TreeSet<>();
        personIds.forEach(id -> payees.add(CalcInputs.pid(id)));
        return run("INCREMENTAL", payees, defaultPeriods(), trigger, actor);
    }

    Run run(String kind, Set<PersonId> payees, List<PeriodId> runPeriods, String trigger, String actor) {
        long runId = jdbc.sql("""
                insert into calc_run(kind, status, trigger, started_by, started_at, periods)
                values (:k, 'RUNNING', :t, :a, :at, :p) returning id""")
                .param("k", kind).param("t", trigger).param("a", actor).param("at", Timestamp.from(clock.instant()))
                .param("p", runPeriods.stream().map(PeriodId::toString).toArray(String[]::new))
                .query(Long.class).single();
        try {
            Set<Long> only = new TreeSet<>();
            payees.forEach(p -> only.add(Long.parseLong(p.value())));
            long t0 = System.nanoTime();
            CalcInputs.Snapshot snapshot = inputs.snapshot(runPeriods, only);
            List<PersonId> who = new ArrayList<>(payeesOf(snapshot.base(), payees));
            jdbc.sql("update calc_run set total = :n, plan_versions = :pv where id = :id").param("n", who.size())
                    .param("pv", snapshot.planVersionIds().toArray(Long[]::new)).param("id", runId).update();
            long t1 = System.nanoTime();
            ChunkedRun chunks = new ChunkedRun(runId, snapshot, who);
            Outcome outcome = chunks.call();
            long t2 = System.nanoTime();
            int changed = tx.execute(status -> writer.makeCurrent(runId));
            if ("FULL".equals(kind)) {
                // A full run adds a result per payee-period; fresh statistics keep the next single-deal
                // runs' lookups of current results on their indexes instead of waiting for autovacuum.
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
            jdbc.sql("""
                    update calc_run set status = 'DONE', finished_at = :at, changed = :c,
                           exclusions = cast(:ex as jsonb), issues = cast(:is as jsonb), timings = cast(:tm as jsonb)
                    where id = :id""")
                    .param("at", Timestamp.from(clock.instant())).param("c", changed)
                    .param("ex", writer.toJson(outcome.exclusions())).param("is", writer.toJson(outcome.issues()))
                    .param("tm", writer.toJson(timings)).param("id", runId).update();
        } catch (RuntimeException e) {
            log.error("Calculation run {} failed", runId, e);
            jdbc.sql("update calc_run set status = 'FAILED', finished_at = :at, error = :e where id = :id")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("e", e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    .param("id", runId).update();
        }
        return find(runId).orElseThrow();
    }

    private record Outcome(List<Map<String, String>> exclusions, List<String> issues) {
    }

    /**
     * The payees in chunks, computed on every core: a chunk loads only the transactions that can
     * credit its payees (from one database snapshot exported for the whole run, so all chunks see the
     * same data), calls the engine and writes its results with COPY. The engine is pure and a chunk
     * shares nothing mutable with another, so the order chunks finish in does not change a number.
     */
    private final class ChunkedRun {
        private final long runId;
        private final CalcInputs.Snapshot snapshot;
        private final List<PersonId> who;
        private final Map<String, String> exclusions = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final Set<String> issues = new java.util.concurrent.ConcurrentSkipListSet<>();
        private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        // Summed over the chunk threads, for calc_run.timings.
        final java.util.concurrent.atomic.AtomicLong loadNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong engineNanos = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
        long storeNanos;
        // The run's people, plans, quotas and reporting lines indexed once for all its chunks (null: one chunk).
        private Engine.Prepared prepared;

        ChunkedRun(long runId, CalcInputs.Snapshot snapshot, List<PersonId> who) {
            this.runId = runId;
            this.snapshot = snapshot;
            this.who = who;
        }

        Outcome call() {
            List<List<PersonId>> chunks = new ArrayList<>();
            int size = chunkSize(who.size(), snapshot.creditsAnyTransaction());
            for (int i = 0; i < who.size(); i += size) {
                chunks.add(who.subList(i, Math.min(who.size(), i + size)));
            }
            int threads = Math.max(1, Math.min(chunks.size(), Runtime.getRuntime().availableProcessors()));
            if (chunks.size() == 1 && !snapshot.creditsAnyTransaction()) {
                // One chunk reads its transactions with one statement, which sees one consistent state by
                // itself: no snapshot to export and share, and a few round trips less for every
                // single-deal recalculation.
                compute(chunks.get(0), Integer.MAX_VALUE, people -> inputs.transactions(jdbc, snapshot.window(), people));
                return outcome();
            }
            prepared = engine.prepare(snapshot.base());
            // Runs over many payees read the in-memory store, brought up to date first (a few rows after a
            // day of deals). If a long import keeps writing, the run reads the database as before instead of waiting.
            long opening = System.nanoTime();
            try (TransactionStore.Reading reading = store.open(STORE_WAIT_MS)) {
                storeNanos = System.nanoTime() - opening;
                if (reading != null) {
                    List<Transaction> everything = snapshot.creditsAnyTransaction()
                            ? reading.transactions(null, snapshot.window()) : null;
                    // Parts of a chunk each read their own payees' transactions; when every payee may be
                    // credited any transaction, a part would index all of them again, so chunks stay whole.
                    inParallel(chunks, threads, everything != null ? Integer.MAX_VALUE : partSize(),
                            people -> everything != null ? everything : reading.transactions(people, snapshot.window()));
                    return outcome();
                }
            }
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                holder.setReadOnly(true);
                String exported;
                try (var st = holder.createStatement(); var rs = st.executeQuery("select pg_export_snapshot()")) {
                    rs.next();
                    exported = rs.getString(1);
                }
                List<Transaction> everything = snapshot.creditsAnyTransaction()
                        ? inputs.transactions(JdbcClient.create(new SingleConnectionDataSource(holder, true)), snapshot.window(), null)
                        : null;
                inParallel(chunks, threads, Integer.MAX_VALUE,
                        people -> everything != null ? everything : load(people, exported));
                holder.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the inputs failed: " + e.getMessage(), e);
            }
            return outcome();
        }

        private void inParallel(List<List<PersonId>> chunks, int threads, int part,
                java.util.function.Function<Set<Long>, List<Transaction>> loader) {
            if (threads == 1) {
                chunks.forEach(c -> compute(c, part, loader));
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "calc-run-" + runId);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                chunks.forEach(c -> futures.add(pool.submit(() -> compute(c, part, loader))));
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("calculation run interrupted", e);
            } finally {
                pool.shutdownNow();
            }
        }

        private Outcome outcome() {
            List<Map<String, String>> ex = new ArrayList<>();
            exclusions.forEach((t, reason) -> ex.add(Map.of("transaction", t, "reason", reason)));
            return new Outcome(ex, List.copyOf(issues));
        }

        /**
         * Computes and writes one chunk, {@code part} payees at a time (each part's deals packed right
         * after it is computed); {@code loader} reads the transactions that can credit the given people.
         */
        private void compute(List<PersonId> chunk, int part,
                java.util.function.Function<Set<Long>, List<Transaction>> loader) {
            ResultWriter.Packed packed = new ResultWriter.Packed();
            for (int from = 0; from < chunk.size(); from += part) {
                List<PersonId> people = chunk.subList(from, (int) Math.min(chunk.size(), (long) from + part));
                Set<Long> ids = new TreeSet<>();
                people.forEach(p -> ids.add(Long.parseLong(p.value())));
                long t0 = System.nanoTime();
                List<Transaction> transactions = loader.apply(snapshot.reach(ids));
                long t1 = System.nanoTime();
                CalculationResult result = prepared != null ? engine.calculate(prepared, transactions, Set.copyOf(people))
                        : engine.calculate(snapshot.forChunk(transactions, Set.copyOf(people)));
                long t2 = System.nanoTime();
                packed.add(result.statements());
                long t3 = System.nanoTime();
                loadNanos.addAndGet(t1 - t0);
                engineNanos.addAndGet(t2 - t1);
                writeNanos.addAndGet(t3 - t2);
                result.exclusions().forEach(e -> exclusions.putIfAbsent(e.transaction().value(), e.reason()));
                issues.addAll(result.issues());
            }
            long t3 = System.nanoTime();
            writer.write(runId, packed);
            writeNanos.addAndGet(System.nanoTime() - t3);
            jdbc.sql("update calc_run set done = greatest(done, :n) where id = :id")
                    .param("n", done.addAndGet(chunk.size())).param("id", runId).update();
        }

        private List<Transaction> load(Set<Long> people, String exported) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                try (var st = c.createStatement()) {
                    st.execute("set transaction snapshot '" + exported + "'");
                }
                List<Transaction> out = inputs.transactions(JdbcClient.create(new SingleConnectionDataSource(c, true)),
                        snapshot.window(), people);
                c.rollback();
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("Reading transactions failed: " + e.getMessage(), e);
            }
        }
    }

    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }

    /**
     * Payees per chunk. Small, because what a chunk holds while it computes (its transactions, credits,
     * explained deals and results) lives just long enough to be copied by every young collection that
     * happens meanwhile: with 250 payees a chunk held ~250k transactions' worth of objects, and at 3M
     * transactions under a 2 GB heap the collector's pauses added up to half the run. The run's
     * shared inputs are indexed once ({@link Engine#prepare}), so a small chunk costs only its COPY
     * round trips. When every chunk credits every transaction (territory rules) each chunk indexes all
     * of them, so those runs keep larger chunks.
     */
    private static int chunkSize(int payees, boolean everyTransaction) {
        Integer forced = Integer.getInteger("attain.calc.chunk");
        if (forced != null) {
            return Math.max(1, forced);
        }
        if (payees <= CHUNK) {
            return Math.max(1, payees);
        }
        return everyTransaction ? Math.min(250, Math.max(CHUNK, payees / 16)) : STORE_CHUNK;
    }

    /** Payees per part of a chunk read from the store ({@link #STORE_PART}; {@code -Dattain.calc.part=N} overrides). */
    private static int partSize() {
        return Math.max(1, Integer.getInteger("attain.calc.part", STORE_PART));
    }

    public Optional<Run> find(long runId) {
        return jdbc.sql("""
                select id, kind, status, trigger, started_by, started_at, finished_at, periods, total, done, changed,
                       exclusions::text as exclusions, issues::text as issues, error
                from calc_run where id = :id""").param("id", runId)
                .query((rs, n) -> new Run(rs.getLong("id"), rs.getString("kind"), rs.getString("status"),
                        rs.getString("trigger"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
                        List.of((String[]) rs.getArray("periods").getArray()), rs.getInt("total"), rs.getInt("done"),
                        rs.getInt("changed"), rs.getString("exclusions"), rs.getString("issues"), rs.getString("error")))
                .optional();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("select id from calc_run order by id desc limit :n").param("n", limit).query(Long.class).list()
                .stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** The quarters and months of the previous and the current fiscal year: what pages show and statements pay. */
    List<PeriodId> defaultPeriods() {
        var cal = periods.calendar().engine();
        LocalDate today = LocalDate.now(clock);
        PeriodId thisYear = cal.periodOf(today, PeriodKind.YEAR);
        PeriodId lastYear = cal.previous(thisYear);
        List<PeriodId> out = new ArrayList<>();
        for (PeriodId year : List.of(lastYear, thisYear)) {
            LocalDate d = cal.range(year).first();
            while (!d.isAfter(cal.range(year).last())) {
                PeriodId month = cal.periodOf(d, PeriodKind.MONTH);
                PeriodId quarter = cal.periodOf(d, PeriodKind.QUARTER);
                if (!out.contains(quarter)) {
                    out.add(quarter);
                }
                out.add(month);
                d = cal.range(month).last().plusDays(1);
            }
        }
        return out;
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
