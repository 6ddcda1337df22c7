package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.credit.Credit;
import org.attain.engine.plan.Tier;
import org.attain.engine.plan.TierMode;
import org.attain.engine.plan.TierTable;

/**
 * The hot loop of tiered pay: walks credits in order with a running total and splits each into the tier
 * slices it crosses. Bounds are turned into amounts once (bound x quota) so comparisons are exact and no
 * division happens per transaction. A tier table that starts at 0 extends its first rate below zero, so
 * returns that push the total negative take back at that rate.
 */
public final class TierKernel {

    private final TierMode mode;
    private final BigDecimal[] lower;
    private final BigDecimal[] upper;
    private final BigDecimal[] rates;
    private final String[] labels;

    /** {@code scale} is the quota for tiers on attainment, 1 for tiers on amount. */
    public TierKernel(TierTable table, TierMode mode, BigDecimal scale) {
        this.mode = mode;
        List<Tier> tiers = table.tiers();
        int n = tiers.size();
        lower = new BigDecimal[n];
        upper = new BigDecimal[n];
        rates = new BigDecimal[n];
        labels = new String[n];
        for (int i = 0; i < n; i++) {
            Tier t = tiers.get(i);
            boolean extendsBelowZero = i == 0 && t.from().signum() == 0;
            lower[i] = extendsBelowZero ? null : t.from().multiply(scale);
            upper[i] = t.to() == null ? null : t.to().multiply(scale);
            rates[i] = t.rate();
            labels[i] = t.toString();
        }
    }

    /** The total earned on bookings {@code x}: the sum of slices for marginal, rate of x's tier times x for slab. */
    public BigDecimal valueAt(BigDecimal x) {
        if (mode == TierMode.SLAB) {
            int tier = tierOf(x);
            return tier < 0 ? BigDecimal.ZERO : rates[tier].multiply(x);
        }
        // Measured from zero bookings, so F(0) = 0 whatever the bounds are.
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < rates.length; i++) {
            BigDecimal base = clamp(x, lower[i], upper[i]).subtract(clamp(BigDecimal.ZERO, lower[i], upper[i]));
            total = total.add(base.multiply(rates[i]));
        }
        return total;
    }

    /** The tier whose [lower, upper) contains x; -1 when x is below a first tier that does not start at 0. */
    public int tierOf(BigDecimal x) {
        for (int i = rates.length - 1; i >= 0; i--) {
            if (lower[i] == null || x.compareTo(lower[i]) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public String label(int tier) {
        return labels[tier];
    }

    public BigDecimal rate(int tier) {
        return rates[tier];
    }

    /** The explained result of walking the credits: one contribution per credit and the exact total. */
    public record Walk(List<Contribution> contributions, BigDecimal total, BigDecimal end)
            implements java.io.Serializable {}

    /**
     * Walks {@code credits} starting from bookings {@code start} (non-zero for to-date plans). In slab
     * mode every credit is paid at the rate of the tier {@code slabEnd} reaches.
     */
    public Walk walk(List<Credit> credits, BigDecimal start, BigDecimal slabEnd) {
        List<Contribution> out = new ArrayList<>(credits.size());
        BigDecimal running = start;
        BigDecimal total = BigDecimal.ZERO;
        int slabTier = mode == TierMode.SLAB ? tierOf(slabEnd) : -1;
        for (Credit c : credits) {
            BigDecimal amount = c.credited().amount();
            BigDecimal next = running.add(amount);
            List<TierSlice> slices;
            BigDecimal earned;
            if (mode == TierMode.SLAB) {
                if (slabTier < 0) {
                    slices = List.of();
                    earned = BigDecimal.ZERO;
                } else {
                    earned = amount.multiply(rates[slabTier]);
                    slices = List.of(new TierSlice(slabTier + 1, labels[slabTier], amount, rates[slabTier], earned));
                }
            } else {
                slices = slices(running, next);
                earned = slices.size() == 1 ? slices.get(0).amount() : sum(slices);
            }
            out.add(new Contribution(
                    c.transaction().id(),
                    c.date(),
                    c.rule(),
                    c.via(),
                    c.share(),
                    c.transaction().amount(),
                    c.fxFactor(),
                    c.credited(),
                    slices,
                    earned,
                    c.territory()));
            total = total.add(earned);
            running = next;
        }
        return new Walk(out, total, running);
    }

    private List<TierSlice> slices(BigDecimal from, BigDecimal to) {
        List<TierSlice> result = null;
        TierSlice single = null;
        for (int i = 0; i < rates.length; i++) {
            BigDecimal base = clamp(to, lower[i], upper[i]).subtract(clamp(from, lower[i], upper[i]));
            if (base.signum() == 0) {
                continue;
            }
            TierSlice slice = new TierSlice(i + 1, labels[i], base, rates[i], base.multiply(rates[i]));
            if (single == null) {
                single = slice;
            } else {
                if (result == null) {
                    result = new ArrayList<>(rates.length);
                    result.add(single);
                }
                result.add(slice);
            }
        }
        if (result != null) {
            return result;
        }
        return single == null ? List.of() : List.of(single);
    }

    private static BigDecimal clamp(BigDecimal x, BigDecimal lo, BigDecimal hi) {
        if (lo != null && x.compareTo(lo) < 0) {
            return lo;
        }
        if (hi != null && x.compareTo(hi) > 0) {
            return hi;
        }
        return x;
    }

    private static BigDecimal sum(List<TierSlice> slices) {
        BigDecimal s = BigDecimal.ZERO;
        for (TierSlice slice : slices) {
            s = s.add(slice.amount());
        }
        return s;
    }
}
