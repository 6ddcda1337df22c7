package org.attain.engine.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The effective-dated reporting hierarchy: who manages whom on a given date. Immutable. */
public final class OrgChart {

    private final Map<PersonId, List<ReportingLine>> linesByPerson;

    private OrgChart(Map<PersonId, List<ReportingLine>> linesByPerson) {
        this.linesByPerson = linesByPerson;
    }

    /** The last chart built and the unmodifiable list it was built from. */
    private record Built(List<ReportingLine> lines, OrgChart chart) {}

    private static volatile Built last;

    /**
     * The chart of these lines. The same unmodifiable list (by identity: the application hands every run the list
     * it keeps until the org changes) gives the chart built last time instead of a new one: a single-deal run at
     * 10,000 people spent most of its engine time indexing the same 10,000 lines again.
     */
    public static OrgChart of(List<ReportingLine> lines) {
        Built b = last;
        if (b != null && b.lines() == lines) {
            return b.chart();
        }
        OrgChart chart = build(lines);
        if (List.copyOf(lines) == lines) { // unmodifiable, so the same list can never hold other lines
            last = new Built(lines, chart);
        }
        return chart;
    }

    private static OrgChart build(List<ReportingLine> lines) {
        Map<PersonId, List<ReportingLine>> byPerson = new HashMap<>();
        for (ReportingLine line : lines) {
            byPerson.computeIfAbsent(line.person(), k -> new ArrayList<>()).add(line);
        }
        byPerson.replaceAll((k, v) -> List.copyOf(v));
        return new OrgChart(Map.copyOf(byPerson));
    }

    /** Everyone who reported directly to {@code manager} at any time; filter by date with {@link #managerOn}. */
    public List<PersonId> everReportedTo(PersonId manager) {
        List<PersonId> result = new ArrayList<>();
        linesByPerson.forEach((person, lines) -> {
            if (lines.stream().anyMatch(l -> l.manager().equals(manager))) {
                result.add(person);
            }
        });
        result.sort(null);
        return result;
    }

    /** Everyone who was ever below {@code manager}, at any depth. */
    public List<PersonId> everBelow(PersonId manager) {
        List<PersonId> result = new ArrayList<>();
        List<PersonId> frontier = new ArrayList<>(everReportedTo(manager));
        while (!frontier.isEmpty()) {
            PersonId next = frontier.remove(frontier.size() - 1);
            if (!result.contains(next) && !next.equals(manager)) {
                result.add(next);
                frontier.addAll(everReportedTo(next));
            }
        }
        result.sort(null);
        return result;
    }

    public Optional<PersonId> managerOn(PersonId person, LocalDate date) {
        for (ReportingLine line : linesByPerson.getOrDefault(person, List.of())) {
            if (line.during().contains(date)) {
                return Optional.of(line.manager());
            }
        }
        return Optional.empty();
    }

    /** Managers above {@code person} on {@code date}, nearest first; stops on a cycle rather than looping. */
    public List<PersonId> managersAbove(PersonId person, LocalDate date) {
        List<PersonId> chain = new ArrayList<>();
        Optional<PersonId> next = managerOn(person, date);
        while (next.isPresent() && !chain.contains(next.get()) && !next.get().equals(person)) {
            chain.add(next.get());
            next = managerOn(next.get(), date);
        }
        return chain;
    }
}
