package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Additive sales and activity figures of a rep, a group or a month: won bookings and won deals per currency (as
 * booked, never converted), opportunities created, won and lost, the days the won ones took, and activities by
 * kind. Ratios are derived, never stored, so a group's figures are the plain sum of its reps'.
 */
public record Figures(
        Map<String, BigDecimal> bookings,
        Map<String, Long> deals,
        long opportunities,
        long won,
        long lost,
        long wonDays,
        long calls,
        long meetings,
        long emails,
        long webinars) {

    public static final Figures NONE = new Figures(Map.of(), Map.of(), 0, 0, 0, 0, 0, 0, 0, 0);

    public Figures {
        bookings = Collections.unmodifiableMap(new TreeMap<>(bookings));
        deals = Collections.unmodifiableMap(new TreeMap<>(deals));
    }

    public Figures plus(Figures o) {
        Map<String, BigDecimal> b = new TreeMap<>(bookings);
        o.bookings.forEach((c, a) -> b.merge(c, a, BigDecimal::add));
        Map<String, Long> d = new TreeMap<>(deals);
        o.deals.forEach((c, n) -> d.merge(c, n, Long::sum));
        return new Figures(
                b,
                d,
                opportunities + o.opportunities,
                won + o.won,
                lost + o.lost,
                wonDays + o.wonDays,
                calls + o.calls,
                meetings + o.meetings,
                emails + o.emails,
                webinars + o.webinars);
    }

    /** Nothing happened: no bookings, no opportunities, no activities. */
    public boolean isEmpty() {
        return bookings.isEmpty() && opportunities == 0 && won == 0 && lost == 0 && activities() == 0;
    }

    public long activities() {
        return calls + meetings + emails + webinars;
    }

    /** Won ÷ (won + lost) of the opportunities closed in the range, four places; null when none closed. */
    public BigDecimal winRate() {
        return ratio(won, won + lost);
    }

    /** Bookings ÷ won deals per currency, two places (HALF_EVEN). */
    public Map<String, BigDecimal> averageDealSize() {
        Map<String, BigDecimal> out = new TreeMap<>();
        bookings.forEach((c, a) -> {
            long n = deals.getOrDefault(c, 0L);
            if (n > 0) {
                out.put(c, a.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_EVEN));
            }
        });
        return out;
    }

    /** Mean days from an opportunity's creation to its close, over those won in the range, one place; null with none. */
    public BigDecimal salesCycleDays() {
        return won == 0 ? null : BigDecimal.valueOf(wonDays).divide(BigDecimal.valueOf(won), 1, RoundingMode.HALF_EVEN);
    }

    /** One step of the funnel: its count and its conversion from the step before (null for the first or after zero). */
    public record Step(String key, long count, BigDecimal conversion) {}

    /** Calls → meetings → opportunities created → opportunities won, each with its conversion from the step before. */
    public List<Step> funnel() {
        return List.of(
                new Step("calls", calls, null),
                new Step("meetings", meetings, ratio(meetings, calls)),
                new Step("opportunities", opportunities, ratio(opportunities, meetings)),
                new Step("wins", won, ratio(won, opportunities)));
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }
}
