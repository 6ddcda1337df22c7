package org.attain.engine.ledger;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.DrawPolicy;
import org.attain.engine.plan.NegativeBalance;

/**
 * What one period brings to the ledger: total earnings lines, new holdbacks per deal, the deals whose
 * holdback may now be released, and the draw/guarantee rules in force (nullable).
 */
public record LedgerPeriodInput(
        Money earnings,
        Map<TransactionId, Money> newHolds,
        Set<TransactionId> releasable,
        DrawPolicy draw,
        DrawPolicy guarantee,
        NegativeBalance negativeBalance,
        LocalDate periodStart)
        implements java.io.Serializable {

    public LedgerPeriodInput {
        newHolds = Map.copyOf(newHolds);
        releasable = Set.copyOf(releasable);
    }
}
