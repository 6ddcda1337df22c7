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
 * {@code java -jar attain.jar calc run [--person ID]... [--spring.options]}: runs the calculation on
 * the server's database without starting the server, prints progress and the run summary with every
 * exclusion, and exits 0 when the run finished, 1 when it failed, 2 on bad arguments.
 */
public final class CalcCommand {

    static final String USAGE = "usage: calc run [--person ID]... [--spring.options]";

    private CalcCommand() {
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !args[0].equals("run")) {
            err.println(USAGE);
            return 2;
        }
        Set<Long> people = new TreeSet<>();
        List<String> spring = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--person") && i + 1 < args.length) {
                try {
                    people.add(Long.parseLong(args[++i]));
                } catch (NumberFormatException e) {
                    err.println("--person needs a person id (a whole number), got '" + args[i] + "'");
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
            String actor = "cli:" + System.getProperty("user.name", "unknown");
            CompletableFuture<CalcRuns.Run> running = CompletableFuture.supplyAsync(() -> people.isEmpty()
                    ? runs.runFull("cli", actor) : runs.runFor(people, "cli", actor));
            int lastShown = -1;
            while (!running.isDone()) {
                var latest = runs.recent(1);
                if (!latest.isEmpty() && "RUNNING".equals(latest.get(0).status()) && latest.get(0).done() != lastShown) {
                    lastShown = latest.get(0).done();
                    out.println("run " + latest.get(0).id() + ": " + lastShown + " of " + latest.get(0).total() + " payees");
                }
                Thread.sleep(500);
            }
            CalcRuns.Run run = running.join();
            out.println("run " + run.id() + " " + run.status() + ": " + run.done() + " payees, " + run.changed()
                    + " payee-periods changed");
            out.println("exclusions: " + run.exclusions());
            run.failedPayees().forEach(f -> err.println("left out: person " + f.personId()
                    + (f.name() == null ? "" : " (" + f.name() + ")") + ": " + f.message()));
            if (run.error() != null) {
                err.println("error: " + run.error());
            }
            return "DONE".equals(run.status()) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException e) {
            err.println("calculation failed: " + CliFailure.describe(e));
            return 1;
        }
    }
}
