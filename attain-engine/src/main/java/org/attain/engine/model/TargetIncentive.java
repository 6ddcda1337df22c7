package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * A payee's target incentive (the variable part of on-target earnings) for a period, with the base salary
 * for the same period when known ({@code base} null: not given). OTE is base + target incentive; a plan pays
 * shares of the target incentive. The period may be longer than a plan's (an annual target paid quarterly).
 */
public record TargetIncentive(PersonId person, PeriodId period, Money target, Money base)
        implements java.io.Serializable {

    public TargetIncentive {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(target, "target");
        if (base != null && !base.currency().equals(target.currency())) {
            throw new IllegalArgumentException("base and target incentive of " + person + " for " + period
                    + " are in different currencies (" + base.currency() + ", " + target.currency() + ")");
        }
    }

    public TargetIncentive(PersonId person, PeriodId period, Money target) {
        this(person, period, target, null);
    }
}
