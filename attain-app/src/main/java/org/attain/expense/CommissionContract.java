package org.attain.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One incremental commission on one contract: the amount (in {@code currency}, cents), the first month of the
 * contract's benefit, its term in months, and the day the customer churned ({@code null} while it runs).
 */
public record CommissionContract(
        String id, BigDecimal commission, String currency, YearMonth start, int termMonths, LocalDate cancelledOn) {

    public CommissionContract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(start, "start");
        if (termMonths < 0) {
            throw new IllegalArgumentException(
                    "contract " + id + ": term_months must not be negative, not " + termMonths);
        }
        if (commission.scale() > 2 && commission.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("contract " + id + ": a commission is in cents, not " + commission);
        }
    }
}
