package org.attain.calc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.sales.BookedTransactions;
import org.attain.sales.TransactionStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The payees in chunks, computed on every core: a chunk loads only the transactions that can
 * credit its payees (from one database snapshot exported for the whole run, so all chunks see the
 * same data), calls the engine and writes its results with COPY. The engine is pure and a chunk
 * shares nothing mutable with another, so the order chunks finish in does not change a number.
 */
final class ChunkedRun {

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

    /** What computing and storing a run's chunks needs besides the run's snapshot and payees. */
    record Services(
            BookedTransactions booked,
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionStore store,
            Engine engine,
            ResultWriter writer,
            RunRecords records) {}

    record Outcome(List<Map<String, String>> exclusions, List<String> issues, List<PayeeProblems.Problem> failed) {}

    private final BookedTransactions booked;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionStore store;
    private final Engine engine;
    private final ResultWriter writer;
    private final RunRecords records;
    private final long runId;
    private final CalcInputs.Snapshot snapshot;
    private final List<PersonId> who;
    private final ResultWriter.Currents currents;
    private final Map<String, String> exclusions = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Set<String> issues = new java.util.concurrent.ConcurrentSkipListSet<>();
    private final java.util.Queue<PayeeProblems.Problem> failed = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    // Summed over the chunk threads, for calc_run.timings.
    final java.util.concurrent.atomic.AtomicLong loadNanos = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong engineNanos = new java.util.concurrent.atomic.AtomicLong();
    final java.util.concurrent.atomic.AtomicLong writeNanos = new java.util.concurrent.atomic.AtomicLong();
    long storeNanos;
    // The run's people, plans, quotas and reporting lines indexed once for all its chunks (null: one chunk).
    private Engine.Prepared prepared;
    // Where the chunks are computed instead of on this machine's cores (null: here).
    private SparkRun spark;

    ChunkedRun(
            Services services,
            long runId,
            CalcInputs.Snapshot snapshot,
            List<PersonId> who,
            ResultWriter.Currents currents) {
        this.currents = currents;
        this.booked = services.booked();
        this.jdbc = services.jdbc();
        this.dataSource = services.dataSource();
        this.store = services.store();
        this.engine = services.engine();
        this.writer = services.writer();
        this.records = services.records();
        this.runId = runId;
        this.snapshot = snapshot;
        this.who = who;
    }

    /** Computes the chunks in Spark executors (their results stored from here, as a run on this machine stores them). */
    ChunkedRun on(SparkRun executors) {
        this.spark = executors;
        return this;
    }

    Outcome call() {
        List<List<PersonId>> chunks = new ArrayList<>();
        int size = chunkSize(who.size(), snapshot.creditsAnyTransaction());
        for (int i = 0; i < who.size(); i += size) {
            chunks.add(who.subList(i, Math.min(who.size(), i + size)));
        }
        int threads = Math.max(1, Math.min(chunks.size(), Runtime.getRuntime().availableProcessors()));
        if (chunks.size() == 1 && !snapshot.creditsAnyTransaction() && spark == null) {
            // One chunk reads its transactions with one statement, which sees one consistent state by
            // itself: no snapshot to export and share, and a few round trips less for every
            // single-deal recalculation.
            compute(
                    chunks.get(0),
                    Integer.MAX_VALUE,
                    reach -> booked.read(jdbc, snapshot.window(), reach.people(), reach.accounts()));
            return outcome();
        }
        if (spark != null && spark.executorsRead()) {
            readOnExecutors(chunks);
            return outcome();
        }
        prepared = engine.prepare(snapshot.base());
        // Runs over many payees read the in-memory store, brought up to date first (a few rows after a
        // day of deals). If a long import keeps writing, the run reads the database as before instead of waiting.
        long opening = System.nanoTime();
        try (TransactionStore.Reading reading = store.open(STORE_WAIT_MS)) {
            storeNanos = System.nanoTime() - opening;
            if (reading != null) {
                List<Transaction> everything =
                        snapshot.creditsAnyTransaction() ? reading.transactions(null, snapshot.window()) : null;
                // Parts of a chunk each read their own payees' transactions; when every payee may be
                // credited any transaction, a part would index all of them again, so chunks stay whole.
                if (spark != null) {
                    spark.compute(this, chunks, everything, reach -> read(reading, reach));
                    return outcome();
                }
                inParallel(
                        chunks,
                        threads,
                        everything != null ? Integer.MAX_VALUE : partSize(),
                        reach -> everything != null ? everything : read(reading, reach));
                return outcome();
            }
        }
        try (Connection holder = dataSource.getConnection()) {
            String exported = exportSnapshot(holder);
            List<Transaction> everything = snapshot.creditsAnyTransaction()
                    ? booked.read(
                            JdbcClient.create(new SingleConnectionDataSource(holder, true)), snapshot.window(), null)
                    : null;
            if (spark != null) {
                spark.compute(this, chunks, everything, reach -> load(reach, exported));
            } else {
                inParallel(
                        chunks,
                        threads,
                        Integer.MAX_VALUE,
                        reach -> everything != null ? everything : load(reach, exported));
            }
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the inputs failed: " + e.getMessage(), e);
        }
        return outcome();
    }

