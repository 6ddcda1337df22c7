package org.attain.expense;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A contract's commission month by month, pure: expensed at once under the practical expedient, or
 * capitalised in its first month and amortised straight-line over the term, each month the commission / term
 * rounded to cents (HALF_UP) and the last month taking the residue, so the months add up to the commission
 * exactly; on churn the month of cancellation takes its normal share and the rest is written off in it.
 *
 * <p>When the rounded share times (term - 1) would pass the commission (a few cents over a long term), the
 * share is rounded down instead, so no month is negative and the last month never gives anything back.
 */
public final class Amortisation {

    /** What one month of one contract books (each in cents, the commission's sign). */
    public record Month(
            YearMonth month, BigDecimal expensed, BigDecimal capitalised, BigDecimal amortised, BigDecimal writtenOff) {

        /** What reaches the income statement this month. */
        public BigDecimal expense() {
            return expensed.add(amortised).add(writtenOff);
        }
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Amortisation() {}

    public static List<Month> schedule(CommissionContract c, ExpensePolicy policy) {
        BigDecimal amount = c.commission().setScale(2, RoundingMode.UNNECESSARY);
        List<Month> months = new ArrayList<>();
        if (!policy.capitalises(c) || amount.signum() == 0) {
            months.add(new Month(c.start(), amount, ZERO, ZERO, ZERO));
            return months;
        }
        int term = c.termMonths();
        BigDecimal share = monthlyShare(amount, term);
        YearMonth cancelled = c.cancelledOn() == null ? null : YearMonth.from(c.cancelledOn());
        BigDecimal amortisedSoFar = ZERO;
        for (int i = 0; i < term; i++) {
            YearMonth month = c.start().plusMonths(i);
            BigDecimal capitalised = i == 0 ? amount : ZERO;
            if (cancelled != null && cancelled.isBefore(c.start())) {
                // Cancelled before the benefit began: nothing to amortise, all written off at once.
                months.add(new Month(month, ZERO, capitalised, ZERO, amount));
                return months;
            }
            BigDecimal amortised = i == term - 1 ? amount.subtract(amortisedSoFar) : share;
            amortisedSoFar = amortisedSoFar.add(amortised);
            BigDecimal writtenOff = ZERO;
            if (month.equals(cancelled)) {
                writtenOff = amount.subtract(amortisedSoFar);
                months.add(new Month(month, ZERO, capitalised, amortised, writtenOff));
                return months;
            }
            months.add(new Month(month, ZERO, capitalised, amortised, writtenOff));
        }
        return months;
    }

    /** The straight-line share of all months but the last. */
    static BigDecimal monthlyShare(BigDecimal amount, int term) {
        BigDecimal magnitude = amount.abs();
        BigDecimal share = magnitude.divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_UP);
        if (share.multiply(BigDecimal.valueOf(term - 1L)).compareTo(magnitude) > 0) {
            share = magnitude.divide(BigDecimal.valueOf(term), 2, RoundingMode.DOWN);
        }
        return amount.signum() < 0 ? share.negate() : share;
    }
}
