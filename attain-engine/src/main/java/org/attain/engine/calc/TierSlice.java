package org.attain.engine.calc;

import java.math.BigDecimal;

/** The part of one credit that fell into one tier: {@code base x rate = amount}, at full precision. */
public record TierSlice(int tier, String bounds, BigDecimal base, BigDecimal rate, BigDecimal amount)
        implements java.io.Serializable {}
