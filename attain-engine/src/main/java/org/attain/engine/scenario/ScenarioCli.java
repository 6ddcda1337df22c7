package org.attain.engine.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.attain.engine.plan.PlanCompiler;

/**
 * {@code scenario run <file-or-folder>...}: runs scenario files through the engine, prints a table per
 * scenario and a summary line, and returns 0 only when every expected value matched. Failing lines are
 * shown with expected vs actual and the trace behind the actual value.
 */
public final class ScenarioCli {

    private ScenarioCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length < 2 || !args[0].equals("run")) {
            out.println("usage: scenario run <file-or-folder>...");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            Path path = Path.of(args[i]);
            if (!Files.exists(path)) {
                out.println(path + ": no such file or folder");
                return 2;
            }
            files.addAll(scenarioFiles(path, out));
        }
        if (files.isEmpty()) {
            out.println("no scenario files (*.yaml, *.yml) found");
            return 2;
        }
        ScenarioRunner runner = new ScenarioRunner(new PlanCompiler());
        int passed = 0;
        int failed = 0;
        for (Path file : files) {
            ScenarioReport report = runner.run(file);
            print(report, out);
            if (report.passed()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.println("scenarios: " + passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }

    private static List<Path> scenarioFiles(Path path, PrintStream out) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            out.println(path + ": cannot list folder: " + e.getMessage());
            return List.of();
        }
    }

    static void print(ScenarioReport report, PrintStream out) {
        out.println("== " + report.id() + "  (" + report.source() + ")");
        if (!report.problems().isEmpty()) {
            report.problems().forEach(p -> out.println("  " + p));
            out.println("  FAILED: the scenario could not be read");
            out.println();
            return;
        }
        String format = "  %-8s %-9s %-34s %-16s %-16s %s%n";
        out.printf(format, "person", "period", "check", "expected", "actual", "ok");
        for (CheckResult r : report.results()) {
            Check c = r.check();
            boolean error = c.person() == null;
            out.printf(
                    format,
                    error ? (Check.RUN_ISSUE.equals(c.what()) ? "issue" : "error") : c.person(),
                    error ? c.period() : c.period(),
                    error && !Check.RUN_ISSUE.equals(c.what()) ? "excluded" : c.what(),
                    c.expected(),
                    r.actual(),
                    r.ok() ? "ok" : "FAIL");
        }
        for (CheckResult r : report.results()) {
            if (!r.ok()) {
                Check c = r.check();
                out.println("  -- " + (c.person() == null ? "transaction " + c.period() : c.person() + " " + c.period())
                        + " " + c.what() + " at " + c.at());
                out.println("     expected: " + c.expected());
                out.println("     actual:   " + r.actual());
                out.println("     trace:");
                out.print(r.explanation().endsWith("\n") ? r.explanation() : r.explanation() + "\n");
            }
        }
        out.println(report.passed() ? "  PASSED (" + report.results().size() + " checks)" : "  FAILED");
        out.println();
    }
}
