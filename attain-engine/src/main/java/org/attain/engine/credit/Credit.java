package org.attain.engine.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.Money;
import org.attain.engine.territory.ViaTerritory;

/**
 * A transaction credited to a payee under one measure: which rule, whose credit it came through
 * ({@code via}: the owner or split person; for roll-ups a report), the share (split share x rule
 * weight), the FX factor and the credited amount in the plan currency at full precision. {@code territory}
 * is set when the credit came through a territory (its owner's or an overlay's), null otherwise.
 */
public record Credit(
        Transaction transaction,
        String rule,
        PersonId via,
        BigDecimal share,
        BigDecimal fxFactor,
        Money credited,
        ViaTerritory territory)
        implements java.io.Serializable {

    public Credit(
            Transaction transaction, String rule, PersonId via, BigDecimal share, BigDecimal fxFactor, Money credited) {
        this(transaction, rule, via, share, fxFactor, credited, null);
    }

    public LocalDate date() {
        return transaction.closeDate();
    }
}
