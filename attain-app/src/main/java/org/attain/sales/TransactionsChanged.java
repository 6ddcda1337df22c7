package org.attain.sales;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published after an import committed new or changed transactions: the people whose pay may have
 * changed (owners and split partners, before and after the change) and the close-date range touched,
 * so the calculation can recompute exactly those payee-periods.
 */
public record TransactionsChanged(Set<Long> personIds, LocalDate earliest, LocalDate latest, long importId) {

    public TransactionsChanged {
        personIds = Set.copyOf(personIds);
    }
}
