package org.attain.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.territory.ViaTerritory;

/**
 * One transaction's path into an earnings line: the source amount, the credit rule and share, the FX
 * factor, the credited amount, the tier slices it fell into and what it earned (full precision), and the
 * territory it was credited through ({@code territory}, null when it was not).
 */
public record Contribution(
        TransactionId transaction,
        LocalDate date,
        String rule,
        PersonId via,
        BigDecimal share,
        Money source,
        BigDecimal fxFactor,
        Money credited,
        List<TierSlice> slices,
        BigDecimal amount,
        ViaTerritory territory)
        implements java.io.Serializable {

    public Contribution(
            TransactionId transaction,
            LocalDate date,
            String rule,
            PersonId via,
            BigDecimal share,
            Money source,
            BigDecimal fxFactor,
            Money credited,
            List<TierSlice> slices,
            BigDecimal amount) {
        this(transaction, date, rule, via, share, source, fxFactor, credited, slices, amount, null);
    }
}
