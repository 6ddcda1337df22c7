package org.attain.engine.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.attain.engine.yaml.SourceProblem;

/** The project's own good documents (golden scenarios, example plans), the seeds that fuzzing damages. */
final class Documents {

    private static final Path ROOT = Path.of("..");

    private Documents() {}

    static List<String> scenarios() {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("scenarios/golden", "scenarios/pods")) {
            out.addAll(read(ROOT.resolve(dir)));
        }
        return out;
    }

    /** Every example plan, and the plan of every scenario cut out of it (de-indented to a document of its own). */
    static List<String> plans() {
        List<String> out = new ArrayList<>(read(ROOT.resolve("examples/plans")));
        for (String scenario : scenarios()) {
            StringBuilder plan = new StringBuilder();
            boolean in = false;
            for (String line : scenario.lines().toList()) {
                if (line.equals("plan:")) {
                    in = true;
                } else if (in && !line.isEmpty() && !line.startsWith(" ")) {
                    break;
                } else if (in) {
                    plan.append(line.length() >= 2 ? line.substring(2) : line).append('\n');
                }
            }
            // A plan with versions is read by the scenario, not by the plan compiler alone.
            if (!plan.isEmpty() && !plan.toString().contains("\nversions:")) {
                // A scenario's plan takes the scenario's currency when it names none.
                out.add(plan.toString().contains("\ncurrency:") ? plan.toString() : "currency: USD\n" + plan);
            }
        }
        return out;
    }

    private static List<String> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .sorted()
                    .map(Documents::text)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A problem a person can act on: a line and column inside the text (or just past its end), a reason in
     * words, and nothing of the program's insides (no exception class, no stack frame).
     */
    static void assertClear(SourceProblem problem, String text) {
        long lines = text.lines().count() + 1;
        if (problem.line() < 1 || problem.line() > lines + 1 || problem.column() < 1) {
            throw new AssertionError("problem outside the text: " + problem + " (" + lines + " lines)");
        }
        // The program's insides are words the text did not bring: a reason may quote the user's text, whatever it says.
        String reason = problem.reason();
        boolean insides = java.util.regex.Pattern.compile("Exception|\\bat (java|org|dev|com)\\.|NullPointer")
                .matcher(reason)
                .results()
                .anyMatch(m -> !text.contains(m.group()));
        if (reason.isBlank() || insides) {
            throw new AssertionError("problem without a clear reason: " + problem);
        }
    }
}
