package org.attain.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
 * as a run computed here: the same rows, deals and fingerprints. Results are stored only here and only once
 * per chunk, so a task Spark retries after an executor failed is never written twice.
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
        List<GroupOutcome> outcomes = spark.calculate(run.snapshot().base(), everything, groups, tasks);
        long t2 = System.nanoTime();
        run.engineNanos.addAndGet(t2 - t1);
        stage("calc.spark.stage.storing", payees, Math.round((t2 - t1) / 1e6));
        for (GroupOutcome o : outcomes) {
            run.store(o.payees(), new CalculationResult(o.statements(), o.exclusions(), o.issues()), o.failed());
        }
        run.writeNanos.addAndGet(System.nanoTime() - t2);
    }
}
