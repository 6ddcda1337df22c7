package org.attain.engine.plan;

import java.util.List;

/** Contiguous tiers in ascending order, the last one open-ended; validated by the compiler. */
public record TierTable(List<Tier> tiers) implements java.io.Serializable {

    public TierTable {
        tiers = List.copyOf(tiers);
    }

    /** True when no tier pays less than the one below it, i.e. there is no decelerator. */
    public boolean nonDecreasing() {
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).rate().compareTo(tiers.get(i - 1).rate()) < 0) {
                return false;
            }
        }
        return true;
    }
}
