package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Achievement rules, pure (no Spring, JDBC or clock): "N of a metric within D consecutive days" (10 meetings in
 * a week), "first single deal over an amount", badges after N achievements within D days, and streaks of
 * periods at or over a threshold. Every rule takes the day it starts counting from: a rule added today is not
 * retroactive unless the admin passes an earlier day. Not wired to storage or pages yet.
 */
public final class Achievements {

    private Achievements() {}

    /** At least {@code threshold} of a metric within any {@code days} consecutive days. */
    public record CountInWindow(BigDecimal threshold, int days) {

        public CountInWindow {
            if (threshold == null || threshold.signum() <= 0 || days < 1) {
                throw new IllegalArgumentException("a positive threshold over at least one day");
            }
        }
    }

    /**
     * The first day on which the rule is met (the last day of the first window reaching the threshold), counting
     * only values on or after {@code from}; empty when never.
     */
    public static Optional<LocalDate> firstMet(CountInWindow rule, Map<LocalDate, BigDecimal> daily, LocalDate from) {
        NavigableMap<LocalDate, BigDecimal> days = new TreeMap<>(daily).tailMap(from, true);
        Deque<Map.Entry<LocalDate, BigDecimal>> window = new ArrayDeque<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<LocalDate, BigDecimal> day : days.entrySet()) {
            window.addLast(day);
            sum = sum.add(day.getValue());
            while (!window.peekFirst().getKey().isAfter(day.getKey().minusDays(rule.days()))) {
                sum = sum.subtract(window.removeFirst().getValue());
            }
            if (sum.compareTo(rule.threshold()) >= 0) {
                return Optional.of(day.getKey());
            }
        }
        return Optional.empty();
    }

    /** A dated amount (a won deal). */
    public record Dated(LocalDate on, String id, BigDecimal amount) {}

    /** The first deal strictly over {@code amount} on or after {@code from} (ties on a day: the lowest id). */
    public static Optional<Dated> firstOver(BigDecimal amount, List<Dated> deals, LocalDate from) {
        return deals.stream()
                .filter(d -> !d.on().isBefore(from) && d.amount().compareTo(amount) > 0)
                .min(java.util.Comparator.comparing(Dated::on).thenComparing(Dated::id));
    }

    /** The day a badge is earned: the n-th achievement within any {@code days} consecutive days; empty when never. */
    public static Optional<LocalDate> badge(List<LocalDate> achievedOn, int n, int days) {
        if (n < 1 || days < 1) {
            throw new IllegalArgumentException("n and days must be positive");
        }
        List<LocalDate> sorted = new ArrayList<>(achievedOn);
        sorted.sort(null);
        for (int i = n - 1; i < sorted.size(); i++) {
            if (sorted.get(i).isBefore(sorted.get(i - n + 1).plusDays(days))) {
                return Optional.of(sorted.get(i));
            }
        }
        return Optional.empty();
    }

    /** The streak ending with the last period and the longest streak of periods at or over the threshold. */
    public record Streak(int current, int longest) {}

    public static Streak streak(List<BigDecimal> perPeriod, BigDecimal threshold) {
        int current = 0;
        int longest = 0;
        for (BigDecimal v : perPeriod) {
            current = v != null && v.compareTo(threshold) >= 0 ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return new Streak(current, longest);
    }
}
