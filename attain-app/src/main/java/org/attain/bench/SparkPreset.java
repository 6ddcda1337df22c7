package org.attain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunStatus;
import org.attain.calc.SparkRun;
import org.attain.spark.EngineOnSpark;
import org.attain.spark.SparkMaster;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The part of {@code bench --preset spark} after the single-node runs: the same full run computed in Spark local
 * mode on 1 and on 2 cores, and on 2 cores with the executors reading their transactions from PostgreSQL
 * themselves, each storing every result as the single-node run that stored everything did, so they
 * are timed doing the same work and compared payee-period by payee-period (fingerprint, payout, earnings)
 * and in their payout totals to the cent. Then what one transaction costs in heap and on disk, scaled to 100M
 * transactions against this machine's memory and disk: the largest run the preset can say it ran, and why not
 * larger.
 */
final class SparkPreset {

    /** The heap PostgreSQL's shared buffers and its backends, the OS and the page cache are left (bytes). */
    private static final long BESIDE_THE_HEAP = 4L << 30;

    private static final long HUNDRED_MILLION = 100_000_000L;

    /** The runs on Spark: local[1] and local[2] with the driver reading, local[2] with the executors reading. */
    private record SparkCase(int cores, SparkRun.Reads reads, String key) {}

    private static final List<SparkCase> CASES = List.of(
            new SparkCase(1, SparkRun.Reads.DRIVER, "spark_local_1"),
            new SparkCase(2, SparkRun.Reads.DRIVER, "spark_local_2"),
            new SparkCase(2, SparkRun.Reads.EXECUTORS, "spark_local_2_executor_reads"));

    private final JdbcClient jdbc;
    private final HeapWatch heap;
    private final CpuClock cpu;
    private final Path scratch;
    private final BiConsumer<String, Object> print;
    private final long emptyHeap;
    private final long emptyDisk;
    private long transactions;
    private long storeHeap;
    private long loadedDisk;

    /** Measures the heap alive and the database's size before anything is loaded. */
    SparkPreset(JdbcClient jdbc, HeapWatch heap, CpuClock cpu, Path scratch, BiConsumer<String, Object> print) {
        this.jdbc = jdbc;
        this.heap = heap;
        this.cpu = cpu;
        this.scratch = scratch;
        this.print = print;
        this.emptyHeap = HeapWatch.live();
        this.emptyDisk = databaseBytes();
    }

    /** After the transactions are in the table and in the application's in-memory store. */
    void loaded(long transactions) {
        this.transactions = transactions;
        storeHeap = HeapWatch.live() - emptyHeap;
        loadedDisk = databaseBytes() - emptyDisk;
        print.accept("heap_empty_app_mb", emptyHeap >> 20);
        print.accept("heap_transaction_store_mb", storeHeap >> 20);
        print.accept("disk_transactions_mb", loadedDisk >> 20);
    }

    /** Before the single-node runs: their heap is watched from here. */
    void singleNodeStarts() {
        heap.reset();
    }

