package org.attain.engine.plan;

/** Tiered rates (with accelerators or decelerators) on attainment or amount, per period or to date. */
public record TieredComponent(
        ComponentBasics basics, TierTable table, TierMode mode, TierBasis basis, Cumulation cumulation)
        implements Component, java.io.Serializable {}
