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
 * {@code java -jar attain.jar calc run [--person ID]... [--from FIRST] [--to LAST] [--spring.options]}:
 * runs the calculation on the server's database without starting the server (a person by internal id,
 * employee id or e-mail, see {@link org.attain.org.PersonRef}), prints progress and the run summary with
 * every exclusion and the transactions outside its periods, and exits 0 when the run finished, 1 when it
 * failed, 2 on bad arguments (a period range that is unreadable, reversed, too long or holds a closed
 * period included: one line, nothing run).
 */
public final class CalcCommand {

    static final String USAGE = "usage: calc run [--person ID|EMPLOYEE-ID|E-MAIL]... [--from FIRST --to LAST]"
            + " [--spring.options] (FIRST, LAST: a month 2017-01, a quarter 2017-Q1 or a fiscal year 2017)";

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
        for (int i = 1; i < args.length; i++) {
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
            CalcRuns.Run run = running.join();
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
                err.println("error: " + run.error());
            }
            return run.status() == RunStatus.DONE ? 0 : 1;
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
}
