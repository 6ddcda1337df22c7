package org.attain.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's amount split over its deals adds up to the line to the cent, by weight, the leftover cents to the largest remainders. */
class DealCommissionsSplitTest {

    @Test
    void aLineSplitsByWhatEachDealEarnedAndAddsUpExactly() {
        assertThat(DealCommissions.split(
                        new BigDecimal("100.00"), List.of(new BigDecimal("1"), new BigDecimal("2")), 2))
                .extracting(BigDecimal::toPlainString)
                .containsExactly("33.33", "66.67");
        assertThat(DealCommissions.split(new BigDecimal("0.10"), null, 3))
                .extracting(BigDecimal::toPlainString)
                .containsExactly("0.04", "0.03", "0.03");
        assertThat(
                        DealCommissions.split(
                                        new BigDecimal("-10.00"),
                                        List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                                        3)
                                .stream()
                                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("-10.00");
    }
}
