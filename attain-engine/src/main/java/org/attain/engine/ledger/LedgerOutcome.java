package org.attain.engine.ledger;

import java.util.List;
import org.attain.engine.money.Money;

/** The ledger movements of a period, what is paid and the balances carried into the next period. */
public record LedgerOutcome(List<LedgerEntry> entries, Money payout, LedgerState after)
        implements java.io.Serializable {

    public LedgerOutcome {
        entries = List.copyOf(entries);
    }
}
