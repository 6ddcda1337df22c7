package org.attain.expense;

/**
 * How a portfolio's commissions are expensed: a contract whose term is longer than {@code thresholdMonths} is
 * capitalised and amortised; one of the threshold or shorter is expensed at once (the practical expedient of
 * ASC 340-40-25-4 / IFRS 15.94, whose threshold is one year).
 */
public record ExpensePolicy(String portfolio, int thresholdMonths) {

    public static final int PRACTICAL_EXPEDIENT_MONTHS = 12;

    public ExpensePolicy {
        if (thresholdMonths < 0 || thresholdMonths > 120) {
            throw new IllegalArgumentException("threshold_months must be from 0 to 120, not " + thresholdMonths);
        }
    }

    public static ExpensePolicy standard(String portfolio) {
        return new ExpensePolicy(portfolio, PRACTICAL_EXPEDIENT_MONTHS);
    }

    public boolean capitalises(CommissionContract c) {
        return c.termMonths() > thresholdMonths;
    }
}
