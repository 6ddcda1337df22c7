package org.attain.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark run does: the company size, the number of single deals for the recalculation
 * latency, the users and duration of the load phase. A preset fills everything; any option after
 * it overrides one value. {@code warmup}: seconds of the same load before the measured {@code seconds},
 * not recorded, so the JIT compiler has compiled the request path (in a fresh JVM it used a third of
 * the JVM's CPU during the first half minute of load). {@code calcRuns}: full calculations one after the
 * other; all are printed, the ratio is taken of the last (a server's JIT compiler has compiled the
 * calculation after its first run: in a fresh JVM it used ~8 of a 10M run's ~50 CPU seconds).
 */
record BenchOptions(
        String preset,
        int people,
        long transactions,
        int deals,
        int users,
        int seconds,
        long seed,
        int warmup,
        int calcRuns) {

    static final String USAGE = """
            Usage: java -jar attain.jar bench --preset smoke|varcac|full|spark [--people N] [--transactions M] [--deals D]
                                              [--users U] [--seconds S] [--warmup W] [--calc-runs R] [--seed X]
              smoke: 60 people, 30,000 transactions, 50 deals, 10 users for 5 s, 2 full calculations (seconds; CI)
              varcac: 1,416 people (about 1,000 payees), 1,000,000 transactions, 50 deals, 10 users for 10 s,
                     2 full calculations: the workload of VarCAC's published benchmark (1,000 payees x 1M rows)
              full:  10,000 people, 10,000,000 transactions, 200 deals, 50 users for 60 s after 20 s of warm-up,
                     2 full calculations (the ratio to SQL is printed for each, ratio_vs_sql is the last's)
              spark: 10,000 people, 10,000,000 transactions: the full preset's 2 full calculations and the run storing
                     every result, then the same run on Spark local[1] and local[2], each checked equal to the cent;
                     no SQL, single deals or users (those options are ignored)
            """;

    /** The spark preset: the single-node run beside the same run on Spark local mode, nothing else. */
    boolean spark() {
        return "spark".equals(preset);
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException(name + ": unexpected argument (options start with --)");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(name + ": needs a value");
            }
            given.put(name, args[++i]);
        }
        String preset = given.remove("--preset");
        BenchOptions o;
        if ("smoke".equals(preset)) {
            o = new BenchOptions("smoke", 60, 30_000, 50, 10, 5, 20_261_126L, 0, 2);
        } else if ("varcac".equals(preset)) {
            o = new BenchOptions("varcac", 1_416, 1_000_000, 50, 10, 10, 20_261_126L, 0, 2);
        } else if ("full".equals(preset)) {
            o = new BenchOptions("full", 10_000, 10_000_000, 200, 50, 60, 20_261_126L, 20, 2);
        } else if ("spark".equals(preset)) {
            o = new BenchOptions("spark", 10_000, 10_000_000, 200, 50, 60, 20_261_126L, 20, 2);
        } else {
            throw new IllegalArgumentException("--preset: must be smoke, varcac, full or spark, was "
                    + (preset == null ? "missing" : "'" + preset + "'"));
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String v = e.getValue();
            BenchOptions c = o;
            o = switch (e.getKey()) {
                case "--people" ->
                    c.with(
                            e.getKey(),
                            v,
                            10,
                            100_000,
                            n -> new BenchOptions(
                                    c.preset,
                                    (int) n,
                                    c.transactions,
                                    c.deals,
                                    c.users,
                                    c.seconds,
                                    c.seed,
                                    c.warmup,
                                    c.calcRuns));
                case "--transactions" ->
                    c.with(
                            e.getKey(),
                            v,
                            1_000,
                            50_000_000,
                            n -> new BenchOptions(
                                    c.preset, c.people, n, c.deals, c.users, c.seconds, c.seed, c.warmup, c.calcRuns));
                case "--deals" ->
                    c.with(
                            e.getKey(),
                            v,
                            1,
                            100_000,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    (int) n,
                                    c.users,
                                    c.seconds,
                                    c.seed,
                                    c.warmup,
                                    c.calcRuns));
                case "--users" ->
                    c.with(
                            e.getKey(),
                            v,
                            1,
                            500,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    c.deals,
                                    (int) n,
                                    c.seconds,
                                    c.seed,
                                    c.warmup,
                                    c.calcRuns));
                case "--seconds" ->
                    c.with(
                            e.getKey(),
                            v,
                            1,
                            3_600,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    c.deals,
                                    c.users,
                                    (int) n,
                                    c.seed,
                                    c.warmup,
                                    c.calcRuns));
                case "--seed" ->
                    c.with(
                            e.getKey(),
                            v,
                            Long.MIN_VALUE,
                            Long.MAX_VALUE,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    c.deals,
                                    c.users,
                                    c.seconds,
                                    n,
                                    c.warmup,
                                    c.calcRuns));
                case "--warmup" ->
                    c.with(
                            e.getKey(),
                            v,
                            0,
                            600,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    c.deals,
                                    c.users,
                                    c.seconds,
                                    c.seed,
                                    (int) n,
                                    c.calcRuns));
                case "--calc-runs" ->
                    c.with(
                            e.getKey(),
                            v,
                            1,
                            10,
                            n -> new BenchOptions(
                                    c.preset,
                                    c.people,
                                    c.transactions,
                                    c.deals,
                                    c.users,
                                    c.seconds,
                                    c.seed,
                                    c.warmup,
                                    (int) n));
                default -> throw new IllegalArgumentException(e.getKey() + ": unknown option");
            };
        }
        return o;
    }

    private BenchOptions with(
            String name, String value, long min, long max, java.util.function.LongFunction<BenchOptions> set) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", was " + n);
        }
        return set.apply(n);
    }
}
