package org.attain.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;

/**
 * Runs the engine, unchanged, in Spark executors. The run's shared inputs (plans, people, assignments,
 * reporting lines, quotas, rates, events: everything but the transactions) are broadcast once; the payees
 * are partitioned in groups that carry the transactions that can credit them, or say which ones the executor reads
 * itself from PostgreSQL ({@link PostgresReads}, broadcast too); each task indexes the shared
 * inputs once ({@link Engine#prepare}) and computes its groups. Each task's outcomes come back to the caller as
 * soon as it is done, and the caller stores them: a task Spark retries after a failure is computed twice but
 * comes back, and is stored, once.
 *
 * <p>Numbers are those of a single-node run: the engine computes each payee independently of the others.
 */
public final class EngineOnSpark implements AutoCloseable {

    private final JavaSparkContext spark;

    private EngineOnSpark(JavaSparkContext spark) {
        this.spark = spark;
    }

    /**
     * A Spark context on {@code master} named {@code name}: no web UI (the app serves pages; Spark's UI would
     * take a port). The run's shared inputs are broadcast with Java serialization (the engine's records are
     * {@link java.io.Serializable}); each task's groups and their outcomes travel as byte arrays ({@link TaskBytes}).
     */
    public static EngineOnSpark start(SparkMaster master, String name) {
        // What Spark's own launcher passes; here the JVM is the application's (java -jar), started without it.
        if (System.getProperty("io.netty.tryReflectionSetAccessible") == null) {
            System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        }
        SparkConf conf = new SparkConf()
                .setMaster(master.url())
                .setAppName(name)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.bindAddress", master.local() ? "127.0.0.1" : "0.0.0.0");
        if (master.local()) {
            conf.set("spark.driver.host", "127.0.0.1");
        }
        return new EngineOnSpark(new JavaSparkContext(conf));
    }

    /** The master this context runs on, as given ({@code local[2]}, {@code spark://host:7077}). */
    public String master() {
        return spark.master();
    }

    /** Tasks that run at once (cores over all executors); at least 1. */
    public int parallelism() {
        return Math.max(1, spark.defaultParallelism());
    }

    /**
     * Computes the groups on the executors, {@code partitions} tasks (groups spread evenly, in order), and
     * returns one outcome per group in the groups' order. {@code shared} are the transactions of groups that
     * carry none (null when every group carries its own).
     */
    public List<GroupOutcome> calculate(
            CalculationInput base, List<Transaction> shared, List<PayeeGroup> groups, int partitions) {
        return collect(base, shared, groups, partitions, TaskStart.NONE);
    }

    /** Where a task's outcomes go as soon as it is computed, on the caller's side (several threads at once). */
    public interface Sink {
        void accept(int task, List<GroupOutcome> outcomes);
    }

    /**
     * As {@link #calculate(CalculationInput, List, List, int)}, but each task's outcomes go to {@code sink} as soon
     * as that task is done: one Spark job per task, as many in flight as tasks run at once, so the caller stores
     * while executors compute and holds no more outcomes than those in flight. Returns when every task's outcomes
     * were accepted; a task that fails for good (after Spark's retries) fails the call, and the jobs still running
     * are cancelled.
     */
    public void calculate(
            CalculationInput base, List<Transaction> shared, List<PayeeGroup> groups, int partitions, Sink sink) {
        stream(base, new Sources(shared, null), groups, partitions, TaskStart.NONE, sink);
    }

    /**
     * As {@link #calculate(CalculationInput, List, List, int, Sink)} for groups that say what to read
     * ({@link PayeeGroup#reach()}): each task reads its groups' transactions itself, through {@code reads}.
     */
    public void calculate(
            CalculationInput base, PostgresReads reads, List<PayeeGroup> groups, int partitions, Sink sink) {
        stream(base, new Sources(null, reads), groups, partitions, TaskStart.NONE, sink);
    }

    /** Where a task's groups find their transactions besides those they carry: shared ones, or reads of their own. */
    record Sources(List<Transaction> shared, PostgresReads reads) {}

    /** Told when a task attempt starts, in the executor: a test fails an attempt there to see Spark retry it. */
    interface TaskStart extends java.io.Serializable {
        TaskStart NONE = (task, attempt) -> {};

        void started(int task, int attempt);
    }

    /** The outcomes of all tasks in the groups' order, {@code taskStart} told of every attempt. */
    List<GroupOutcome> collect(
            CalculationInput base,
            List<Transaction> shared,
            List<PayeeGroup> groups,
            int partitions,
            TaskStart taskStart) {
        Map<Integer, List<GroupOutcome>> byTask = new java.util.concurrent.ConcurrentSkipListMap<>();
        stream(base, new Sources(shared, null), groups, partitions, taskStart, byTask::put);
        List<GroupOutcome> out = new ArrayList<>();
        byTask.values().forEach(out::addAll);
        return out;
    }