    /**
     * The Spark runs beside {@code singleNode} (the single-node run that stored every result, in {@code seconds}):
     * timed, checked equal, printed; throws when a run fails or differs.
     */
    void measure(CalcRuns runs, CalcRuns.Run singleNode, double seconds) {
        long singleNodePeakAfterGc = heap.peakAfterGc();
        int cores = Runtime.getRuntime().availableProcessors();
        print.accept("single_node_store_all_s", seconds);
        print.accept("single_node_cores", cores);
        print.accept("single_node_store_all_timings", timings(singleNode.id()));
        print.accept("single_node_heap_peak_mb", heap.peakUsed() >> 20);
        print.accept("single_node_heap_peak_after_gc_mb", singleNodePeakAfterGc >> 20);
        print.accept("single_node_tx_per_s_per_core", Math.round(transactions / seconds / cores));
        Totals single = totals(singleNode.id());
        print.accept("single_node_results", single.results());
        print.accept("single_node_payout_total", single.payout());
        // A task's outcomes come back to the driver in one piece; at 10M transactions a quarter of all explained deals
        // can pass Spark's default limit of 1 GB of results per job (one job per task here). In local mode they are in
        // this heap either way.
        if (System.getProperty("spark.driver.maxResultSize") == null) {
            System.setProperty("spark.driver.maxResultSize", "0");
        }
        warmUp(runs);
        List<Double> sparkSeconds = new ArrayList<>();
        long liveMidRun = 0;
        long resultDisk = 0;
        for (SparkCase c : CASES) {
            int n = c.cores();
            String key = c.key();
            heap.reset();
            long disk0 = databaseBytes();
            long t0 = System.nanoTime();
            CalcRuns.Run run;
            double runSeconds;
            CpuClock.Reading used;
            MidRun mid = new MidRun();
            try (EngineOnSpark spark = EngineOnSpark.start(new SparkMaster("local[" + n + "]"), "attain bench")) {
                print.accept(key + "_context_s", BenchCommand.seconds(t0));
                CpuClock.Reading cpu0 = cpu.read();
                long t1 = System.nanoTime();
                run = runs.runOnSparkStoringEverything(new SparkRun(spark, mid::stage, c.reads()), "bench", "bench");
                // The one full collection that measured the live heap stopped every thread: not the run's time.
                runSeconds = BenchCommand.seconds(t1 + mid.pauseNanos);
                used = cpu.read().minus(cpu0);
            }
            if (run.status() != RunStatus.DONE || !run.failedPayees().isEmpty()) {
                throw new IllegalStateException("the run " + key + " ended " + run.status() + " with "
                        + run.failedPayees().size() + " payee(s) left out: " + run.error());
            }
            resultDisk = databaseBytes() - disk0;
            liveMidRun = Math.max(liveMidRun, mid.live);
            sparkSeconds.add(runSeconds);
            print.accept(key + "_s", runSeconds);
            // Its phases (ms): snapshot, load (the chunks' transactions read here), engine (the tasks' wall time,
            // storing included), write (storing, summed over the threads that stored), current.
            print.accept(key + "_timings", timings(run.id()));
            print.accept(key + "_cpu_jvm_s", used.jvmSeconds());
            print.accept(key + "_cpu_pg_s", used.postgresSeconds());
            print.accept(key + "_tx_per_s_per_core", Math.round(transactions / runSeconds / n));
            print.accept(key + "_heap_peak_mb", heap.peakUsed() >> 20);
            print.accept(key + "_heap_peak_after_gc_mb", heap.peakAfterGc() >> 20);
            print.accept(key + "_heap_live_mid_run_mb", mid.live >> 20);
            print.accept(key + "_gc_pause_s", String.format("%.3f", mid.pauseNanos / 1e9));
            print.accept(key + "_disk_results_mb", resultDisk >> 20);
            Totals there = totals(run.id());
            print.accept(key + "_payout_total", there.payout());
            long differ = differing(singleNode.id(), run.id());
            if (differ > 0
                    || there.results() != single.results()
                    || !there.payout().equals(single.payout())) {
                throw new IllegalStateException("the run " + key + " differs from the single-node run: "
                        + differ + " payee-period(s) with another fingerprint, payout or earnings; "
                        + there.results() + " results against " + single.results() + "; payout "
                        + there.payout() + " against " + single.payout());
            }
            print.accept(
                    key + "_totals_match",
                    "yes (" + single.results()
                            + " payee-periods: fingerprint, payout and earnings equal; payout totals equal to the cent)");
        }
        print.accept("spark_scaling_1_to_2", String.format("%.2f", sparkSeconds.get(0) / sparkSeconds.get(1)));
        print.accept("spark_vs_single_node", String.format("%.2f", seconds / sparkSeconds.get(1)));
        // Executors reading their own transactions (over JDBC, at the run's snapshot) against the driver reading them
        // (from its in-memory store) and sending them along, both on local[2]: above 1, executors' reads are slower.
        print.accept(
                "spark_executor_reads_vs_driver_reads",
                String.format("%.2f", sparkSeconds.get(2) / sparkSeconds.get(1)));
        estimate(liveMidRun, resultDisk);
    }

    /**
     * The heap alive half-way through a run on Spark: one full collection when half of the tasks' outcomes are
     * stored (the driver holding the inputs, executors computing, outcomes arriving), its pause kept apart.
     */
    private static final class MidRun {
        volatile long live;
        volatile long pauseNanos;

        void stage(SparkRun.Stage stage) {
            if (stage.key().equals("calc.spark.stage.stored")
                    && live == 0
                    && ((Number) stage.args().get(0)).intValue() * 2
                            >= ((Number) stage.args().get(1)).intValue()) {
                synchronized (this) {
                    if (live == 0) {
                        long t0 = System.nanoTime();
                        live = HeapWatch.live();
                        pauseNanos = System.nanoTime() - t0;
                    }
                }
            }
        }
    }

    /**
     * An untimed run on Spark over a tenth of the payees (at most 1,000), which stores nothing (their results are
     * unchanged): Spark's classes loaded and its serialization compiled by the JIT before either timed run, so the
     * first (local[1]) does not pay for it alone.
     */
    private void warmUp(CalcRuns runs) {
        List<Long> payees = jdbc.sql("select distinct person_id from plan_assignment order by person_id")
                .query(Long.class)
                .list();
        java.util.Set<Long> some =
                new java.util.TreeSet<>(payees.subList(0, Math.min(1_000, Math.max(1, payees.size() / 10))));
        long t0 = System.nanoTime();
        try (EngineOnSpark spark = EngineOnSpark.start(new SparkMaster("local[2]"), "attain bench warm-up")) {
            CalcRuns.Run run = runs.runOnSpark(new SparkRun(spark, stage -> {}), some, null, null, "bench", "bench");
            if (run.status() != RunStatus.DONE) {
                throw new IllegalStateException("the warm-up run on Spark ended " + run.status() + ": " + run.error());
            }
        }
        print.accept("spark_warmup_payees", some.size());
        print.accept("spark_warmup_s", BenchCommand.seconds(t0));
    }

