package org.attain.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one currency finance reads totals in: the company currency ({@code attain.company-currency}, default USD).
 * Amounts are converted at the rate in force on a day (for a period: its last day) by {@link RateTable}, and each
 * converted amount is rounded once to the reporting currency's minor unit (cents for USD or EUR, none for JPY),
 * half-even; totals add the rounded amounts, so a total is always the sum of the lines shown above it.
 */
@Service
public class ReportingCurrency {

    private final FxRates fx;
    private final String currency;

    ReportingCurrency(FxRates fx, @Value("${attain.company-currency:USD}") String currency) {
        this.fx = fx;
        this.currency = currency.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String currency() {
        return currency;
    }

    /** A converter over the rates as they are now (read once). */
    public Converter converter() {
        return new Converter(new RateTable(fx.all()), currency);
    }

    /** A conversion that remembers which currency lacked a rate for which period (issue 21.8). */
    public Conversion conversion() {
        return new Conversion(converter());
    }

    /** Converts amounts into one target currency with one read of the rates. */
    public static final class Converter {
        private final RateTable rates;
        private final String to;
        private final int minorUnit;

        public Converter(RateTable rates, String to) {
            this.rates = rates;
            this.to = to;
            int digits = Currency.getInstance(to).getDefaultFractionDigits();
            this.minorUnit = Math.max(digits, 0);
        }

        public String currency() {
            return to;
        }

        /** Digits after the decimal point of the target currency (2 for EUR, 0 for JPY). */
        public int minorUnit() {
            return minorUnit;
        }

        /** The amount in the target currency on that day, rounded half-even to its minor unit; empty without a rate. */
        public Optional<BigDecimal> convert(BigDecimal amount, String from, LocalDate day) {
            if (amount == null) {
                return Optional.empty();
            }
            return rates.rate(from, to, day).map(r -> amount.multiply(r).setScale(minorUnit, RoundingMode.HALF_EVEN));
        }
    }
}
