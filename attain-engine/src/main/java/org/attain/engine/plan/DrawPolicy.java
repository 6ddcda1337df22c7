package org.attain.engine.plan;

import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;

/**
 * A minimum payment per period while {@code window} covers the period's start. Recoverable: shortfalls
 * are advanced and recovered from later earnings. Non-recoverable (and guarantees): shortfalls are paid.
 */
public record DrawPolicy(Money amountPerPeriod, boolean recoverable, DateRange window)
        implements java.io.Serializable {}
