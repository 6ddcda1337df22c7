package org.attain.spark;

import java.io.Serializable;
import java.util.List;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;

/**
 * Payees computed together in one Spark task, with the transactions that can credit them; {@code transactions}
 * null means the run's shared transactions (when every payee may be credited any of them, e.g. by territory).
 */
public record PayeeGroup(List<PersonId> payees, List<Transaction> transactions) implements Serializable {

    public PayeeGroup {
        payees = List.copyOf(payees);
        transactions = transactions == null ? null : List.copyOf(transactions);
    }
}
