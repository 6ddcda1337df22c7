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
        int calcRuns,
        int historyYears,
        int holdSeconds) {

    static final String USAGE = """
            Usage: java -jar attain.jar bench --preset smoke|varcac|full|spark [--people N] [--transactions M] [--deals D]
                                              [--users U] [--seconds S] [--warmup W] [--calc-runs R] [--seed X]
                                              [--history-years Y] [--hold S]
              smoke: 60 people, 30,000 transactions, 50 deals, 10 users for 5 s, 2 full calculations (seconds; CI)
              varcac: 1,416 people (about 1,000 payees), 1,000,000 transactions, 50 deals, 10 users for 10 s,
                     2 full calculations: the workload of VarCAC's published benchmark (1,000 payees x 1M rows)
              full:  10,000 people, 10,000,000 transactions, 200 deals, 50 users for 60 s after 20 s of warm-up,
                     2 full calculations (the ratio to SQL is printed for each, ratio_vs_sql is the last's)
              spark: 10,000 people, 10,000,000 transactions: the full preset's 2 full calculations and the run storing
                     every result, then the same run on Spark local[1] and local[2], each checked equal to the cent;
                     no SQL, single deals or users (those options are ignored)
              --history-years Y: the transactions spread over Y calendar years up to today (default 2: last year
                     and this one); runs cover last and this fiscal year as a server's do, so older years are history
              --hold S: before stopping, print the database's URL and keep it running S seconds (to inspect it)
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
        Builder b = new Builder();
        b.preset = preset;
        if ("smoke".equals(preset)) {
            b.sized(60, 30_000, 50, 10, 5, 0, 2);
        } else if ("varcac".equals(preset)) {
            b.sized(1_416, 1_000_000, 50, 10, 10, 0, 2);
        } else if ("full".equals(preset)) {
            b.sized(10_000, 10_000_000, 200, 50, 60, 20, 2);
        } else if ("spark".equals(preset)) {
            b.sized(10_000, 10_000_000, 200, 50, 60, 20, 2);
        } else {
            throw new IllegalArgumentException("--preset: must be smoke, varcac, full or spark, was "
                    + (preset == null ? "missing" : "'" + preset + "'"));
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = e.getKey();
            String v = e.getValue();
            switch (name) {
                case "--people" -> b.people = (int) number(name, v, 10, 100_000);
                case "--transactions" -> b.transactions = number(name, v, 1_000, 50_000_000);
                case "--deals" -> b.deals = (int) number(name, v, 1, 100_000);
                case "--users" -> b.users = (int) number(name, v, 1, 500);
                case "--seconds" -> b.seconds = (int) number(name, v, 1, 3_600);
                case "--seed" -> b.seed = number(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--warmup" -> b.warmup = (int) number(name, v, 0, 600);
                case "--calc-runs" -> b.calcRuns = (int) number(name, v, 1, 10);
                case "--history-years" -> b.historyYears = (int) number(name, v, 1, 10);
                case "--hold" -> b.holdSeconds = (int) number(name, v, 0, 86_400);
                default -> throw new IllegalArgumentException(name + ": unknown option");
            }
        }
        return b.build();
    }

    /** The options as they are read: a preset's sizes first, then each option given over them. */
    private static final class Builder {
        String preset;
        int people;
        long transactions;
        int deals;
        int users;
        int seconds;
        long seed = 20_261_126L;
        int warmup;
        int calcRuns;
        int historyYears = 2;
        int holdSeconds;

        void sized(int people, long transactions, int deals, int users, int seconds, int warmup, int calcRuns) {
            this.people = people;
            this.transactions = transactions;
            this.deals = deals;
            this.users = users;
            this.seconds = seconds;
            this.warmup = warmup;
            this.calcRuns = calcRuns;
        }

        BenchOptions build() {
            return new BenchOptions(
                    preset,
                    people,
                    transactions,
                    deals,
                    users,
                    seconds,
                    seed,
                    warmup,
                    calcRuns,
                    historyYears,
                    holdSeconds);
        }
    }

    private static long number(String name, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a whole number: '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + ": must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }
}
