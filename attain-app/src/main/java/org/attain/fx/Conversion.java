package org.attain.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One page's (or one API answer's) conversion into the reporting currency: each amount at its period's rate (the
 * rate in force on the period's last day), rounded half-even to the reporting currency's minor unit, and a record of
 * which currency lacked a rate for which period, so a page names the gap instead of showing a wrong total.
 */
public final class Conversion {

    /** A currency no rate converts into the reporting currency on the last day of a period. */
    public record MissingRate(String currency, String period, LocalDate rateDay) implements Comparable<MissingRate> {
        @Override
        public int compareTo(MissingRate o) {
            int c = period.compareTo(o.period);
            return c != 0 ? c : currency.compareTo(o.currency);
        }
    }

    private final ReportingCurrency.Converter converter;
    private final TreeSet<MissingRate> missing = new TreeSet<>();

    public Conversion(ReportingCurrency.Converter converter) {
        this.converter = converter;
    }

    public String currency() {
        return converter.currency();
    }

    public int minorUnit() {
        return converter.minorUnit();
    }

    /**
     * The amount in the reporting currency at the rate of {@code rateDay} (the last day of {@code period}); null for
     * a null amount, and null when no rate says (remembered as missing for that currency and period).
     */
    public BigDecimal convert(BigDecimal amount, String from, String period, LocalDate rateDay) {
        if (amount == null || from == null) {
            return null;
        }
        Optional<BigDecimal> v = converter.convert(amount, from, rateDay);
        if (v.isEmpty()) {
            missing.add(new MissingRate(from, period, rateDay));
            return null;
        }
        return v.get();
    }

    /** Zero in the reporting currency at its minor unit (a total's start). */
    public BigDecimal zero() {
        return BigDecimal.ZERO.setScale(converter.minorUnit());
    }

    /** The currencies and periods without a rate so far, by period then currency. */
    public List<MissingRate> missing() {
        return List.copyOf(missing);
    }

    /** Missing rates as text for a page: "CHF 2026-Q1, SEK 2026-Q2". */
    public static String describe(List<MissingRate> missing) {
        return String.join(
                ", ", missing.stream().map(m -> m.currency() + " " + m.period()).toList());
    }
}
