package org.attain.demo;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the seed and a few coordinates, so each part of the
 * history (a seat's month, one opportunity's activities) can be regenerated on its own and the
 * streams for opportunities, transactions and activities stay consistent with each other.
 */
final class Seeds {

    static final long SEATS = 1;
    static final long PIPELINE = 2;
    static final long DEAL_EXTRAS = 3;
    static final long ACTIVITIES = 4;
    static final long PROSPECTING = 5;
    static final long BENCHMARK = 6;
    static final long ORG = 7;
    static final long ACCOUNTS = 8;

    private Seeds() {}

    static SplittableRandom random(long seed, long purpose, long a, long b) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L * (purpose + 1));
        h = mix(h ^ a * 0xBF58476D1CE4E5B9L);
        h = mix(h ^ b * 0x94D049BB133111EBL);
        return new SplittableRandom(h);
    }

    static SplittableRandom random(long seed, long purpose) {
        return random(seed, purpose, 0, 0);
    }

    /** The SplitMix64 finaliser: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Poisson draw by Knuth's method; the means used here are small. */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A fixed-width id such as "P00042"; wider when the count needs more digits. */
    static String id(char prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder out = new StringBuilder(1 + Math.max(width, digits.length())).append(prefix);
        for (int pad = width - digits.length(); pad > 0; pad--) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    static int width(long maxCount, int minimum) {
        return Math.max(minimum, Long.toString(Math.max(0, maxCount)).length());
    }
}