    /**
     * The chunks computed on Spark, each executor reading its chunks' transactions from PostgreSQL at a snapshot
     * exported here and held open (on one of the pool's connections) until every task is done, retries included: the
     * rows this run's driver would have read now, however the table changes meanwhile.
     */
    private void readOnExecutors(List<List<PersonId>> chunks) {
        try (Connection holder = dataSource.getConnection()) {
            String exported = exportSnapshot(holder);
            spark.compute(this, chunks, ExecutorDatabase.reads(dataSource, holder, exported, snapshot.window()));
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the inputs failed: " + e.getMessage(), e);
        }
    }

    /** Starts a read-only REPEATABLE READ transaction on {@code holder} and exports its snapshot for other sessions. */
    static String exportSnapshot(Connection holder) throws SQLException {
        holder.setAutoCommit(false);
        holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        holder.setReadOnly(true);
        try (var st = holder.createStatement();
                var rs = st.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void inParallel(
            List<List<PersonId>> chunks,
            int threads,
            int part,
            java.util.function.Function<CalcInputs.Snapshot.Reach, List<Transaction>> loader) {
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
        return new Outcome(ex, List.copyOf(issues), List.copyOf(failed));
    }

    /**
     * Computes and writes one chunk, {@code part} payees at a time (each part's deals packed right
     * after it is computed); {@code loader} reads the transactions that can credit the given people.
     * A payee whose inputs make the engine fail, or whose results hold a value the result tables
     * cannot, is left out and listed; the rest of the chunk is computed and stored as usual.
     */
    private void compute(
            List<PersonId> chunk,
            int part,
            java.util.function.Function<CalcInputs.Snapshot.Reach, List<Transaction>> loader) {
        ResultWriter.Packed packed = new ResultWriter.Packed();
        for (int from = 0; from < chunk.size(); from += part) {
            List<PersonId> people = chunk.subList(from, (int) Math.min(chunk.size(), (long) from + part));
            Set<Long> ids = new TreeSet<>();
            people.forEach(p -> ids.add(Long.parseLong(p.value())));
            long t0 = System.nanoTime();
            List<Transaction> transactions = loader.apply(snapshot.reach(ids));
            long t1 = System.nanoTime();
            List<PayeePeriodResult> statements = calculate(transactions, people);
            long t2 = System.nanoTime();
            pack(packed, statements);
            long t3 = System.nanoTime();
            loadNanos.addAndGet(t1 - t0);
            engineNanos.addAndGet(t2 - t1);
            writeNanos.addAndGet(t3 - t2);
        }
        long t3 = System.nanoTime();
        failed.addAll(writer.write(runId, packed, currents));
        writeNanos.addAndGet(System.nanoTime() - t3);
        records.done(runId, done.addAndGet(chunk.size()));
    }

    /**
     * Stores what an executor computed for {@code payees} as {@link #compute} stores a chunk computed here: the
     * same checks of the values, the same packing, one write; {@code failed} are the payees the engine failed on.
     */
    void store(List<PersonId> payees, CalculationResult computed, Map<String, String> failedOnes) {
        failedOnes.forEach((person, message) -> failed.add(PayeeProblems.engine(Long.parseLong(person), message)));
        ResultWriter.Packed packed = new ResultWriter.Packed();
        pack(packed, kept(computed));
        failed.addAll(writer.write(runId, packed, currents));
        records.done(runId, done.addAndGet(payees.size()));
    }

    CalcInputs.Snapshot snapshot() {
        return snapshot;
    }

    /** The part's results; if the engine fails on the part, each payee again alone, leaving out whoever still fails. */
    private List<PayeePeriodResult> calculate(List<Transaction> transactions, List<PersonId> people) {
        try {
            return kept(engineRun(transactions, Set.copyOf(people)));
        } catch (RuntimeException e) {
            if (people.size() == 1) {
                failed.add(PayeeProblems.engine(Long.parseLong(people.get(0).value()), e));
                return List.of();
            }
            List<PayeePeriodResult> out = new ArrayList<>();
            for (PersonId person : people) {
                try {
                    out.addAll(kept(engineRun(transactions, Set.of(person))));
                } catch (RuntimeException alone) {
                    failed.add(PayeeProblems.engine(Long.parseLong(person.value()), alone));
                }
            }
            return out;
        }
    }

    private CalculationResult engineRun(List<Transaction> transactions, Set<PersonId> people) {
        return prepared != null
                ? engine.calculate(prepared, transactions, people)
                : engine.calculate(snapshot.forChunk(transactions, people));
    }

    /** Takes the result's exclusions and issues; returns its statements but those of payees with values out of range. */
    private List<PayeePeriodResult> kept(CalculationResult result) {
        result.exclusions().forEach(e -> exclusions.putIfAbsent(e.transaction().value(), e.reason()));
        issues.addAll(result.issues());
        Set<Long> outOfRange = new java.util.HashSet<>();
        for (PayeePeriodResult s : result.statements()) {
            if (!outOfRange.contains(CalcRuns.personIdOf(s))) {
                PayeeProblems.outOfRange(s).ifPresent(p -> {
                    outOfRange.add(p.personId());
                    failed.add(p);
                });
            }
        }
        return outOfRange.isEmpty()
                ? result.statements()
                : result.statements().stream()
                        .filter(s -> !outOfRange.contains(CalcRuns.personIdOf(s)))
                        .toList();
    }

    /** Packs the part's deals; if packing fails, payee by payee, leaving out whoever still fails. */
    private void pack(ResultWriter.Packed packed, List<PayeePeriodResult> statements) {
        try {
            packed.add(statements);
        } catch (RuntimeException e) {
            Map<Long, List<PayeePeriodResult>> byPayee = new java.util.LinkedHashMap<>();
            statements.forEach(s -> byPayee.computeIfAbsent(CalcRuns.personIdOf(s), p -> new ArrayList<>())
                    .add(s));
            byPayee.forEach((person, own) -> {
                try {
                    packed.add(own);
                } catch (RuntimeException alone) {
                    failed.add(PayeeProblems.engine(person, alone));
                }
            });
        }
    }

    /** What a chunk reads from the store: its people's deals and, with territory crediting, its territories' accounts'. */
    private List<Transaction> read(TransactionStore.Reading reading, CalcInputs.Snapshot.Reach reach) {
        return reach.accounts().isEmpty()
                ? reading.transactions(reach.people(), snapshot.window())
                : reading.transactions(reach.people(), reach.accounts(), snapshot.window());
    }

    private List<Transaction> load(CalcInputs.Snapshot.Reach reach, String exported) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (var st = c.createStatement()) {
                st.execute("set transaction snapshot '" + exported + "'");
            }
            List<Transaction> out = booked.read(
                    JdbcClient.create(new SingleConnectionDataSource(c, true)),
                    snapshot.window(),
                    reach.people(),
                    reach.accounts());
            c.rollback();
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading transactions failed: " + e.getMessage(), e);
        }
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
}
