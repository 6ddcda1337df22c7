package org.attain.engine.plan;

/** Whether tier bounds are attainment fractions (1.00 = quota) or amounts of the measure. */
public enum TierBasis {
    ATTAINMENT,
    AMOUNT
}
