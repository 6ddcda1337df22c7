package org.attain.engine.plan;

/** Marginal pays each slice at its tier's rate; slab pays everything at the rate of the tier reached. */
public enum TierMode {
    MARGINAL,
    SLAB
}
