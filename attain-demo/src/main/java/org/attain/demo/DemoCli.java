package org.attain.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * {@code demo generate --out DIR [--people N] [--transactions M] [--seed S] [--as-of YYYY-MM-DD]
 * [--history-start YYYY-MM-DD]}: writes a demo company as CSV files. Without --transactions the
 * history is simulated; with it, exactly M deal transactions are written (benchmark mode).
 * Exit codes: 0 done, 1 could not write, 2 bad usage.
 */
public final class DemoCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_LINE = "usage: demo generate --out DIR [--people N] [--transactions M] [--seed S]"
            + " [--as-of YYYY-MM-DD] [--history-start YYYY-MM-DD]";

    /** A one-line problem with the command line, naming the option. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private DemoCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** Today comes from the system clock, the one place this module reads it. */
    public static int run(String[] args, PrintStream out) {
        return run(args, out, Clock.systemDefaultZone());
    }

    public static int run(String[] args, PrintStream out, Clock clock) {
        DemoParameters parameters;
        Path directory;
        try {
            if (args.length == 0 || !args[0].equals("generate")) {
                throw new UsageException("unknown command " + (args.length == 0 ? "(none)" : "'" + args[0] + "'")
                        + ", expected 'generate'");
            }
            Options options = Options.parse(args, LocalDate.now(clock));
            directory = options.out();
            parameters = options.parameters();
        } catch (UsageException e) {
            out.println("error: " + e.getMessage());
            out.println(USAGE_LINE);
            return USAGE;
        }
        long started = System.nanoTime();
        DemoCsvWriter.Counts counts;
        try {
            counts = DemoCsvWriter.write(DemoGenerator.generate(parameters), directory);
        } catch (IOException | RuntimeException e) {
            out.println("error: could not write the demo company to " + directory + ": " + e.getMessage());
            return FAILED;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.printf("wrote demo company (seed %d, as of %s) to %s%n", parameters.seed(), parameters.asOf(), directory);
        out.printf(
                "  regions %d, teams %d, people %d, reporting lines %d, team memberships %d%n",
                counts.regions(), counts.teams(), counts.people(), counts.reportingLines(), counts.teamMemberships());
        out.printf(
                "  accounts %d, products %d, opportunities %d, transactions %d, activities %d%n",
                counts.accounts(),
                counts.products(),
                counts.opportunities(),
                counts.transactions(),
                counts.activities());
        out.printf("  elapsed %d ms%n", millis);
        return OK;
    }

    /** The parsed command line; unknown, repeated or malformed options are usage errors. */
    record Options(Path out, DemoParameters parameters) {

        static Options parse(String[] args, LocalDate today) throws UsageException {
            Path out = null;
            int people = DemoParameters.DEFAULT_PEOPLE;
            OptionalLong transactions = OptionalLong.empty();
            long seed = DemoParameters.DEFAULT_SEED;
            LocalDate asOf = today;
            LocalDate historyStart = null;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 1; i < args.length; i += 2) {
                String option = args[i];
                if (!seen.add(option)) {
                    throw new UsageException(option + ": given more than once");
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(option + ": missing value");
                }
                String value = args[i + 1];
                switch (option) {
                    case "--out" -> out = Path.of(value);
                    case "--people" ->
                        people = (int) number(option, value, DemoParameters.MIN_PEOPLE, DemoParameters.MAX_PEOPLE);
                    case "--transactions" ->
                        transactions = OptionalLong.of(number(option, value, 0, DemoParameters.MAX_TRANSACTIONS));
                    case "--seed" -> seed = number(option, value, Long.MIN_VALUE, Long.MAX_VALUE);
                    case "--as-of" -> asOf = date(option, value);
                    case "--history-start" -> historyStart = date(option, value);
                    default -> throw new UsageException(option + ": unknown option");
                }
            }
            if (out == null) {
                throw new UsageException("--out: required, the directory to write the CSV files to");
            }
            try {
                LocalDate start = historyStart != null ? historyStart : DemoParameters.defaultHistoryStart(asOf);
                return new Options(out, new DemoParameters(seed, people, transactions, start, asOf));
            } catch (IllegalArgumentException e) {
                throw new UsageException(
                        (historyStart != null ? "--history-start" : "--as-of") + ": " + e.getMessage());
            }
        }

        private static long number(String option, String value, long min, long max) throws UsageException {
            long parsed;
            try {
                parsed = Long.parseLong(value.replace("_", ""));
            } catch (NumberFormatException e) {
                throw new UsageException(option + ": '" + value + "' is not a whole number");
            }
            if (parsed < min || parsed > max) {
                throw new UsageException(option + ": must be between " + min + " and " + max + ", was " + parsed);
            }
            return parsed;
        }

        private static LocalDate date(String option, String value) throws UsageException {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new UsageException(option + ": '" + value + "' is not a date like 2025-06-30");
            }
        }
    }
}