    /** Each task's outcomes to {@code sink} as it is done, {@code taskStart} told of every attempt. */
    void stream(
            CalculationInput base,
            Sources sources,
            List<PayeeGroup> groups,
            int partitions,
            TaskStart taskStart,
            Sink sink) {
        if (groups.isEmpty()) {
            return;
        }
        int tasks = Math.max(1, Math.min(partitions, groups.size()));
        Broadcast<CalculationInput> inputs = spark.broadcast(base);
        Broadcast<List<Transaction>> everything =
                spark.broadcast(sources.shared() == null ? null : List.copyOf(sources.shared()));
        Broadcast<PostgresReads> reads = spark.broadcast(sources.reads());
        ExecutorService jobs = Executors.newFixedThreadPool(Math.min(tasks, parallelism()), r -> {
            Thread t = new Thread(r, "attain-spark-job");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int task = 0; task < tasks; task++) {
                // The groups split in slices as Spark splits a list (ParallelCollectionRDD): in order, evenly.
                List<PayeeGroup> slice = groups.subList(
                        (int) ((long) task * groups.size() / tasks), (int) ((long) (task + 1) * groups.size() / tasks));
                int number = task;
                running.add(jobs.submit(
                        () -> sink.accept(number, run(number, slice, inputs, everything, reads, taskStart))));
            }
            for (Future<?> job : running) {
                job.get();
            }
        } catch (ExecutionException e) {
            spark.cancelAllJobs();
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            spark.cancelAllJobs();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing on Spark", e);
        } finally {
            jobs.shutdownNow();
            inputs.destroy();
            everything.destroy();
            reads.destroy();
        }
    }

    /**
     * One task, as one Spark job: its groups go to the executor and their outcomes come back as byte arrays
     * ({@link TaskBytes}), one a group, encoded here just before the job (so only the tasks in flight are held
     * encoded) and decoded as they arrive.
     */
    private List<GroupOutcome> run(
            int task,
            List<PayeeGroup> slice,
            Broadcast<CalculationInput> inputs,
            Broadcast<List<Transaction>> everything,
            Broadcast<PostgresReads> reads,
            TaskStart taskStart) {
        List<byte[]> sent = new ArrayList<>(slice.size());
        slice.forEach(group -> sent.add(TaskBytes.encode(group)));
        List<byte[]> back = spark.parallelize(sent, 1)
                .mapPartitions(groups -> {
                    taskStart.started(task, TaskContext.get().attemptNumber());
                    return compute(inputs.value(), everything.value(), reads.value(), groups);
                })
                .collect();
        List<GroupOutcome> out = new ArrayList<>(back.size());
        back.forEach(bytes -> out.add(TaskBytes.outcome(bytes)));
        return out;
    }

    /**
     * One task in an executor: the shared inputs indexed once, then each group (its transactions read first when it
     * says what to read, in one session of the task), its outcome encoded as soon as it is computed. A read that fails
     * fails the task, and Spark tries it again.
     */
    private static Iterator<byte[]> compute(
            CalculationInput base, List<Transaction> shared, PostgresReads reads, Iterator<byte[]> groups) {
        Engine engine = new Engine();
        Engine.Prepared prepared = engine.prepare(base);
        List<byte[]> out = new ArrayList<>();
        PostgresReads.Session session = null;
        try {
            while (groups.hasNext()) {
                PayeeGroup group = TaskBytes.group(groups.next());
                List<Transaction> transactions = group.transactions();
                if (group.reach() != null) {
                    if (reads == null) {
                        throw new IllegalStateException("a group to read for, and no database to read from");
                    }
                    session = session != null ? session : reads.open();
                    transactions = session.read(group.reach());
                }
                out.add(TaskBytes.encode(
                        compute(engine, prepared, transactions != null ? transactions : shared, group)));
            }
        } finally {
            if (session != null) {
                session.close();
            }
        }
        return out.iterator();
    }

    /** The group's results; if the engine fails on the group, each payee again alone, leaving out whoever still fails. */
    static GroupOutcome compute(
            Engine engine, Engine.Prepared prepared, List<Transaction> transactions, PayeeGroup group) {
        try {
            CalculationResult r = engine.calculate(prepared, transactions, Set.copyOf(group.payees()));
            return new GroupOutcome(group.payees(), r.statements(), r.exclusions(), r.issues(), Map.of());
        } catch (RuntimeException e) {
            List<org.attain.engine.calc.PayeePeriodResult> statements = new ArrayList<>();
            List<org.attain.engine.credit.Exclusion> exclusions = new ArrayList<>();
            List<String> issues = new ArrayList<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (PersonId person : group.payees()) {
                try {
                    CalculationResult r = engine.calculate(prepared, transactions, Set.of(person));
                    statements.addAll(r.statements());
                    exclusions.addAll(r.exclusions());
                    issues.addAll(r.issues());
                } catch (RuntimeException alone) {
                    failed.put(person.value(), describe(alone));
                }
            }
            return new GroupOutcome(group.payees(), statements, exclusions, issues, failed);
        }
    }

    /** The root cause's message (its class name when it has none): one line a person reads. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        spark.close();
    }
}
