package org.attain.engine.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.yaml.Problems;
import org.attain.engine.yaml.YamlNode;

/**
 * The plans of a scenario's {@code plans:} list by id. A plan id met again is the same plan file assigned
 * once more, or a new version (its own {@code version} and {@code effective} date); anything else (the same
 * version again, two versions from the same day, a {@code versions:} plan repeated) is an error naming the
 * line, never a silent drop.
 */
final class RepeatedPlans {

    private record Seen(String version, LocalDate from, String file, int line) {}

    private final Problems problems;
    private final Map<String, List<Seen>> byId = new HashMap<>();

    RepeatedPlans(Problems problems) {
        this.problems = problems;
    }

    /** Records the plan (or versions) an entry defines; true when they are new and go into the input. */
    boolean add(YamlNode entry, List<CompiledPlan> defined, String file) {
        String id = defined.get(0).id();
        List<Seen> known = byId.get(id);
        if (known == null) {
            List<Seen> list = new ArrayList<>();
            defined.forEach(p -> list.add(seen(p, file, entry)));
            byId.put(id, list);
            return true;
        }
        if (file != null && known.stream().anyMatch(s -> file.equals(s.file()))) {
            return false;
        }
        int line = known.get(0).line();
        if (defined.size() > 1) {
            problems.add(
                    entry,
                    "plan '" + id + "' is defined again (first at line " + line
                            + "): list all of its versions under one 'versions:'");
            return false;
        }
        CompiledPlan plan = defined.get(0);
        for (Seen s : known) {
            if (s.version().equals(plan.version())) {
                problems.add(
                        entry,
                        "plan '" + id + "' is defined again without a new version (version " + plan.version()
                                + " is at line " + s.line() + "): give this one its own 'version' and 'effective'"
                                + " date, or write both under 'versions:'");
                return false;
            }
            if (Objects.equals(s.from(), plan.effective().first())) {
                problems.add(
                        entry,
                        "plan '" + id + "' version " + plan.version() + " is effective from the same day as version "
                                + s.version() + " (line " + s.line() + "): give it a later 'effective' date");
                return false;
            }
        }
        Seen first = known.get(0);
        if (plan.effective().first().isBefore(first.from())) {
            problems.add(
                    entry,
                    "plan '" + id + "' version " + plan.version() + " is effective from "
                            + plan.effective().first()
                            + ", before the plan's first version (version " + first.version() + ", line "
                            + first.line() + ", effective from " + first.from() + ")");
            return false;
        }
        known.add(seen(plan, file, entry));
        return true;
    }

    private static Seen seen(CompiledPlan p, String file, YamlNode entry) {
        return new Seen(
                p.version(), p.effective().first(), file, entry.location().line());
    }
}
