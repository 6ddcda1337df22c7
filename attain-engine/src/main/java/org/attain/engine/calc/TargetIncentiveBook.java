package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TargetIncentive;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;

/**
 * Finds a payee's target incentive for a period: the one set for exactly that period; else the sum of those
 * set for the months or quarters inside it (a year paid on quarterly targets); else the one set for the
 * quarter or year around it, spread evenly over its periods (an annual target paid quarterly is a quarter of
 * it each quarter). Nothing found is empty: the caller says so, it never pays a silent 0.
 */
public final class TargetIncentiveBook {

    /** A run without target incentives. */
    public static final TargetIncentiveBook NONE = new TargetIncentiveBook(List.of(), FiscalCalendar.calendarYear());

    private final Map<PersonId, List<TargetIncentive>> byPerson;
    private final FiscalCalendar calendar;

    public TargetIncentiveBook(List<TargetIncentive> targets, FiscalCalendar calendar) {
        Map<PersonId, List<TargetIncentive>> map = new HashMap<>();
        for (TargetIncentive t : targets) {
            map.computeIfAbsent(t.person(), k -> new ArrayList<>()).add(t);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.byPerson = Map.copyOf(map);
        this.calendar = calendar;
    }

    /** The target for the period and how it was found ("2026 target 80000.00 / 4"), for the trace. */
    public record Found(Money target, String explanation) implements java.io.Serializable {}

    public boolean isEmpty() {
        return byPerson.isEmpty();
    }

    public Optional<Found> find(PersonId person, PeriodId period) {
        List<TargetIncentive> candidates = byPerson.getOrDefault(person, List.of());
        for (TargetIncentive t : candidates) {
            if (t.period().equals(period)) {
                return Optional.of(
                        new Found(t.target(), period + " " + t.target().toPlainString()));
            }
        }
        DateRange range = calendar.range(period);
        Money sum = null;
        StringBuilder how = new StringBuilder();
        for (TargetIncentive t : candidates) {
            DateRange inner = calendar.range(t.period());
            if (t.period().kind().compareTo(period.kind()) < 0
                    && range.contains(inner.first())
                    && range.contains(inner.last())
                    && (sum == null || sum.currency().equals(t.target().currency()))) {
                sum = sum == null ? t.target() : sum.plus(t.target());
                how.append(how.length() == 0 ? "sum of " : " + ")
                        .append(t.period())
                        .append(' ')
                        .append(t.target().toPlainString());
            }
        }
        if (sum != null) {
            return Optional.of(new Found(sum, how.toString()));
        }
        for (TargetIncentive t : candidates) {
            if (t.period().kind().compareTo(period.kind()) > 0
                    && calendar.periodOf(range.first(), t.period().kind()).equals(t.period())) {
                int parts = calendar.toDate(
                                calendar.periodOf(calendar.range(t.period()).last(), period.kind()),
                                t.period().kind())
                        .size();
                Money share = new Money(
                        t.target().amount().divide(BigDecimal.valueOf(parts), MathContext.DECIMAL128),
                        t.target().currency());
                return Optional.of(
                        new Found(share, t.period() + " " + t.target().toPlainString() + " / " + parts));
            }
        }
        return Optional.empty();
    }
}
