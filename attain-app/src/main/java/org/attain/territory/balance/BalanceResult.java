package org.attain.territory.balance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A proposed plan: where every account goes, each territory's totals before and after, every move, and whether
 * every territory lies within the band. When it does not ({@code feasible} false), {@code closest} says how close
 * the plan got (per metric the territory furthest outside the band) and {@code reasons} why, where a reason can be
 * proven before searching (an account that alone exceeds the band, locked accounts that already do).
 *
 * @param assignment account id to territory id, in account order
 * @param score the solver's score: hard (distance outside the band in millionths of the mean, locks) / medium
 *     (moves times the disruption weight plus the weighted spread, 10,000 = 1 % of the mean) / soft (the spread
 *     squared, a tie-breaker)
 * @param stoppedEarly the search was stopped before it ended by itself; the plan is the best found until then
 */
public record BalanceResult(
        boolean feasible,
        String score,
        List<Band> bands,
        List<TerritoryTotals> territories,
        List<Move> moves,
        int moveCount,
        Map<String, String> assignment,
        List<Distance> closest,
        List<Reason> reasons,
        long elapsedMillis,
        boolean stoppedEarly) {

    /**
     * The band of one metric: {@code low} and {@code high} are the exact band rounded inwards to the metric's
     * scale (4 decimals), so a total is within the band exactly when {@code low <= total <= high}.
     */
    public record Band(String metric, BigDecimal total, BigDecimal mean, BigDecimal low, BigDecimal high) {}

    /** One territory's totals per metric before (current assignment) and after (the proposal). */
    public record TerritoryTotals(
            String territory,
            Map<String, BigDecimal> before,
            Map<String, BigDecimal> after,
            int accountsBefore,
            int accountsAfter,
            boolean withinBand) {}

    /**
     * An account that changes territory ({@code from} null: it had none), with what it takes along per metric: the
     * from-territory's totals fall and the to-territory's rise by these amounts.
     */
    public record Move(String account, String from, String to, Map<String, BigDecimal> deltas, boolean forcedByLock) {}

    /** How far one territory's total lies outside one metric's band ({@code percentOfMean}: distance / mean). */
    public record Distance(
            String metric,
            String territory,
            BigDecimal total,
            BigDecimal low,
            BigDecimal high,
            BigDecimal distance,
            BigDecimal percentOfMean) {}

    /**
     * Why no plan within the band exists or was found. {@code code} is the message key
     * ({@code territory.balance.reason.*}), {@code args} its arguments, {@code detail} the English text.
     */
    public record Reason(String code, List<String> args, String detail) {}
}
