package org.attain.demo;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Random deal sizes for the generated company (not pay arithmetic: the engine never sees a double).
 * The random draw is a double, but every amount leaves here as a BigDecimal rounded
 * to whole hundreds of the region's currency, the way sales quotes deals.
 */
final class DealSizes {

    private DealSizes() {}

    /** Annual contract value in US dollars before deal type and currency are applied. */
    static double usdValue(SizeBand band, SplittableRandom random) {
        return switch (band) {
            case SMB -> logUniform(8_000, 16_000, random);
            case MID -> logUniform(25_000, 60_000, random);
            case ENTERPRISE -> logUniform(60_000, 150_000, random);
        };
    }

    static BigDecimal inCurrency(double usd, RegionSpec region) {
        long hundreds = Math.max(1, Math.round(usd * region.unitsPerUsd() / 100));
        return BigDecimal.valueOf(hundreds * 100).setScale(2);
    }

    static double typeFactor(DealType type) {
        return switch (type) {
            case NEW_LOGO -> 1.0;
            case EXPANSION -> 0.6;
            case RENEWAL -> 0.9;
        };
    }

    private static double logUniform(double low, double high, SplittableRandom random) {
        return low * Math.exp(random.nextDouble() * Math.log(high / low));
    }
}
