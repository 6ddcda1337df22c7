package org.attain.engine.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One unit of {@code from} buys {@code rate} units of {@code to}, from {@code effective} until a later rate. */
public record FxRate(CurrencyUnit from, CurrencyUnit to, LocalDate effective, BigDecimal rate)
        implements java.io.Serializable {

    public FxRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("FX rate must be positive: " + rate);
        }
    }
}
