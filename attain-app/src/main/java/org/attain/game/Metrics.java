package org.attain.game;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.attain.activity.ActivityKind;
import org.attain.activity.ActivityReads;
import org.attain.pay.Earnings;
import org.attain.sales.SalesFigures;
import org.springframework.stereotype.Service;

/**
 * Metric values per person from the owners' public reads, one statement per metric and set of people.
 * Everyone asked for gets a value (zero when they have none). Money is exact; bookings are summed as booked
 * (sales' read adds amounts in the deals' currencies; a multi-currency company needs an fx-converted read).
 */
@Service
public class Metrics {

    private final SalesFigures sales;
    private final ActivityReads activity;
    private final Earnings earnings;

    Metrics(SalesFigures sales, ActivityReads activity, Earnings earnings) {
        this.sales = sales;
        this.activity = activity;
        this.earnings = earnings;
    }

    /** Values of a metric over the days [from, to]; for attainment the period is required (and the days unused). */
    public Map<Long, BigDecimal> values(
            Metric metric, Collection<Long> people, LocalDate from, LocalDate to, String periodId) {
        Map<Long, BigDecimal> out = new HashMap<>();
        people.forEach(p -> out.put(p, BigDecimal.ZERO));
        if (people.isEmpty()) {
            return out;
        }
        switch (metric) {
            case BOOKINGS -> sales.byOwner(people, from, to).forEach((p, f) -> out.put(p, f.bookings()));
            case DEALS_WON ->
                sales.byOwner(people, from, to).forEach((p, f) -> out.put(p, BigDecimal.valueOf(f.deals())));
            case PIPELINE -> sales.byOwner(people, from, to).forEach((p, f) -> out.put(p, f.pipeline()));
            case CALLS ->
                activity.counts(people, ActivityKind.CALL, from, to)
                        .forEach((p, n) -> out.put(p, BigDecimal.valueOf(n)));
            case MEETINGS ->
                activity.counts(people, ActivityKind.MEETING, from, to)
                        .forEach((p, n) -> out.put(p, BigDecimal.valueOf(n)));
            case ATTAINMENT -> {
                if (periodId == null) {
                    throw new IllegalArgumentException("attainment needs a period");
                }
                earnings.summariesOf(people, periodId).forEach((p, s) -> {
                    if (s.attainment() != null) {
                        out.put(p, s.attainment().multiply(BigDecimal.valueOf(100)));
                    }
                });
            }
        }
        return out;
    }
}
