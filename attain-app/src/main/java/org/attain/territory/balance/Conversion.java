package org.attain.territory.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.attain.fx.FxRates;
import org.attain.fx.RateTable;

/** Converts amounts into the company currency on one day, by fx's {@link RateTable} (the order planning uses too). */
final class Conversion {

    private final RateTable rates;
    private final String to;
    private final LocalDate day;

    Conversion(List<FxRates.Rate> rates, String to, LocalDate day) {
        this.rates = new RateTable(rates);
        this.to = to;
        this.day = day;
    }

    /** How many units of the company currency one unit of {@code from} is worth; empty when no rate says. */
    Optional<BigDecimal> rate(String from) {
        return rates.rate(from, to, day);
    }

    LocalDate day() {
        return day;
    }
}
