package org.attain.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.spark.EngineOnSpark;
import org.attain.spark.GroupOutcome;
import org.attain.spark.PayeeGroup;
import org.attain.spark.PostgresReads;

/**
 * A run's chunks computed in Spark executors ({@code calc run --engine spark}). This process reads the inputs
 * (one snapshot, as a run here does), broadcasts the shared part, ships each chunk of payees with the
 * transactions that can credit them, and stores what comes back through the same checks, packing and COPY
 * as a run computed here: the same rows, deals and fingerprints. Each task's results are stored here as soon
 * as the task is done (while others compute), once: a task Spark retries after an executor failed is never
 * written twice.
 * <p>
 * With {@link Reads#EXECUTORS} ({@code --read executors}) this process reads no transaction: each chunk goes out
 * with what can credit its payees ({@link CalcInputs.Snapshot#reach}) and the executors read those transactions from
 * PostgreSQL themselves, at a database snapshot this process exports and holds open for the run
 * ({@link ExecutorDatabase}), so they see exactly the rows a read here would have seen.
 *
 * @param stages told each stage of the run as it begins (a message key and its arguments), for the CLI
 * @param reads who reads the chunks' transactions
 */
public record SparkRun(EngineOnSpark spark, Consumer<Stage> stages, Reads reads) {

    /** Who reads a chunk's transactions on a run on Spark. */
    public enum Reads {
        /** This process (the driver), from its in-memory store or PostgreSQL; they travel inside each task. */
        DRIVER,
        /** Each executor, from PostgreSQL at the run's snapshot: the driver holds none of them. */
        EXECUTORS;

        /** {@code driver} or {@code executors} (as {@code calc run --read} takes it); else an IllegalArgumentException. */
        public static Reads of(String name) {
            for (Reads r : values()) {
                if (r.name().equalsIgnoreCase(name)) {
                    return r;
                }
            }
            throw new IllegalArgumentException(String.valueOf(name));
        }
    }

    /** The driver reads (the default: equal numbers either way, and faster on one machine; docs/benchmarks.md). */
    public SparkRun(EngineOnSpark spark, Consumer<Stage> stages) {
        this(spark, stages, Reads.DRIVER);
    }

    public SparkRun {
        reads = reads == null ? Reads.DRIVER : reads;
    }

    /** A stage of a run on Spark: a message key of the messages bundle and its arguments. */
    public record Stage(String key, List<Object> args) {
        Stage(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    void stage(String key, Object... args) {
        stages.accept(new Stage(key, args));
    }

    boolean executorsRead() {
        return reads == Reads.EXECUTORS;
    }

    /** The same run, each stage also told to {@code more} (after those told now): how a run records its stages. */
    SparkRun alsoTelling(Consumer<Stage> more) {
        return new SparkRun(spark, stages.andThen(more), reads);
    }

    /**
     * Reads each chunk's transactions with {@code loader} (none when every chunk credits {@code everything}),
     * computes the chunks on Spark and stores their results through {@code run}.
     */
    void compute(
            ChunkedRun run,
            List<List<PersonId>> chunks,
            List<Transaction> everything,
            Function<CalcInputs.Snapshot.Reach, List<Transaction>> loader) {
        long t0 = System.nanoTime();
        List<PayeeGroup> groups = new ArrayList<>();
        for (List<PersonId> chunk : chunks) {
            groups.add(new PayeeGroup(
                    chunk,
                    everything != null ? null : loader.apply(run.snapshot().reach(ids(chunk)))));
        }
        run.loadNanos.addAndGet(System.nanoTime() - t0);
        compute(
                run,
                groups,
                "calc.spark.stage.computing",
                (tasks, sink) -> spark.calculate(run.snapshot().base(), everything, groups, tasks, sink));
    }

    /**
     * Sends each chunk with what can credit its payees (every transaction in the window when a territory rule may
     * credit anyone with anything); the executors read those transactions through {@code reads}, compute, and their
     * results are stored through {@code run}.
     */
    void compute(ChunkedRun run, List<List<PersonId>> chunks, PostgresReads reads) {
        List<PayeeGroup> groups = new ArrayList<>();
        for (List<PersonId> chunk : chunks) {
            PayeeGroup.Reach reach;
            if (run.snapshot().creditsAnyTransaction()) {
                reach = PayeeGroup.Reach.everything();
            } else {
                CalcInputs.Snapshot.Reach r = run.snapshot().reach(ids(chunk));
                reach = new PayeeGroup.Reach(r.people(), r.accounts());
            }
            groups.add(new PayeeGroup(chunk, null, reach));
        }
        compute(
                run,
                groups,
                "calc.spark.stage.computingReading",
                (tasks, sink) -> spark.calculate(run.snapshot().base(), reads, groups, tasks, sink));
    }

    private interface Calculation {
        void start(int tasks, EngineOnSpark.Sink sink);
    }

    private void compute(ChunkedRun run, List<PayeeGroup> groups, String stageKey, Calculation calculation) {
        long t1 = System.nanoTime();
        int payees = groups.stream().mapToInt(g -> g.payees().size()).sum();
        // A few tasks per core: a slow group does not hold back a whole core's share.
        int tasks = Math.min(groups.size(), spark.parallelism() * 4);
        stage(stageKey, payees, groups.size(), tasks);
        int total = payees;
        AtomicInteger tasksDone = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        // Tasks finish on several threads at once: counted and told in one step, so "task 7 of 8" is never told
        // (nor recorded on the run) after "task 8 of 8".
        Object inOrder = new Object();
        calculation.start(tasks, (task, outcomes) -> {
            long s0 = System.nanoTime();
            int n = 0;
            for (GroupOutcome o : outcomes) {
                run.store(o.payees(), new CalculationResult(o.statements(), o.exclusions(), o.issues()), o.failed());
                n += o.payees().size();
            }
            run.writeNanos.addAndGet(System.nanoTime() - s0);
            synchronized (inOrder) {
                stage("calc.spark.stage.stored", tasksDone.incrementAndGet(), tasks, stored.addAndGet(n), total);
            }
        });
        // The tasks' wall time, storing included (they overlap): the phase a run on Spark spends there.
        run.engineNanos.addAndGet(System.nanoTime() - t1);
    }

    private static Set<Long> ids(List<PersonId> chunk) {
        Set<Long> ids = new TreeSet<>();
        chunk.forEach(p -> ids.add(Long.parseLong(p.value())));
        return ids;
    }
}
