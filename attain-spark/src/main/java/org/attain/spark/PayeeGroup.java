package org.attain.spark;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;

/**
 * Payees computed together in one Spark task, with the transactions that can credit them, or with what the executor
 * reads for them itself ({@code reach}, see {@link PostgresReads}); both null means the run's shared transactions
 * (when every payee may be credited any of them, e.g. by territory).
 */
public record PayeeGroup(List<PersonId> payees, List<Transaction> transactions, Reach reach) implements Serializable {

    /**
     * What the executor reads for a group: the transactions these {@code people} own or share through a split and
     * those booked on these {@code accounts}, closed in the run's window; {@code people} null means every
     * transaction in the window.
     */
    public record Reach(Set<Long> people, Set<Long> accounts) implements Serializable {

        public Reach {
            people = people == null ? null : Set.copyOf(people);
            accounts = accounts == null ? Set.of() : Set.copyOf(accounts);
        }

        /** Every transaction in the run's window (a territory rule can credit anyone with anything). */
        public static Reach everything() {
            return new Reach(null, Set.of());
        }
    }

    /** A group carrying its transactions ({@code null}: the run's shared ones). */
    public PayeeGroup(List<PersonId> payees, List<Transaction> transactions) {
        this(payees, transactions, null);
    }

    public PayeeGroup {
        if (transactions != null && reach != null) {
            throw new IllegalArgumentException("a group carries its transactions or what to read, not both");
        }
        payees = List.copyOf(payees);
        transactions = transactions == null ? null : List.copyOf(transactions);
    }
}
