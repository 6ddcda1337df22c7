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

/**
 * A run's chunks computed in Spark executors ({@code calc run --engine spark}). This process reads the inputs
 * (one snapshot, as a run here does), broadcasts the shared part, ships each chunk of payees with the
 * transactions that can credit them, and stores what comes back through the same checks, packing and COPY
 * as a run computed here: the same rows, deals and fingerprints. Each task's results are stored here as soon
 * as the task is done (while others compute), once: a task Spark retries after an executor failed is never
 * written twice.
 *
 * @param stages told each stage of the run as it begins (a message key and its arguments), for the CLI
 */
public record SparkRun(EngineOnSpark spark, Consumer<Stage> stages) {

    /** A stage of a run on Spark: a message key of the messages bundle and its arguments. */
    public record Stage(String key, List<Object> args) {
        Stage(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    void stage(String key, Object... args) {
        stages.accept(new Stage(key, args));
    }

    /** The same run, each stage also told to {@code more} (after those told now): how a run records its stages. */
    SparkRun alsoTelling(Consumer<Stage> more) {
        return new SparkRun(spark, stages.andThen(more));
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
        int payees = 0;
        for (List<PersonId> chunk : chunks) {
            Set<Long> ids = new TreeSet<>();
            chunk.forEach(p -> ids.add(Long.parseLong(p.value())));
            groups.add(new PayeeGroup(
                    chunk,
                    everything != null ? null : loader.apply(run.snapshot().reach(ids))));
            payees += chunk.size();
        }
        long t1 = System.nanoTime();
        run.loadNanos.addAndGet(t1 - t0);
        // A few tasks per core: a slow group does not hold back a whole core's share.
        int tasks = Math.min(groups.size(), spark.parallelism() * 4);
        stage("calc.spark.stage.computing", payees, groups.size(), tasks);
        int total = payees;
        AtomicInteger tasksDone = new AtomicInteger();
        AtomicInteger stored = new AtomicInteger();
        // Tasks finish on several threads at once: counted and told in one step, so "task 7 of 8" is never told
        // (nor recorded on the run) after "task 8 of 8".
        Object inOrder = new Object();
        spark.calculate(run.snapshot().base(), everything, groups, tasks, (task, outcomes) -> {
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
}
