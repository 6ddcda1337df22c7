package org.attain.engine.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;

/**
 * A payee's balances between periods: the negative balance carried forward (zero or less), the
 * outstanding recoverable draw (zero or more) and the amounts held back per deal. Passing the state after
 * one period into the next run is what makes an incremental run equal to a full one.
 */
public record LedgerState(Money carried, Money drawBalance, Map<TransactionId, Money> held)
        implements java.io.Serializable {

    public LedgerState {
        Objects.requireNonNull(carried, "carried");
        Objects.requireNonNull(drawBalance, "drawBalance");
        held = Map.copyOf(held);
    }

    public static LedgerState empty(CurrencyUnit currency) {
        return new LedgerState(Money.zero(currency), Money.zero(currency), Map.of());
    }

    public Money heldTotal() {
        Money total = Money.zero(carried.currency());
        for (Money m : new TreeMap<>(held).values()) {
            total = total.plus(m);
        }
        return total;
    }
}
