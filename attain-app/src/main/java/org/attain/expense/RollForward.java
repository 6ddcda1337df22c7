package org.attain.expense;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The deferred commission asset per period, pure: opening, capitalised, amortised, written off, closing, and
 * what was expensed at once beside it. A period is a run of months [from, until] both included.
 */
public final class RollForward {

    public record Period(String id, YearMonth from, YearMonth until) {}

    public record Line(
            String period,
            BigDecimal opening,
            BigDecimal capitalised,
            BigDecimal amortised,
            BigDecimal writtenOff,
            BigDecimal closing,
            BigDecimal expensedAtOnce) {

        /** Everything this period's income statement carries for commissions. */
        public BigDecimal expense() {
            return amortised.add(writtenOff).add(expensedAtOnce);
        }
    }

    private RollForward() {}

    public static List<Line> of(Collection<Amortisation.Month> months, List<Period> periods) {
        List<Line> lines = new ArrayList<>();
        for (Period p : periods) {
            BigDecimal opening = zero();
            BigDecimal capitalised = zero();
            BigDecimal amortised = zero();
            BigDecimal writtenOff = zero();
            BigDecimal expensed = zero();
            for (Amortisation.Month m : months) {
                if (m.month().isBefore(p.from())) {
                    opening =
                            opening.add(m.capitalised()).subtract(m.amortised()).subtract(m.writtenOff());
                } else if (!m.month().isAfter(p.until())) {
                    capitalised = capitalised.add(m.capitalised());
                    amortised = amortised.add(m.amortised());
                    writtenOff = writtenOff.add(m.writtenOff());
                    expensed = expensed.add(m.expensed());
                }
            }
            BigDecimal closing = opening.add(capitalised).subtract(amortised).subtract(writtenOff);
            lines.add(new Line(p.id(), opening, capitalised, amortised, writtenOff, closing, expensed));
        }
        return lines;
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
