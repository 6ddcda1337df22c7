package org.attain.engine.plan;

import java.math.BigDecimal;

/** [from, to) with {@code to} null for "and above"; lower bound inclusive, upper exclusive. */
public record Tier(BigDecimal from, BigDecimal to, BigDecimal rate) implements java.io.Serializable {

    public boolean open() {
        return to == null;
    }

    @Override
    public String toString() {
        return "[" + from.toPlainString() + ", " + (to == null ? "∞" : to.toPlainString()) + ") @ "
                + rate.toPlainString();
    }
}
