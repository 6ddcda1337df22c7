package org.attain.engine.plan;

import org.attain.engine.money.Money;

/** A fixed amount paid when the gate (e.g. attainment >= 1.00) holds for the period. */
public record BonusComponent(ComponentBasics basics, Money amount) implements Component {

    @Override
    public boolean perDeal() {
        return false;
    }
}
