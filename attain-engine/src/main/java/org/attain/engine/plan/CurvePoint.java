package org.attain.engine.plan;

import java.math.BigDecimal;
import org.attain.engine.money.Money;

/**
 * At {@code at} (attainment or amount) the curve pays {@code pay}, or, on a curve that pays shares of the
 * target incentive, {@code share} of it (the other one is null); between points it is linear.
 */
public record CurvePoint(BigDecimal at, Money pay, BigDecimal share) implements java.io.Serializable {

    public CurvePoint(BigDecimal at, Money pay) {
        this(at, pay, null);
    }

    /** A point of a curve that pays a share of the target incentive. */
    public static CurvePoint share(BigDecimal at, BigDecimal share) {
        return new CurvePoint(at, null, share);
    }

    /** What the curve reads at this point: the share, or the amount paid. */
    public BigDecimal value() {
        return share != null ? share : pay.amount();
    }
}
