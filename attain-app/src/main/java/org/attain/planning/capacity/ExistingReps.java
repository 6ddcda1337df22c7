package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.calendar.Periods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reps already employed, as capacity counts them: from org's view {@code org_person_v} (role, currency,
 * hire and end dates) and their quarterly quotas from quota's view {@code quota_person_v}. A quarter's quota
 * is carried as three monthly quotas (two thirds rounded to cents, the last month the rest, so they add up to
 * the quarter's); a quarter with none stored carries the last quarter's before it forward (quotas for next
 * year are usually set late); a rep with no quota at all carries nothing and is counted as such.
 */
@Component
class ExistingReps {

    private static final BigDecimal THREE = new BigDecimal("3");

    private final JdbcClient jdbc;

    ExistingReps(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One rep with their stored quarterly quotas by the quarter's first day. */
    record Rep(
            long id,
            String name,
            LocalDate employmentStart,
            LocalDate employmentEnd,
            TreeMap<LocalDate, BigDecimal> quotas) {

        /** The rep's full monthly quota in {@code month}, from the quarter containing it. */
        BigDecimal monthly(YearMonth month, List<Periods.PeriodRow> quarters) {
            LocalDate day = month.atDay(1);
            Periods.PeriodRow quarter = quarters.stream()
                    .filter(q -> !q.startsOn().isAfter(day) && !q.endsOn().isBefore(day))
                    .findFirst()
                    .orElse(null);
            if (quarter == null) {
                return BigDecimal.ZERO;
            }
            Map.Entry<LocalDate, BigDecimal> stored = quotas.floorEntry(quarter.startsOn());
            if (stored == null) {
                return BigDecimal.ZERO;
            }
            BigDecimal third = stored.getValue().divide(THREE, 2, RoundingMode.HALF_EVEN);
            long index = ChronoUnit.MONTHS.between(YearMonth.from(quarter.startsOn()), month);
            return index < 2 ? third : stored.getValue().subtract(third).subtract(third);
        }
    }

    /** Reps in {@code currency} employed at some time between {@code from} and {@code to}. */
    List<Rep> employedBetween(String currency, LocalDate from, LocalDate to) {
        List<Rep> reps = new ArrayList<>();
        Map<Long, Rep> byId = new HashMap<>();
        jdbc.sql("""
                select id, first_name || ' ' || last_name as name, employment_start, employment_end from org_person_v
                where role_type = 'REP' and currency = :c and employment_start <= :to and (employment_end is null or employment_end >= :from)
                order by last_name, first_name, id""")
                .param("c", currency)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> {
                    Rep rep = new Rep(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class),
                            new TreeMap<>());
                    reps.add(rep);
                    byId.put(rep.id(), rep);
                    return rep;
                })
                .list();
        if (reps.isEmpty()) {
            return reps;
        }
        jdbc.sql("""
                select q.person_id, c.starts_on, q.amount from quota_person_v q join calendar_period_v c on c.id = q.period_id
                where q.measure = 'bookings' and c.kind = 'QUARTER' and c.starts_on <= :to and q.person_id = any(:ids)""")
                .param("to", to)
                .param("ids", reps.stream().map(Rep::id).toArray(Long[]::new))
                .query((rs, n) ->
                        byId.get(rs.getLong(1)).quotas().put(rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
                .list();
        return reps;
    }
}
