package org.attain.engine.credit;

import java.util.Objects;
import org.attain.engine.model.TransactionId;

/** A transaction left out of the run, and why; the run goes on for everyone else. */
public record Exclusion(TransactionId transaction, String reason) implements java.io.Serializable {

    public Exclusion {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return transaction + ": " + reason;
    }
}
