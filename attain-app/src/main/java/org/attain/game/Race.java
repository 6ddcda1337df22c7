package org.attain.game;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A race, pure: the first competitor whose running total reaches the target wins. Progress is replayed in
 * time order; two steps at the same instant are taken in key order, so a dead heat has one deterministic
 * winner. Everyone who reaches the target is listed in finishing order.
 */
public final class Race {

    private Race() {}

    /** One contribution to a competitor's total (a deal, a call) at a moment. */
    public record Step(String key, Instant at, BigDecimal amount) {}

    public record Finish(String key, Instant at, BigDecimal total) {}

    public record Result(List<Finish> finishers, Map<String, BigDecimal> totals) {

        public String winner() {
            return finishers.isEmpty() ? null : finishers.get(0).key();
        }
    }

    public static Result run(BigDecimal target, List<Step> steps) {
        if (target == null || target.signum() <= 0) {
            throw new IllegalArgumentException("a race needs a positive target");
        }
        List<Step> ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::at).thenComparing(Step::key));
        Map<String, BigDecimal> totals = new HashMap<>();
        List<Finish> finishers = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Step s : ordered) {
            BigDecimal total = totals.merge(s.key(), s.amount(), BigDecimal::add);
            if (!done.contains(s.key()) && total.compareTo(target) >= 0) {
                done.add(s.key());
                finishers.add(new Finish(s.key(), s.at(), total));
            }
        }
        return new Result(List.copyOf(finishers), Map.copyOf(totals));
    }
}
