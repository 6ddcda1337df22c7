package org.attain.territory.balance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.attain.fx.FxRates;

/**
 * Converts amounts into the company currency on one day: the rate in force then (the latest from on or before
 * it), else the inverse of the opposite pair, else a cross through a third currency. The same order as quota
 * planning's rates (org.attain.planning.Rates, package-private there).
 */
final class Conversion {

    private final List<FxRates.Rate> rates;
    private final String to;
    private final LocalDate day;

    Conversion(List<FxRates.Rate> rates, String to, LocalDate day) {
        this.rates = rates.stream()
                .filter(r -> !r.effectiveFrom().isAfter(day))
                .sorted(Comparator.comparing(FxRates.Rate::effectiveFrom).reversed())
                .toList();
        this.to = to;
        this.day = day;
    }

    /** How many units of the company currency one unit of {@code from} is worth; empty when no rate says. */
    Optional<BigDecimal> rate(String from) {
        if (from.equals(to)) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<BigDecimal> direct = oneStep(from, to);
        if (direct.isPresent()) {
            return direct;
        }
        for (String via :
                rates.stream().map(FxRates.Rate::toCurrency).distinct().sorted().toList()) {
            Optional<BigDecimal> first = oneStep(from, via);
            Optional<BigDecimal> second = first.isEmpty() ? Optional.empty() : oneStep(via, to);
            if (second.isPresent()) {
                return Optional.of(first.get().multiply(second.get(), MathContext.DECIMAL128));
            }
        }
        return Optional.empty();
    }

    LocalDate day() {
        return day;
    }

    private Optional<BigDecimal> oneStep(String from, String into) {
        Optional<BigDecimal> direct = find(from, into);
        return direct.isPresent()
                ? direct
                : find(into, from).map(r -> BigDecimal.ONE.divide(r, MathContext.DECIMAL128));
    }

    private Optional<BigDecimal> find(String from, String into) {
        return rates.stream()
                .filter(r -> r.fromCurrency().equals(from) && r.toCurrency().equals(into))
                .map(FxRates.Rate::rate)
                .findFirst();
    }
}
