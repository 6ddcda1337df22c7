package org.attain.engine.territory;

import java.time.LocalDate;
import java.util.List;
import org.attain.engine.model.TransactionId;

/**
 * Territories of equal precedence both claim a deal on its credit date: a mistake in the territory plan
 * that crediting reports (the deal is left out and named in the run's issues) instead of picking one.
 * Carries no stack trace: it is an answer about the data, not a failure of the program.
 */
public final class TerritoryConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient TransactionId transaction;
    private final transient LocalDate day;
    private final transient List<String> territories;
    private final int precedence;

    public TerritoryConflict(TransactionId transaction, LocalDate day, List<String> territories, int precedence) {
        super(
                "territories " + String.join(" and ", territories) + " of equal precedence " + precedence
                        + " both claim " + transaction + " on " + day,
                null,
                false,
                false);
        this.transaction = transaction;
        this.day = day;
        this.territories = List.copyOf(territories);
        this.precedence = precedence;
    }

    public TransactionId transaction() {
        return transaction;
    }

    public LocalDate day() {
        return day;
    }

    public List<String> territories() {
        return territories;
    }

    public int precedence() {
        return precedence;
    }
}
