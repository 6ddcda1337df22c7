package org.attain.territory.balance;

/**
 * The bands and weights of one balancing run, in scaled integers (metric values times 10^4), shared by every
 * territory. The score's units are relative to the metric's mean, so metrics of different sizes (money, account
 * counts, hours) weigh alike: the hard distance outside the band in millionths of the mean (ppm), where a total is
 * outside the band exactly when its distance is above zero (rounding the normalisation always up keeps every
 * positive distance positive); the soft spread in basis points (1/100 %) of the mean times the weight (x100), so
 * 10,000 soft points are one territory 1 % of the mean away from it on a metric of weight 1, and the move penalty is
 * the disruption weight in that unit (weight 1: a move costs as much as 1 % of the mean off the spread). The input
 * limits (weights up to 100, up to 1,000 territories) keep the sums inside a long.
 */
final class Bands {

    static final long PPM = 1_000_000L;

    private static final long EXACT_LIMIT = Long.MAX_VALUE / PPM;

    static final long BP = 10_000L;

    static final long MAX_BP = 1_000_000L;

    private static final long BP_EXACT_LIMIT = Long.MAX_VALUE / BP;

    /** Per metric: the grand total over all accounts (G), the band's bounds rounded inwards, the weight times 100. */
    private final long[] grand;

    private final long[] low;
    private final long[] high;
    private final long[] weight100;
    private final long[] ppmUnit;
    private final long[] bpUnit;
    private final int territoryCount;
    private final long movePenalty;

    Bands(long[] grand, long[] low, long[] high, long[] weight100, int territoryCount, long movePenalty) {
        this.grand = grand.clone();
        this.low = low.clone();
        this.high = high.clone();
        this.weight100 = weight100.clone();
        this.territoryCount = territoryCount;
        this.movePenalty = movePenalty;
        this.ppmUnit = new long[grand.length];
        this.bpUnit = new long[grand.length];
        for (int m = 0; m < grand.length; m++) {
            ppmUnit[m] = Math.max(1, ceilDiv(grand[m], PPM));
            bpUnit[m] = Math.max(1, ceilDiv(grand[m], BP));
        }
    }

    int metricCount() {
        return grand.length;
    }

    long low(int metric) {
        return low[metric];
    }

    long high(int metric) {
        return high[metric];
    }

    long grand(int metric) {
        return grand[metric];
    }

    int territoryCount() {
        return territoryCount;
    }

    long movePenalty() {
        return movePenalty;
    }

    /** How far a total lies outside the band, in scaled units (0 inside). */
    long distance(int metric, long total) {
        if (total < low[metric]) {
            return low[metric] - total;
        }
        return total > high[metric] ? total - high[metric] : 0;
    }

    /** Hard: the sum over metrics of the distance outside the band in millionths of the mean, each rounded up. */
    long outsideBand(long[] totals) {
        long sum = 0;
        for (int m = 0; m < totals.length; m++) {
            long d = distance(m, totals[m]);
            if (d > 0) {
                sum += ppmOfMean(m, d * territoryCount);
            }
        }
        return sum;
    }

    /** Soft points of one percent of the mean on a metric of weight 1 (100 basis points times the weight 1 x100). */
    static final long PERCENT = 100L * 100L;

    /**
     * Soft: the weighted sum over metrics of the distance from the mean, in basis points (1/100 %) of the mean, times
     * the weight x100. Linear, so that it is measured in the same unit as a move's price: a move is worth making only
     * when it brings the territories closer to the mean, in all, by more than the disruption weight in percent of the
     * mean (moving an account worth 2 % of the mean from a territory above the mean to one below it gains 4 %). A
     * distance beyond {@value #MAX_BP} basis points counts as that many.
     */
    long spread(long[] totals) {
        long sum = 0;
        for (int m = 0; m < totals.length; m++) {
            long timesCount = Math.abs(totals[m] * territoryCount - grand[m]);
            if (timesCount > 0) {
                long bp = Math.min(MAX_BP, basisPointsOfMean(m, timesCount));
                sum += weight100[m] * bp;
            }
        }
        return sum;
    }

    /**
     * The weighted distance of a territory's totals from the mean, signed (above the mean positive), in the spread's
     * unit: which territories are fullest and emptiest, for {@link Repair}.
     */
    long surplus(long[] totals) {
        long sum = 0;
        for (int m = 0; m < totals.length; m++) {
            long timesCount = totals[m] * territoryCount - grand[m];
            long bp = Math.min(MAX_BP, basisPointsOfMean(m, Math.abs(timesCount)));
            sum += weight100[m] * (timesCount < 0 ? -bp : bp);
        }
        return sum;
    }

    /**
     * The tie-breaker below the spread: the same weighted distances squared (basis points squared, times the weight
     * x100), so that of two plans equally far from the mean in all, the more even one wins.
     */
    long evenness(long[] totals) {
        long sum = 0;
        for (int m = 0; m < totals.length; m++) {
            long timesCount = Math.abs(totals[m] * territoryCount - grand[m]);
            if (timesCount > 0) {
                long bp = Math.min(MAX_BP, basisPointsOfMean(m, timesCount));
                sum += weight100[m] * bp * bp;
            }
        }
        return sum;
    }

    private long basisPointsOfMean(int metric, long distanceTimesCount) {
        if (grand[metric] == 0) {
            return distanceTimesCount;
        }
        if (distanceTimesCount <= BP_EXACT_LIMIT) {
            return ceilDiv(distanceTimesCount * BP, grand[metric]);
        }
        return ceilDiv(distanceTimesCount, bpUnit[metric]);
    }

    /**
     * {@code distanceTimesCount / (G / T)} in millionths, i.e. a distance relative to the mean G/T, rounded up. Exact
     * integer arithmetic while it fits in a long; beyond that (totals of hundreds of billions) a millionth of the
     * grand total is the unit, still rounded up, so a positive distance never becomes zero.
     */
    private long ppmOfMean(int metric, long distanceTimesCount) {
        if (grand[metric] == 0) {
            return distanceTimesCount;
        }
        if (distanceTimesCount <= EXACT_LIMIT) {
            return ceilDiv(distanceTimesCount * PPM, grand[metric]);
        }
        return ceilDiv(distanceTimesCount, ppmUnit[metric]);
    }

    static long ceilDiv(long numerator, long divisor) {
        return -Math.floorDiv(-numerator, divisor);
    }
}
