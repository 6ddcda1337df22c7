package org.attain.forecast;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The range a quarter may end in, pure: what is already won plus each open deal won with its probability, drawn
 * {@code trials} times; the 10th, 50th and 90th percentiles of the totals. Deterministic: a fixed seed
 * ({@link SplittableRandom}, whose algorithm is specified), the deals in the caller's order, amounts summed exactly
 * in cents ({@code long}); only the comparison of a draw with a probability uses a double.
 */
public final class MonteCarloRange {

    public static final long SEED = 20_261_206L;
    public static final int TRIALS = 10_000;

    /** An open deal: its amount in the forecast's currency and its probability (0..1). */
    public record Deal(BigDecimal amount, BigDecimal probability) {}

    public record Range(BigDecimal p10, BigDecimal p50, BigDecimal p90, int trials, long seed) {}

    private MonteCarloRange() {}

    public static Range of(BigDecimal won, List<Deal> deals, long seed, int trials) {
        long base = cents(won);
        long[] amounts = new long[deals.size()];
        double[] p = new double[deals.size()];
        for (int i = 0; i < deals.size(); i++) {
            amounts[i] = cents(deals.get(i).amount());
            p[i] = deals.get(i).probability().doubleValue();
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] totals = new long[trials];
        for (int t = 0; t < trials; t++) {
            long sum = base;
            for (int i = 0; i < amounts.length; i++) {
                if (random.nextDouble() < p[i]) {
                    sum += amounts[i];
                }
            }
            totals[t] = sum;
        }
        Arrays.sort(totals);
        return new Range(rank(totals, 10), rank(totals, 50), rank(totals, 90), trials, seed);
    }

    // Nearest rank: the smallest total at or above which lie the given percent of the trials; exact, no interpolation.
    private static BigDecimal rank(long[] sorted, int percent) {
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
        return BigDecimal.valueOf(sorted[index], 2);
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_EVEN)
                .unscaledValue()
                .longValueExact();
    }
}
