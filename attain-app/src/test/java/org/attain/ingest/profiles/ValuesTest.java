package org.attain.ingest.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates and amounts are read the way the file writes them, and nothing is guessed. */
class ValuesTest {

    @Test
    void germanAndEnglishAmountsMeanTheSame() {
        assertThat(Values.number("1.234,56", NumberStyle.DE)).isEqualByComparingTo("1234.56");
        assertThat(Values.number("1,234.56", NumberStyle.EN)).isEqualByComparingTo("1234.56");
        assertThat(Values.number("-12.500,00 €", NumberStyle.DE)).isEqualByComparingTo("-12500.00");
        assertThat(Values.number("(2,000.00)", NumberStyle.EN)).isEqualByComparingTo("-2000.00");
        assertThat(Values.number("$48,000", NumberStyle.EN)).isEqualByComparingTo("48000");
    }

    @Test
    void amountsThatAreNotNumbersAreRefusedNotGuessed() {
        assertThat(Values.number("12k", NumberStyle.EN)).isNull();
        assertThat(Values.number("1.234.5", NumberStyle.EN)).isNull();
        // a dot-decimal amount in a German file would otherwise silently grow a hundredfold
        assertThat(Values.number("1234.56", NumberStyle.DE)).isNull();
        assertThat(Values.number("12,34,5", NumberStyle.EN)).isNull();
    }

    @Test
    void datesFollowTheProfilePatternAndRefuseImpossibleDays() {
        var american = ImportProfile.parse("p", "source: x\ncolumns: {amount: A}\nformat: {date: M/d/yyyy}")
                .format()
                .dates();
        var german = ImportProfile.parse("p", "source: x\ncolumns: {amount: A}\nformat: {date: d.M.yyyy}")
                .format()
                .dates();
        assertThat(Values.date("3/7/2026", american)).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(Values.date("3.7.2026", german)).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(Values.date("2026-07-03", german)).isEqualTo(LocalDate.of(2026, 7, 3));
        assertThat(Values.date("31.02.2026", german)).isNull();
        assertThat(Values.date("2/30/2026", american)).isNull();
        assertThat(Values.date("13/1/2026", american)).isNull();
    }
}
