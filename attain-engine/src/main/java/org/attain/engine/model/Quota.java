package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * A payee's target for one period and measure. {@code measure} null means the plan's quota measure.
 * A team (pod) quota is simply the quota of the manager who is paid on the team's measure.
 */
public record Quota(PersonId person, PeriodId period, String measure, Money amount, Proration proration)
        implements java.io.Serializable {

    public Quota {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        proration = proration == null ? Proration.NONE : proration;
    }
}
