package org.attain.forecast;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cumulative roll-up of the category figures up a reporting tree, pure. A person's computed figure of a
 * category is their own deals' plus each direct report's rolled-up figure; where the person submitted a call
 * for the category, the call is what rolls up further, and the computed figure is kept beside it for audit.
 */
public final class RollUp {

    /** One person in the tree ({@code managerId} null at the top of the part rolled up). */
    public record Node(long personId, Long managerId) {}

    /** A category figure of one person: what rolls up, what the deals said, and the call if one was made. */
    public record Line(BigDecimal rolledUp, BigDecimal computed, BigDecimal called) {

        public boolean overridden() {
            return called != null;
        }
    }

    /** One person's roll-up: a line per category (not omitted) and the stage-weighted total of the subtree. */
    public record PersonRollUp(long personId, Map<ForecastCategory, Line> lines, BigDecimal weighted) {

        public Line of(ForecastCategory c) {
            return lines.get(c);
        }
    }

    private RollUp() {}

    /**
     * Rolls the figures up.
     *
     * @param nodes    every person of the tree (people outside it roll up nowhere)
     * @param own      each person's own deals' figures (absent: none)
     * @param calls    each person's submitted calls by category (absent: none)
     */
    public static Map<Long, PersonRollUp> of(
            Collection<Node> nodes,
            Map<Long, PipelineForecast.Figures> own,
            Map<Long, Map<ForecastCategory, BigDecimal>> calls) {
        Map<Long, List<Long>> children = new HashMap<>();
        for (Node n : nodes) {
            if (n.managerId() != null) {
                children.computeIfAbsent(n.managerId(), k -> new ArrayList<>()).add(n.personId());
            }
        }
        Map<Long, PersonRollUp> out = new HashMap<>();
        for (Node n : nodes) {
            roll(n.personId(), children, own, calls, out, new HashSet<>());
        }
        return out;
    }

    private static PersonRollUp roll(
            long person,
            Map<Long, List<Long>> children,
            Map<Long, PipelineForecast.Figures> own,
            Map<Long, Map<ForecastCategory, BigDecimal>> calls,
            Map<Long, PersonRollUp> done,
            Set<Long> path) {
        PersonRollUp known = done.get(person);
        if (known != null) {
            return known;
        }
        if (!path.add(person)) {
            throw new IllegalArgumentException("the reporting lines loop through person " + person);
        }
        Map<ForecastCategory, BigDecimal> computed = new EnumMap<>(ForecastCategory.class);
        PipelineForecast.Figures mine = own.get(person);
        BigDecimal weighted = mine == null ? BigDecimal.ZERO : mine.weighted();
        for (ForecastCategory c : categories()) {
            computed.put(c, mine == null ? BigDecimal.ZERO.setScale(2) : mine.of(c));
        }
        for (long child : children.getOrDefault(person, List.of())) {
            PersonRollUp r = roll(child, children, own, calls, done, path);
            for (ForecastCategory c : categories()) {
                computed.merge(c, r.of(c).rolledUp(), BigDecimal::add);
            }
            weighted = weighted.add(r.weighted());
        }
        Map<ForecastCategory, BigDecimal> called = calls.getOrDefault(person, Map.of());
        Map<ForecastCategory, Line> lines = new EnumMap<>(ForecastCategory.class);
        for (ForecastCategory c : categories()) {
            BigDecimal call = Optional.ofNullable(called.get(c))
                    .map(PipelineForecast::cents)
                    .orElse(null);
            lines.put(c, new Line(call == null ? computed.get(c) : call, computed.get(c), call));
        }
        path.remove(person);
        PersonRollUp result = new PersonRollUp(person, Map.copyOf(lines), weighted);
        done.put(person, result);
        return result;
    }

    /** The categories that roll up, in order from the surest. */
    public static List<ForecastCategory> categories() {
        return List.of(
                ForecastCategory.CLOSED,
                ForecastCategory.COMMIT,
                ForecastCategory.BEST_CASE,
                ForecastCategory.PIPELINE);
    }
}
