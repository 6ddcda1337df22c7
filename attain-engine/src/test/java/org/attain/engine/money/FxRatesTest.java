package org.attain.engine.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate for a day is the latest one effective on or before it; the opposite quote is inverted. */
class FxRatesTest {

    private static final CurrencyUnit EUR = CurrencyUnit.of("EUR");
    private static final CurrencyUnit USD = CurrencyUnit.of("USD");
    private static final CurrencyUnit GBP = CurrencyUnit.of("GBP");

    private final FxRates rates = FxRates.of(List.of(
            new FxRate(EUR, USD, LocalDate.of(2026, 4, 1), new BigDecimal("1.10")),
            new FxRate(EUR, USD, LocalDate.of(2026, 1, 1), new BigDecimal("1.08")),
            new FxRate(EUR, USD, LocalDate.of(2026, 7, 1), new BigDecimal("1.12")),
            new FxRate(EUR, USD, LocalDate.of(2026, 7, 1), new BigDecimal("1.13"))));

    @Test
    void aDayTakesTheRateInForceOnIt() {
        assertThat(rates.factor(EUR, USD, LocalDate.of(2026, 1, 1))).contains(new BigDecimal("1.08"));
        assertThat(rates.factor(EUR, USD, LocalDate.of(2026, 3, 31))).contains(new BigDecimal("1.08"));
        assertThat(rates.factor(EUR, USD, LocalDate.of(2026, 4, 1))).contains(new BigDecimal("1.10"));
        assertThat(rates.factor(EUR, USD, LocalDate.of(2027, 2, 1)))
                .as("of two rates on one day the later listed wins")
                .contains(new BigDecimal("1.13"));
    }

    @Test
    void beforeTheFirstRateOrForAnUnquotedPairThereIsNone() {
        assertThat(rates.factor(EUR, USD, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(rates.factor(USD, EUR, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(rates.factor(GBP, USD, LocalDate.of(2026, 5, 1))).isEmpty();
        assertThat(FxRates.none().factor(EUR, USD, LocalDate.of(2026, 5, 1))).isEmpty();
    }

    @Test
    void theOppositeDirectionIsTheInverseAt34Digits() {
        assertThat(rates.factor(USD, EUR, LocalDate.of(2026, 5, 1)))
                .contains(BigDecimal.ONE.divide(new BigDecimal("1.10"), MathContext.DECIMAL128));
        assertThat(rates.factor(USD, USD, LocalDate.of(1990, 1, 1))).contains(BigDecimal.ONE);
    }

    @Test
    void aDirectQuoteWinsOverAnInvertedOne() {
        FxRates both = FxRates.of(List.of(
                new FxRate(USD, EUR, LocalDate.of(2026, 1, 1), new BigDecimal("0.90")),
                new FxRate(EUR, USD, LocalDate.of(2026, 1, 1), new BigDecimal("1.20"))));
        assertThat(both.factor(USD, EUR, LocalDate.of(2026, 2, 1))).contains(new BigDecimal("0.90"));
        assertThat(both.factor(EUR, USD, LocalDate.of(2026, 2, 1))).contains(new BigDecimal("1.20"));
    }
}
