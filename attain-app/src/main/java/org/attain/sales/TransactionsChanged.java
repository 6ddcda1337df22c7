package org.attain.sales;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published after an import committed new or changed transactions: the people whose pay may have
 * changed (owners and split partners, before and after the change) and the close-date range touched,
 * so the calculation can recompute exactly those payee-periods. {@code accountIds}: the accounts of those
 * transactions, before and after, for whoever credits deals by account (territory owners and overlays).
 */
public record TransactionsChanged(
        Set<Long> personIds, LocalDate earliest, LocalDate latest, long importId, Set<Long> accountIds) {

    public TransactionsChanged {
        personIds = Set.copyOf(personIds);
        accountIds = accountIds == null ? Set.of() : Set.copyOf(accountIds);
    }

    public TransactionsChanged(Set<Long> personIds, LocalDate earliest, LocalDate latest, long importId) {
        this(personIds, earliest, latest, importId, Set.of());
    }
}
