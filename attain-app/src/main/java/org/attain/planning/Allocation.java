package org.attain.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a parent's amount among children by weight so that the children add up exactly to the parent
 * (case quota-01-top-down): each child gets parent × weight / Σ weights rounded to cents (HALF_EVEN), and
 * what rounding leaves over (the residue, a few cents either way) goes to the child with the largest weight,
 * ties to the smallest id. All weights zero splits evenly. Pure: no Spring, no database.
 */
final class Allocation {

    static final int CENTS = 2;

    private Allocation() {}

    /** One child and how much of the parent it should carry, relative to its siblings. */
    record Share<K extends Comparable<K>>(K id, BigDecimal weight) {
        Share {
            if (id == null || weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException(
                        "a share needs an id and a weight of zero or more: " + id + " " + weight);
            }
        }
    }

    /** The children's amounts in the order given; they add up to {@code parent} exactly. */
    static <K extends Comparable<K>> Map<K, BigDecimal> split(BigDecimal parent, List<Share<K>> shares) {
        if (parent.signum() < 0 || parent.stripTrailingZeros().scale() > CENTS) {
            throw new IllegalArgumentException("the amount to split must be whole cents and not negative: " + parent);
        }
        Map<K, BigDecimal> out = new LinkedHashMap<>();
        if (shares.isEmpty()) {
            return out;
        }
        BigDecimal total = shares.stream().map(Share::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean even = total.signum() == 0;
        BigDecimal sum = BigDecimal.ZERO;
        Share<K> largest = null;
        for (Share<K> s : shares) {
            BigDecimal amount = even
                    ? parent.divide(BigDecimal.valueOf(shares.size()), CENTS, RoundingMode.HALF_EVEN)
                    : parent.multiply(s.weight()).divide(total, CENTS, RoundingMode.HALF_EVEN);
            if (out.put(s.id(), amount) != null) {
                throw new IllegalArgumentException("child " + s.id() + " given twice");
            }
            sum = sum.add(amount);
            if (largest == null
                    || s.weight().compareTo(largest.weight()) > 0
                    || (s.weight().compareTo(largest.weight()) == 0 && s.id().compareTo(largest.id()) < 0)) {
                largest = s;
            }
        }
        BigDecimal residue = parent.setScale(CENTS, RoundingMode.UNNECESSARY).subtract(sum);
        out.merge(largest.id(), residue, BigDecimal::add);
        return out;
    }
}
