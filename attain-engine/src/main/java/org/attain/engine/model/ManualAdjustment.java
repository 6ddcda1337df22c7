package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/** A hand-entered amount with the reason an admin gave; it appears as its own statement line. */
public record ManualAdjustment(PersonId person, PeriodId period, Money amount, String reason)
        implements java.io.Serializable {

    public ManualAdjustment {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a manual adjustment needs a reason");
        }
    }
}
