package org.attain.engine.plan;

import java.math.BigDecimal;
import org.attain.engine.money.Money;

/**
 * An amount paid when the gate (e.g. attainment >= 1.00) holds for the period: a fixed amount, or ({@code share} not
 * null) that share of the payee's target incentive for the period.
 */
public record BonusComponent(ComponentBasics basics, Money amount, BigDecimal share)
        implements Component, java.io.Serializable {

    public BonusComponent(ComponentBasics basics, Money amount) {
        this(basics, amount, null);
    }

    @Override
    public boolean perDeal() {
        return false;
    }
}
