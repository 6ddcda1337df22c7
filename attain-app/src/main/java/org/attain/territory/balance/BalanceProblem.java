package org.attain.territory.balance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What to balance: the accounts with their metric values and current territory, the territories, the accounts
 * that never move (locked to a territory, or named accounts that stay where they are), the metrics to balance
 * with their weights, the band around the mean, the price of moving an account and how long to search.
 *
 * @param accounts every account once; ids unique
 * @param territories the territory ids accounts may be placed in
 * @param locks account id to the territory it must be in (it is placed there and never moves)
 * @param named accounts that keep their current territory (they must have one)
 * @param metrics the metrics to balance, each with a weight for the spread (at least one)
 * @param band the half-width of the band as a fraction of the mean (0.10 = within ±10 % of the mean); null: 0.10
 * @param disruptionWeight the price of moving an account (0 to 10000), in percent of the mean: the spread is the sum
 *     over territories and metrics of each territory's distance from the metric's mean, in percent of that mean,
 *     times the metric's weight; a move is made only if it lowers that sum by more than the disruption weight (0:
 *     moves are free; 1: a move must bring the territories 1 % of the mean closer to it; the higher, the fewer
 *     moves). The band is kept whatever the weight: it is hard. null: 0
 * @param timeLimitSeconds the longest the search runs; null: 30
 */
public record BalanceProblem(
        List<Account> accounts,
        List<String> territories,
        Map<String, String> locks,
        List<String> named,
        List<Metric> metrics,
        BigDecimal band,
        BigDecimal disruptionWeight,
        Integer timeLimitSeconds) {

    /** The metric every account has without saying so: 1 per account. */
    public static final String ACCOUNT_COUNT = "accounts";

    public static final BigDecimal DEFAULT_BAND = new BigDecimal("0.10");

    public static final int DEFAULT_TIME_LIMIT_SECONDS = 30;

    public static final int MAX_TIME_LIMIT_SECONDS = 600;

    public BalanceProblem {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        territories = territories == null ? List.of() : List.copyOf(territories);
        locks = locks == null ? Map.of() : Map.copyOf(locks);
        named = named == null ? List.of() : List.copyOf(named);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        band = band == null ? DEFAULT_BAND : band;
        disruptionWeight = disruptionWeight == null ? BigDecimal.ZERO : disruptionWeight;
        timeLimitSeconds = timeLimitSeconds == null ? DEFAULT_TIME_LIMIT_SECONDS : timeLimitSeconds;
    }

    public Duration timeLimit() {
        return Duration.ofSeconds(timeLimitSeconds);
    }

    /**
     * One account: its metric values (potential, last year's bookings, workload …; {@value #ACCOUNT_COUNT} is 1
     * unless given) and the territory it is in now (null: not assigned yet; placing it is not a move).
     */
    public record Account(String id, Map<String, BigDecimal> values, String territory) {

        public Account {
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }

    /** A metric to balance and its weight in the spread (0 to 100; null: 1). */
    public record Metric(String name, BigDecimal weight) {

        public Metric {
            weight = weight == null ? BigDecimal.ONE : weight;
        }
    }
}
