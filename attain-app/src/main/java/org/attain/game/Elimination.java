package org.attain.game;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An elimination contest, pure: totals accumulate interval by interval and after every interval but the last
 * the lowest cumulative total among those still in drops out; after the last the highest wins. Ties are
 * decided deterministically: for who drops out, the lower value in the interval just ended goes first, then
 * the name (and key) later in order; for the winner, the higher value in the last interval, then the name
 * (and key) earlier in order. Nobody drops out once one competitor is left.
 */
public final class Elimination {

    private Elimination() {}

    /** One competitor's values per interval, in interval order. */
    public record Competitor(String key, String name, List<BigDecimal> perInterval) {

        public Competitor {
            perInterval = List.copyOf(perInterval);
        }
    }

    /** Who dropped out after which interval (1-based) with what cumulative total. */
    public record Out(String key, int afterInterval, BigDecimal total) {}

    /** The eliminations in order, the winner ({@code null} with nobody) and the totals of those left. */
    public record Result(List<Out> out, String winner, Map<String, BigDecimal> finalTotals) {

        public List<String> outOrder() {
            return out.stream().map(Out::key).toList();
        }
    }

    public static Result run(List<Competitor> competitors) {
        if (competitors.isEmpty()) {
            return new Result(List.of(), null, Map.of());
        }
        int intervals = competitors.get(0).perInterval().size();
        for (Competitor c : competitors) {
            if (c.perInterval().size() != intervals) {
                throw new IllegalArgumentException(
                        c.key() + " has " + c.perInterval().size() + " intervals, not " + intervals);
            }
        }
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        List<Competitor> in = new ArrayList<>(competitors);
        in.forEach(c -> totals.put(c.key(), BigDecimal.ZERO));
        List<Out> out = new ArrayList<>();
        for (int i = 0; i < intervals; i++) {
            int k = i;
            for (Competitor c : in) {
                totals.merge(c.key(), c.perInterval().get(k), BigDecimal::add);
            }
            if (k < intervals - 1 && in.size() > 1) {
                Competitor lowest = in.stream()
                        .min(Comparator.comparing((Competitor c) -> totals.get(c.key()))
                                .thenComparing(c -> c.perInterval().get(k))
                                .thenComparing(Competitor::name, Comparator.reverseOrder())
                                .thenComparing(Competitor::key, Comparator.reverseOrder()))
                        .orElseThrow();
                in.remove(lowest);
                out.add(new Out(lowest.key(), k + 1, totals.get(lowest.key())));
            }
        }
        int last = intervals - 1;
        Competitor winner = intervals == 0
                ? in.stream()
                        .min(Comparator.comparing(Competitor::name).thenComparing(Competitor::key))
                        .orElseThrow()
                : in.stream()
                        .min(Comparator.comparing((Competitor c) -> totals.get(c.key()), Comparator.reverseOrder())
                                .thenComparing(c -> c.perInterval().get(last), Comparator.reverseOrder())
                                .thenComparing(Competitor::name)
                                .thenComparing(Competitor::key))
                        .orElseThrow();
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        in.forEach(c -> left.put(c.key(), totals.get(c.key())));
        return new Result(List.copyOf(out), winner.key(), left);
    }
}
