package org.attain.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one run of the access matrix found: failures, leaks, samples that name nothing, refusals not shown,
 * counts per outcome and whose data, every call; written to {@code target/access-matrix.md},
 * {@code target/access-matrix-calls.tsv} and, when observing, {@code target/access-matrix-observed.tsv}.
 */
final class MatrixReport {

    final List<String> failures = new ArrayList<>();
    final List<String> leaks = new ArrayList<>();
    final List<String> noSample = new ArrayList<>();
    final List<String> unproven = new ArrayList<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final Map<String, Integer> whose = new TreeMap<>();
    private final Map<String, Set<String>> observed = new TreeMap<>();
    private final List<String> log =
            new ArrayList<>(List.of("method\tpath\tcaller\twhose\tstatus\tlocation\texpected"));
    private int calls;

    void count(String outcome) {
        calls++;
        outcomes.merge(outcome, 1, Integer::sum);
    }

    void whose(String kind) {
        whose.merge(kind, 1, Integer::sum);
    }

    /** A caller that was let in (observe mode turns these into a table). */
    void saw(String endpointKey, String caller) {
        observed.computeIfAbsent(endpointKey, k -> new TreeSet<>()).add(caller);
    }

    void log(
            String method, String path, String caller, String whoseText, int status, String location, Object expected) {
        log.add(method + "\t" + path + "\t" + caller + "\t" + whoseText + "\t" + status + "\t" + location + "\t"
                + (expected == null ? "" : expected));
    }

    String summary(
            int endpoints,
            long safe,
            List<String> callers,
            List<String> undeclared,
            Set<String> stale,
            boolean observe) {
        StringBuilder s = new StringBuilder("# Access matrix\n\n");
        s.append("endpoints=").append(endpoints);
        s.append(" safe=").append(safe).append(" unsafe=").append(endpoints - safe);
        s.append(" callers=")
                .append(callers.size())
                .append(" (")
                .append(String.join(", ", callers))
                .append(")");
        s.append(" calls=").append(calls).append(" person-scoped-calls=").append(whose);
        s.append(" outcomes=").append(outcomes);
        s.append(" undeclared=").append(undeclared.size()).append(" stale=").append(stale.size());
        s.append(" no-sample=")
                .append(noSample.size())
                .append(" refusals-unproven=")
                .append(unproven.size());
        s.append(" leaks=").append(leaks.size()).append(" mismatches=").append(failures.size());
        s.append(observe ? " (observe mode)" : "").append("\n");
        section(s, "Mappings without a rule", undeclared);
        section(s, "Rules without a mapping", List.copyOf(stale));
        section(s, "No sample in the demo data (the admin gets 404: only refusals checked)", noSample);
        section(s, "Refused as malformed before the role check (no write; refusal not shown)", unproven);
        section(s, "Leaks", leaks);
        section(s, "Answers other than declared", failures);
        return s.toString();
    }

    private static void section(StringBuilder s, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        s.append("\n## ").append(title).append(" (").append(lines.size()).append(")\n\n");
        lines.forEach(l -> s.append("- ").append(l).append('\n'));
    }

    /** The summary, every call, and with {@code endpointKeys} ("METHOD pattern") the table observed. */
    void write(String summary, List<String> endpointKeys, boolean observe) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/access-matrix.md"), summary);
        Files.write(Path.of("target/access-matrix-calls.tsv"), log);
        if (!observe) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String key : endpointKeys) {
            Set<String> who = observed.getOrDefault(key, Set.of());
            String allowed;
            if (who.contains("anonymous")) {
                allowed = "public";
            } else if (who.containsAll(MatrixRules.ROLES)) {
                allowed = "users";
            } else if (who.isEmpty()) {
                allowed = "nobody";
            } else {
                allowed = String.join(",", MatrixRules.ordered(who));
            }
            lines.add(key.replaceFirst(" ", "\t") + "\t" + allowed);
        }
        Files.write(Path.of("target/access-matrix-observed.tsv"), lines);
    }
}
