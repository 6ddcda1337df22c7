package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Amortisation never loses or invents a cent, whatever the amount, term, threshold and churn day. */
class AmortisationProperties {

    @Property(tries = 2000)
    void everyCentOfTheCommissionIsExpensedExactlyOnceAndNoMonthTurnsAgainstIt(
            @ForAll @LongRange(min = -5_000_000_00L, max = 5_000_000_00L) long cents,
            @ForAll @IntRange(min = 0, max = 120) int term,
            @ForAll @IntRange(min = 0, max = 36) int threshold,
            @ForAll @IntRange(min = -3, max = 130) int churnMonth,
            @ForAll @IntRange(min = 1, max = 28) int churnDay,
            @ForAll boolean churns) {
        BigDecimal amount = BigDecimal.valueOf(cents, 2);
        YearMonth start = YearMonth.of(2026, 1);
        LocalDate cancelled = churns ? start.plusMonths(churnMonth).atDay(churnDay) : null;
        List<Amortisation.Month> months = Amortisation.schedule(
                new CommissionContract("c", amount, "EUR", start, term, cancelled), new ExpensePolicy("p", threshold));

        BigDecimal expensed = months.stream().map(Amortisation.Month::expense).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal capitalised =
                months.stream().map(Amortisation.Month::capitalised).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(expensed).as("expensed in total").isEqualByComparingTo(amount);
        assertThat(capitalised.signum() == 0 || capitalised.compareTo(amount) == 0)
                .isTrue();
        for (Amortisation.Month m : months) {
            for (BigDecimal part : List.of(m.expensed(), m.amortised(), m.writtenOff(), m.capitalised())) {
                assertThat(part.scale()).isEqualTo(2);
                assertThat(part.signum() * amount.signum())
                        .as("%s in %s", part, m.month())
                        .isNotNegative();
            }
        }
        // The roll-forward over all months closes at zero once the last month is past.
        var all = new RollForward.Period("all", start.minusMonths(5), start.plusMonths(140));
        var line = RollForward.of(months, List.of(all)).get(0);
        assertThat(line.closing()).isEqualByComparingTo("0");
        assertThat(line.expense()).isEqualByComparingTo(amount);
    }
}
