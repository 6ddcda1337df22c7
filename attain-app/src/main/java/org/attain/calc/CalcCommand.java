package org.attain.calc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.attain.platform.CliFailure;
import org.attain.platform.Headless;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar attain.jar calc run [--person ID]... [--from FIRST] [--to LAST] [--engine spark [--master URL]
 * [--read driver|executors]] [--spring.options]}:
 * runs the calculation on the server's database without starting the server (a person by internal id,
 * employee id or e-mail, see {@link org.attain.org.PersonRef}), prints progress and the run summary with
 * every exclusion and the transactions outside its periods, and exits 0 when the run finished, 1 when it
 * failed, 2 on bad arguments (a period range that is unreadable, reversed, too long or holds a closed
 * period included: one line, nothing run). With {@code --engine spark} the payees are computed in Apache Spark
 * executors ({@code --master local[*]} by default, {@code local[N]} or {@code spark://host:port}); the results are
 * stored and made current exactly as a run on this machine's cores stores them, and each stage is printed. With
 * {@code --read executors} the executors read their payees' transactions from PostgreSQL themselves instead of this
 * process sending them ({@link SparkRun.Reads}).
 */
public final class CalcCommand {

    static final String USAGE = "usage: calc run [--person ID|EMPLOYEE-ID|E-MAIL]... [--from FIRST --to LAST]"
            + " [--engine spark [--master local[*]|local[N]|spark://HOST:PORT] [--read driver|executors]] [--spring.options]"
            + " (FIRST, LAST: a month 2017-01, a quarter 2017-Q1 or a fiscal year 2017)";

    private CalcCommand() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("run")) {
            err.println(USAGE);
            return 2;
        }
        List<org.attain.org.PersonRef> named = new ArrayList<>();
        List<String> spring = new ArrayList<>();
        String[] range = new String[2];
        String engine = null;
        String master = null;
        String read = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--engine") || args[i].equals("--master") || args[i].equals("--read")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    err.println(text("calc.cli.needsValue", args[i]));
                    return 2;
                }
                if (args[i].equals("--engine")) {
                    engine = args[++i];
                } else if (args[i].equals("--master")) {
                    master = args[++i];
                } else {
                    read = args[++i];
                }
                continue;
            }
            int bound = args[i].equals("--from") ? 0 : args[i].equals("--to") ? 1 : -1;
            if (bound >= 0) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    err.println(args[i] + " needs a period: a month 2017-01, a quarter 2017-Q1 or a fiscal year 2017");
                    return 2;
                }
                range[bound] = args[++i];
                try {
                    org.attain.engine.time.PeriodId.parse(range[bound]);
                } catch (IllegalArgumentException e) {
                    err.println(
                            args[i - 1] + ": '" + range[bound] + "' is not a period: write a month (2017-01), a quarter"
                                    + " (2017-Q1) or a fiscal year (2017)");
                    return 2;
                }
                continue;
            }
            if (args[i].equals("--person") && i + 1 < args.length) {
                try {
                    named.add(org.attain.org.PersonRef.valueOf(args[++i]));
                } catch (IllegalArgumentException e) {
                    err.println("--person: " + e.getMessage());
                    return 2;
                }
            } else if (args[i].startsWith("--")) {
                spring.add(args[i]);
            } else {
                err.println("unexpected argument '" + args[i] + "'");
                err.println(USAGE);
                return 2;
            }
        }
        if (engine != null && !engine.equals("spark")) {
            err.println(text("calc.cli.unknownEngine", engine));
            return 2;
        }
        if (master != null && engine == null) {
            err.println(text("calc.cli.masterWithoutSpark", master));
            return 2;
        }
        if (read != null && engine == null) {
            err.println(text("calc.cli.readWithoutSpark", read));
            return 2;
        }
        SparkRun.Reads reads;
        try {
            reads = read == null ? SparkRun.Reads.DRIVER : SparkRun.Reads.of(read);
        } catch (IllegalArgumentException e) {
            err.println(text("calc.cli.badRead", read));
            return 2;
        }
        org.attain.spark.SparkMaster sparkMaster = null;
        if (engine != null) {
            try {
                sparkMaster = new org.attain.spark.SparkMaster(master == null ? "local[*]" : master);
            } catch (IllegalArgumentException e) {
                err.println(text("calc.cli.badMaster", master));
                return 2;
            }
        }
        if (reads == SparkRun.Reads.EXECUTORS) {
            // The run reads no transaction here: the store's load at start-up would only take heap and time.
            spring.add("--attain.transactions.warm-at-start=false");
        }
        try (ConfigurableApplicationContext context = Headless.start(spring)) {
            CalcRuns runs = context.getBean(CalcRuns.class);
            Set<Long> people = new TreeSet<>();
            try {
                var refs = context.getBean(org.attain.org.PersonRefs.class);
                named.forEach(ref -> people.add(refs.resolveAmongEveryone(ref, "--person")));
            } catch (org.attain.platform.InvalidInputException e) {
                e.problems().forEach(p -> err.println(p.field() + ": " + p.reason()));
                return 2;
            }
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            boolean chosen = range[0] != null || range[1] != null;
            if (sparkMaster != null) {
                return onSpark(runs, reads, sparkMaster, people, range, actor, out, err);
            }
            CompletableFuture<CalcRuns.Run> running = CompletableFuture.supplyAsync(() -> chosen
                    ? runs.runRange(people, range[0], range[1], "cli", actor)
                    : people.isEmpty() ? runs.runFull("cli", actor) : runs.runFor(people, "cli", actor));
            int lastShown = -1;
            while (!running.isDone()) {
                var latest = runs.recent(1);
                if (!latest.isEmpty()
                        && latest.get(0).status() == RunStatus.RUNNING
                        && latest.get(0).done() != lastShown) {
                    lastShown = latest.get(0).done();
                    out.println("run " + latest.get(0).id() + ": " + lastShown + " of "
                            + latest.get(0).total() + " payees");
                }
                Thread.sleep(500);
            }
            return summary(running.join(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.attain.calendar.PeriodRange.Refused refused) {
                    err.println("calc run: " + refused.reason());
                    return 2;
                }
            }
            err.println("calculation failed: " + CliFailure.describe(e));
            return 1;
        }
    }

    /**
     * The run with its payees computed on Spark: the context started for the run and stopped at its end whatever
     * happened, each stage printed as it begins (and recorded on the run, so the pages show them too).
     */
    private static int onSpark(
            CalcRuns runs,
            SparkRun.Reads reads,
            org.attain.spark.SparkMaster master,
            Set<Long> people,
            String[] range,
            String actor,
            PrintStream out,
            PrintStream err) {
        CalcRuns.Run run = runs.runOnSpark(
                master,
                reads,
                stage -> out.println(text(stage.key(), stage.args().toArray())),
                people,
                range[0],
                range[1],
                "cli",
                actor);
        return summary(run, out, err);
    }

    /** Prints a finished run's summary; 0 when it is DONE, else 1. */
    private static int summary(CalcRuns.Run run, PrintStream out, PrintStream err) {
        out.println("run " + run.id() + " " + run.status() + ": " + run.done() + " payees, " + run.changed()
                + " payee-periods changed");
        out.println("exclusions: " + run.exclusions());
        if (run.notCovered() != null) {
            out.println("not covered: " + run.notCovered().summary());
        }
        run.failedPayees()
                .forEach(f -> err.println("left out: person " + f.personId()
                        + (f.name() == null ? "" : " (" + f.name() + ")") + ": " + f.message()));
        if (run.error() != null) {
            // A message key (pages translate it): a run on Spark says what failed in its last stage.
            err.println("error: "
                    + run.stages().stream()
                            .filter(s -> s.key().equals("calc.spark.stage.failed"))
                            .map(s -> String.valueOf(s.args().get(0)))
                            .reduce((first, last) -> last)
                            .orElse(run.error()));
        }
        return run.status() == RunStatus.DONE ? 0 : 1;
    }

    /** A line of the messages bundle in the terminal's language (English unless the locale is German). */
    static String text(String key, Object... args) {
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(
                "i18n.messages", java.util.Locale.getDefault(), CalcCommand.class.getClassLoader());
        return new java.text.MessageFormat(bundle.getString(key), java.util.Locale.getDefault()).format(args);
    }
}