    /**
     * Heap and disk per transaction from this run, scaled to 100M transactions: the largest run is this one when
     * 100M would not fit in the machine's memory beside PostgreSQL or on the scratch folder's disk.
     */
    private void estimate(long liveMidRun, long resultDisk) {
        long memory = physicalMemory();
        long free;
        try {
            free = Files.getFileStore(scratch).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        // Alive at one moment of the run: what a larger run needs at least (its peak may be higher).
        double heapPerTx = (double) (Math.max(liveMidRun, emptyHeap + storeHeap) - emptyHeap) / transactions;
        double storePerTx = (double) storeHeap / transactions;
        double diskPerTx = (double) loadedDisk / transactions;
        double resultsPerTx = (double) resultDisk / transactions;
        // The preset stores every result five times (the first single-node run, the one storing everything, and
        // one per Spark run); the transactions once.
        double presetDiskPerTx = diskPerTx + (2 + CASES.size()) * resultsPerTx;
        long heap100m = emptyHeap + Math.round(heapPerTx * HUNDRED_MILLION);
        long disk100m = Math.round(presetDiskPerTx * HUNDRED_MILLION);
        long heapRoom = memory - BESIDE_THE_HEAP;
        long fits = heapPerTx <= 0 ? 0 : (long) ((heapRoom - emptyHeap) / heapPerTx);
        if (free > 0 && presetDiskPerTx > 0) {
            fits = Math.min(fits, (long) (free / presetDiskPerTx));
        }
        print.accept("largest_run_transactions", transactions);
        print.accept("estimate_heap_bytes_per_tx", Math.round(heapPerTx));
        print.accept("estimate_store_heap_bytes_per_tx", Math.round(storePerTx));
        print.accept("estimate_disk_bytes_per_tx", Math.round(diskPerTx));
        print.accept("estimate_result_disk_bytes_per_tx", Math.round(resultsPerTx));
        print.accept("estimate_100m_heap_at_least_gb", gb(heap100m));
        print.accept("estimate_100m_disk_gb", gb(disk100m));
        print.accept("machine_memory_gb", gb(memory));
        print.accept("disk_free_gb", free < 0 ? "unknown" : gb(free));
        print.accept("largest_fitting_tx_estimate", fits / 1_000_000 * 1_000_000);
        List<String> why = new ArrayList<>();
        if (heap100m > heapRoom) {
            why.add("its heap (at least " + gb(heap100m) + " GB: " + Math.round(heapPerTx)
                    + " B/transaction alive in the run) exceeds" + " the " + gb(heapRoom) + " GB this " + gb(memory)
                    + " GB machine leaves beside PostgreSQL");
        }
        if (free >= 0 && disk100m > free) {
            why.add("its database (" + gb(disk100m) + " GB at " + Math.round(presetDiskPerTx) + " B/transaction with "
                    + (2 + CASES.size()) + " stored runs) exceeds the " + gb(free) + " GB free on disk");
        }
        print.accept(
                "larger_run",
                why.isEmpty()
                        ? "100M transactions might fit by this estimate (heap at least " + gb(heap100m) + " GB, disk "
                                + gb(disk100m) + " GB): not run here, run it with --transactions to confirm"
                        : "100M transactions not run: " + String.join("; ", why));
    }

    private record Totals(long results, String payout) {}

    /** The run's stored results and their payout per currency, to the cent. */
    private Totals totals(long runId) {
        long results = jdbc.sql("select count(*) from payee_period_result where run_id = :r")
                .param("r", runId)
                .query(Long.class)
                .single();
        String payout = String.join(
                " ", jdbc.sql("""
                        select currency || ':' || round(sum(payout), 2) from payee_period_result where run_id = :r
                        group by currency order by currency""").param("r", runId).query(String.class).list());
        return new Totals(results, payout);
    }

    /** Payee-periods stored by one run and not the other, or with another fingerprint, payout or earnings. */
    private long differing(long a, long b) {
        return jdbc.sql("""
                select count(*) from
                  (select person_id, period_id, fingerprint, payout, earnings from payee_period_result where run_id = :a) x
                  full join
                  (select person_id, period_id, fingerprint, payout, earnings from payee_period_result where run_id = :b) y
                  using (person_id, period_id)
                where x.fingerprint is distinct from y.fingerprint or x.payout is distinct from y.payout
                   or x.earnings is distinct from y.earnings""").param("a", a).param("b", b).query(Long.class).single();
    }

    private String timings(long runId) {
        return jdbc.sql("select timings::text from calc_run where id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
    }

    private long databaseBytes() {
        return jdbc.sql("select pg_database_size(current_database())")
                .query(Long.class)
                .single();
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String gb(long bytes) {
        return String.format("%.1f", bytes / (double) (1L << 30));
    }
}
