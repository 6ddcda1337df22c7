package org.attain.engine.model;

import java.util.Objects;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * A team's (pod's) target for one period and measure; {@code measure} null means the quota measure of
 * the plan that reads it. The period is what makes it effective-dated: a quarter's pod quota applies to
 * that quarter, and months' pod quotas inside a quarter add up to the quarter's. It is never prorated:
 * members who join or leave mid-period are prorated on their pay instead, where the plan says so.
 */
public record TeamQuota(TeamId team, PeriodId period, String measure, Money amount) implements java.io.Serializable {

    public TeamQuota {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(amount, "amount");
    }
}
