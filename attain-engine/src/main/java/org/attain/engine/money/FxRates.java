package org.attain.engine.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Effective-dated FX rates: the rate for a date is the latest one effective on or before it.
 * An inverse rate is used when only the opposite direction is quoted.
 */
public final class FxRates {

    private final Map<String, List<FxRate>> byPair;

    private FxRates(Map<String, List<FxRate>> byPair) {
        this.byPair = byPair;
    }

    public static FxRates of(List<FxRate> rates) {
        Map<String, List<FxRate>> byPair = new HashMap<>();
        for (FxRate rate : rates) {
            byPair.computeIfAbsent(key(rate.from(), rate.to()), k -> new ArrayList<>()).add(rate);
        }
        byPair.replaceAll((k, list) -> {
            List<FxRate> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(FxRate::effective));
            return List.copyOf(sorted);
        });
        return new FxRates(Map.copyOf(byPair));
    }

    public static FxRates none() {
        return new FxRates(Map.of());
    }

    /** The factor that turns an amount in {@code from} into {@code to} on {@code date}, if a rate is known. */
    public Optional<BigDecimal> factor(CurrencyUnit from, CurrencyUnit to, LocalDate date) {
        if (from.code().equals(to.code())) {
            return Optional.of(BigDecimal.ONE);
        }
        Optional<FxRate> direct = latestOnOrBefore(byPair.get(key(from, to)), date);
        if (direct.isPresent()) {
            return Optional.of(direct.get().rate());
        }
        // DECIMAL128 keeps 34 significant digits: far below a cent after multiplying any real amount.
        return latestOnOrBefore(byPair.get(key(to, from)), date)
                .map(r -> BigDecimal.ONE.divide(r.rate(), MathContext.DECIMAL128));
    }

    public Optional<Money> convert(Money money, CurrencyUnit to, LocalDate date) {
        return factor(money.currency(), to, date).map(f -> new Money(money.amount().multiply(f), to));
    }

    private static Optional<FxRate> latestOnOrBefore(List<FxRate> rates, LocalDate date) {
        if (rates == null) {
            return Optional.empty();
        }
        FxRate found = null;
        for (FxRate rate : rates) {
            if (rate.effective().isAfter(date)) {
                break;
            }
            found = rate;
        }
        return Optional.ofNullable(found);
    }

    private static String key(CurrencyUnit from, CurrencyUnit to) {
        return from.code() + "->" + to.code();
    }
}
