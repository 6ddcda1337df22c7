package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.Proration;
import org.attain.engine.model.Quota;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.FiscalCalendar;
import org.attain.engine.time.PeriodId;

/**
 * Finds a payee's quota for a period and measure: the quota set for exactly that period, or else the sum
 * of quotas set for the months/quarters inside it; each prorated by days on plan when asked.
 */
public final class QuotaBook {

    private final Map<PersonId, List<Quota>> byPerson;
    private final FiscalCalendar calendar;

    public QuotaBook(List<Quota> quotas, FiscalCalendar calendar) {
        Map<PersonId, List<Quota>> map = new HashMap<>();
        for (Quota q : quotas) {
            map.computeIfAbsent(q.person(), k -> new ArrayList<>()).add(q);
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        this.byPerson = Map.copyOf(map);
        this.calendar = calendar;
    }

    /** A quota result and how it was found, for the trace. */
    public record Found(Money amount, String explanation) implements java.io.Serializable {}

    /**
     * {@code onPlan} is the part of the period the payee was employed and on this plan. A prorated quota
     * is rounded to the currency's minor unit because it is shown as an amount and attainment must be
     * reproducible from the figures on the statement.
     */
    public Optional<Found> quota(
            PersonId person, String measure, boolean quotaMeasure, PeriodId period, DateRange onPlan) {
        List<Quota> candidates = byPerson.getOrDefault(person, List.of());
        for (Quota q : candidates) {
            if (q.period().equals(period) && matches(q, measure, quotaMeasure)) {
                return Optional.of(prorated(q, onPlan));
            }
        }
        DateRange range = calendar.range(period);
        Money sum = null;
        StringBuilder how = new StringBuilder();
        for (Quota q : candidates) {
            if (q.period().kind().compareTo(period.kind()) < 0 && matches(q, measure, quotaMeasure)) {
                DateRange inner = calendar.range(q.period());
                if (!range.contains(inner.first()) || !range.contains(inner.last())) {
                    continue;
                }
                Found part = prorated(q, onPlan);
                sum = sum == null ? part.amount() : sum.plus(part.amount());
                how.append(how.length() == 0 ? "" : " + ")
                        .append(q.period())
                        .append(' ')
                        .append(part.amount().toPlainString());
            }
        }
        return sum == null ? Optional.empty() : Optional.of(new Found(sum, "sum of " + how));
    }

    private static boolean matches(Quota q, String measure, boolean quotaMeasure) {
        return q.measure() == null ? quotaMeasure : q.measure().equals(measure);
    }

    private Found prorated(Quota q, DateRange onPlan) {
        if (q.proration() == Proration.NONE) {
            return new Found(q.amount(), q.period() + " quota " + q.amount().toPlainString());
        }
        DateRange period = calendar.range(q.period());
        long days = onPlan == null
                ? 0
                : onPlan.intersect(period).map(DateRange::days).orElse(0L);
        BigDecimal factor = BigDecimal.valueOf(days).divide(BigDecimal.valueOf(period.days()), MathContext.DECIMAL128);
        Money amount = q.amount().times(factor).rounded();
        return new Found(
                amount,
                q.period() + " quota " + q.amount().toPlainString() + " x " + days + "/" + period.days()
                        + " days on plan = " + amount.toPlainString());
    }
}
