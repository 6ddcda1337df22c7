package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The golden commission expense case of ../shared/cases/expense, numbers exactly as the case states them. */
class ExpenseCasesTest {

    static final ExpensePolicy POLICY = ExpensePolicy.standard("default");
    static final YearMonth JAN_2026 = YearMonth.parse("2026-01");

    @Test
    @DisplayName(
            "expense-01-amortisation: straight-line with the residue in the last month; expedient; churn write-off")
    void expense01AmortisationStraightLineWithTheResidueLastTheExpedientAndAChurnWriteOff() {
        var c1 = Amortisation.schedule(contract("C1", "15000.00", 36, null), POLICY);
        assertThat(month(c1, "2026-01").amortised()).hasToString("416.67");
        assertThat(month(c1, "2026-01").capitalised()).hasToString("15000.00");
        assertThat(month(c1, "2028-11").amortised()).hasToString("416.67");
        assertThat(month(c1, "2028-12").amortised()).hasToString("416.55");
        assertThat(c1).hasSize(36);
        assertThat(c1.stream().map(Amortisation.Month::amortised).reduce(BigDecimal.ZERO, BigDecimal::add))
                .hasToString("15000.00");

        var c2 = Amortisation.schedule(contract("C2", "3000.00", 12, null), POLICY);
        assertThat(month(c2, "2026-01").expensed()).hasToString("3000.00");
        assertThat(month(c2, "2026-01").capitalised()).hasToString("0.00");
        assertThat(c2).hasSize(1);

        var c3 = Amortisation.schedule(contract("C3", "15000.00", 36, LocalDate.parse("2026-10-15")), POLICY);
        assertThat(month(c3, "2026-10").amortised()).hasToString("416.67");
        assertThat(month(c3, "2026-10").writtenOff()).hasToString("10833.30");
        assertThat(c3.stream().map(Amortisation.Month::amortised).reduce(BigDecimal.ZERO, BigDecimal::add))
                .hasToString("4166.70");
        assertThat(c3).as("nothing after the churn").hasSize(10);

        // The roll-forward of the three for 2026's quarters: Q4 writes C3 off, the asset closes at C1's rest.
        var periods = List.of(
                new RollForward.Period("2026-Q1", YearMonth.parse("2026-01"), YearMonth.parse("2026-03")),
                new RollForward.Period("2026-Q4", YearMonth.parse("2026-10"), YearMonth.parse("2026-12")));
        var all = new java.util.ArrayList<Amortisation.Month>();
        all.addAll(c1);
        all.addAll(c2);
        all.addAll(c3);
        var lines = RollForward.of(all, periods);
        assertThat(lines.get(0).capitalised()).hasToString("30000.00");
        assertThat(lines.get(0).expensedAtOnce()).hasToString("3000.00");
        assertThat(lines.get(0).amortised()).hasToString("2500.02");
        assertThat(lines.get(1).opening()).hasToString("22499.94"); // 30,000 - 18 × 416.67
        assertThat(lines.get(1).writtenOff()).hasToString("10833.30");
        assertThat(lines.get(1).closing()).hasToString("9999.96"); // C1: 15,000 - 12 × 416.67
        var entries = JournalEntries.of(lines, periods, "USD", JournalEntries.Accounts.standard());
        assertThat(entries)
                .extracting(e -> e.period() + " " + e.kind() + " " + e.debit() + "/" + e.credit() + " " + e.amount())
                .containsExactly(
                        "2026-Q1 EXPENSED 6000/3790 3000.00",
                        "2026-Q1 CAPITALISED 1480/3790 30000.00",
                        "2026-Q1 AMORTISED 6010/1480 2500.02",
                        "2026-Q4 AMORTISED 6010/1480 1666.68",
                        "2026-Q4 WRITTEN_OFF 6020/1480 10833.30");
    }

    static CommissionContract contract(String id, String amount, int term, LocalDate cancelledOn) {
        return new CommissionContract(id, new BigDecimal(amount), "USD", JAN_2026, term, cancelledOn);
    }

    static Amortisation.Month month(List<Amortisation.Month> months, String month) {
        return months.stream()
                .filter(m -> m.month().equals(YearMonth.parse(month)))
                .findFirst()
                .orElseThrow();
    }
}
