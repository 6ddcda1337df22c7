package org.attain.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Exchange rates as planning, forecasting and balancing convert amounts: the rate in force on a day (the latest from on or before it), the
 * inverse of the opposite pair, or a cross through a third currency, in that order. Read once per use.
 */
public final class RateTable {

    private final List<FxRates.Rate> rates;

    public RateTable(List<FxRates.Rate> rates) {
        this.rates = rates.stream()
                .sorted(Comparator.comparing(FxRates.Rate::effectiveFrom).reversed())
                .toList();
    }

    /** How many units of {@code to} one unit of {@code from} is worth on {@code day}; empty when no rate says. */
    public Optional<BigDecimal> rate(String from, String to, LocalDate day) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = oneStep(from, to, day);
        if (direct.isPresent()) {
            return direct;
        }
        for (String via :
                rates.stream().map(FxRates.Rate::toCurrency).distinct().sorted().toList()) {
            Optional<BigDecimal> first = oneStep(from, via, day);
            Optional<BigDecimal> second = first.isEmpty() ? Optional.empty() : oneStep(via, to, day);
            if (second.isPresent()) {
                return Optional.of(first.get().multiply(second.get(), MathContext.DECIMAL128));
            }
        }
        return Optional.empty();
    }

    private Optional<BigDecimal> oneStep(String from, String to, LocalDate day) {
        Optional<BigDecimal> direct = find(from, to, day);
        if (direct.isPresent()) {
            return direct;
        }
        return find(to, from, day).map(r -> BigDecimal.ONE.divide(r, MathContext.DECIMAL128));
    }

    private Optional<BigDecimal> find(String from, String to, LocalDate day) {
        return rates.stream()
                .filter(r -> r.fromCurrency().equals(from)
                        && r.toCurrency().equals(to)
                        && !r.effectiveFrom().isAfter(day))
                .map(FxRates.Rate::rate)
                .findFirst();
    }
}
