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
 *
 * <p>Looked up once per transaction and plan currency in a run (millions of times), so each quoted
 * pair is kept as sorted arrays searched by bisection, and the inverse factors are computed once
 * here instead of a DECIMAL128 division per lookup; the numbers are the same either way.
 */
public final class FxRates {

    private static final Optional<BigDecimal> ONE = Optional.of(BigDecimal.ONE);

    private final Map<Pair, Series> direct;
    private final Map<Pair, Series> inverse;

    private FxRates(Map<Pair, Series> direct, Map<Pair, Series> inverse) {
        this.direct = direct;
        this.inverse = inverse;
    }

    public static FxRates of(List<FxRate> rates) {
        Map<Pair, List<FxRate>> byPair = new HashMap<>();
        for (FxRate rate : rates) {
            byPair.computeIfAbsent(new Pair(rate.from().code(), rate.to().code()), k -> new ArrayList<>())
                    .add(rate);
        }
        Map<Pair, Series> direct = new HashMap<>();
        Map<Pair, Series> inverse = new HashMap<>();
        byPair.forEach((pair, list) -> {
            List<FxRate> sorted = new ArrayList<>(list);
            sorted.sort(
                    Comparator.comparing(FxRate::effective)); // stable: of two rates on one day the later listed wins
            direct.put(pair, Series.of(sorted, false));
            inverse.put(new Pair(pair.to(), pair.from()), Series.of(sorted, true));
        });
        return new FxRates(Map.copyOf(direct), Map.copyOf(inverse));
    }

    public static FxRates none() {
        return new FxRates(Map.of(), Map.of());
    }

    /** The factor that turns an amount in {@code from} into {@code to} on {@code date}, if a rate is known. */
    public Optional<BigDecimal> factor(CurrencyUnit from, CurrencyUnit to, LocalDate date) {
        if (from.code().equals(to.code())) {
            return ONE;
        }
        Pair pair = new Pair(from.code(), to.code());
        BigDecimal found = factorOf(direct.get(pair), date);
        if (found == null) {
            found = factorOf(inverse.get(pair), date);
        }
        return Optional.ofNullable(found);
    }

    /**
     * The first day a factor from {@code from} to {@code to} is known (every later day has one too), or
     * null when none ever is. Lets a caller check millions of transactions with one date comparison.
     */
    public LocalDate knownFrom(CurrencyUnit from, CurrencyUnit to) {
        if (from.code().equals(to.code())) {
            return LocalDate.MIN;
        }
        Pair pair = new Pair(from.code(), to.code());
        LocalDate first = null;
        for (Series series : new Series[] {direct.get(pair), inverse.get(pair)}) {
            if (series != null && series.days().length > 0) {
                LocalDate day = LocalDate.ofEpochDay(series.days()[0]);
                first = first == null || day.isBefore(first) ? day : first;
            }
        }
        return first;
    }

    public Optional<Money> convert(Money money, CurrencyUnit to, LocalDate date) {
        return factor(money.currency(), to, date)
                .map(f -> new Money(money.amount().multiply(f), to));
    }

    private static BigDecimal factorOf(Series series, LocalDate date) {
        return series == null ? null : series.onOrBefore(date);
    }

    private record Pair(String from, String to) implements java.io.Serializable {}

    /** One direction of a quoted pair: effective days ascending and the factor in force from each. */
    private record Series(long[] days, BigDecimal[] factors) implements java.io.Serializable {

        static Series of(List<FxRate> sorted, boolean inverted) {
            long[] days = new long[sorted.size()];
            BigDecimal[] factors = new BigDecimal[sorted.size()];
            for (int i = 0; i < days.length; i++) {
                FxRate rate = sorted.get(i);
                days[i] = rate.effective().toEpochDay();
                // DECIMAL128 keeps 34 significant digits: far below a cent after multiplying any real amount.
                factors[i] = inverted ? BigDecimal.ONE.divide(rate.rate(), MathContext.DECIMAL128) : rate.rate();
            }
            return new Series(days, factors);
        }

        /** The factor of the last rate effective on or before the day, or null before the first. */
        BigDecimal onOrBefore(LocalDate date) {
            long day = date.toEpochDay();
            int lo = 0;
            int hi = days.length; // first index whose day is after the date
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (days[mid] <= day) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo == 0 ? null : factors[lo - 1];
        }
    }
}
