package org.attain.engine.ledger;

import java.util.Objects;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;

/**
 * One movement in the payout ledger, e.g. (HOLDBACK_WITHHELD, -500.00, D1) or (DRAW_ADVANCED, 1500.00).
 * Signs are as seen from the payout: positive adds to what is paid.
 */
public record LedgerEntry(LedgerEntryKind kind, Money amount, TransactionId transaction, String note)
        implements java.io.Serializable {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }
}
