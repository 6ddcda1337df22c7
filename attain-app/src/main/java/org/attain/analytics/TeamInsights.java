package org.attain.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.activity.ActivityReads;
import org.attain.sales.SalesFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A manager's team as numbers: per rep this period's attainment, commission, bookings, pipeline and
 * activity, and each rep's attainment trend against the team median (who is flagged is {@link PerformerClassifier}'s).
 */
@Service
public class TeamInsights {

    private final JdbcClient jdbc;
    private final SalesFigures sales;
    private final ActivityReads activity;

    TeamInsights(JdbcClient jdbc, SalesFigures sales, ActivityReads activity) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.activity = activity;
    }

    public record Member(
            long personId,
            String name,
            String title,
            String managerName,
            String currency,
            BigDecimal attainment,
            BigDecimal earnings,
            BigDecimal bookings,
            long deals,
            BigDecimal pipeline,
            long activities) {}

    public record Trend(List<String> periods, BigDecimal[] median, Map<String, BigDecimal[]> byRep) {}

    /**
     * The reps (REP role) among the given people, with their figures for the period: people, managers and
     * results from org's and calc's views in one statement, bookings and activity from their owners in one
     * statement each.
     */
    public List<Member> members(Set<Long> people, String periodId, LocalDate from, LocalDate to) {
        record Rep(
                long personId,
                String name,
                String title,
                String managerName,
                String currency,
                BigDecimal attainment,
                BigDecimal earnings) {}
        List<Rep> reps = jdbc.sql("""
                select p.id as person_id, p.first_name || ' ' || p.last_name as name, p.title,
                       m.first_name || ' ' || m.last_name as manager_name, p.currency,
                       r.attainment, r.earnings
                from org_person_v p
                left join calc_current_result_v r on r.person_id = p.id and r.period_id = :period
                left join org_reporting_line_v rl on rl.person_id = p.id and rl.valid_from <= :to
                     and (rl.valid_until is null or rl.valid_until > :to)
                left join org_person_v m on m.id = rl.manager_id
                where p.id = any(:ids) and p.role_type = 'REP' and (p.employment_end is null or p.employment_end >= :from)
                order by r.attainment desc nulls last, p.last_name""")
                .param("ids", people.toArray(Long[]::new))
                .param("period", periodId)
                .param("from", from)
                .param("to", to)
                .query(Rep.class)
                .list();
        List<Long> ids = reps.stream().map(Rep::personId).toList();
        Map<Long, SalesFigures.OwnerFigures> figures = sales.byOwner(ids, from, to);
        Map<Long, Long> activities = activity.counts(ids, from, to);
        return reps.stream()
                .map(r -> {
                    SalesFigures.OwnerFigures f = figures.get(r.personId());
                    return new Member(
                            r.personId(),
                            r.name(),
                            r.title(),
                            r.managerName(),
                            r.currency(),
                            r.attainment(),
                            r.earnings(),
                            f == null ? BigDecimal.ZERO : f.bookings(),
                            f == null ? 0 : f.deals(),
                            f == null ? BigDecimal.ZERO : f.pipeline(),
                            activities.getOrDefault(r.personId(), 0L));
                })
                .toList();
    }

    /** Attainment per rep and quarter, with the team median per quarter. */
    public Trend trend(Set<Long> people, List<String> periods) {
        record Point(long personId, String name, String periodId, BigDecimal attainment) {}
        List<Point> points = jdbc.sql("""
                select r.person_id, p.first_name || ' ' || p.last_name as name, r.period_id, r.attainment
                from calc_current_result_v r join org_person_v p on p.id = r.person_id
                where r.person_id = any(:ids) and r.period_id = any(:periods)
                  and p.role_type = 'REP' and r.attainment is not null""")
                .param("ids", people.toArray(Long[]::new))
                .param("periods", periods.toArray(String[]::new))
                .query(Point.class)
                .list();
        Map<String, BigDecimal[]> byRep = new LinkedHashMap<>();
        for (Point p : points) {
            byRep.computeIfAbsent(p.name(), k -> new BigDecimal[periods.size()])[periods.indexOf(p.periodId())] =
                    p.attainment().setScale(4, RoundingMode.DOWN);
        }
        BigDecimal[] median = new BigDecimal[periods.size()];
        for (int i = 0; i < periods.size(); i++) {
            List<BigDecimal> values = new ArrayList<>();
            for (BigDecimal[] series : byRep.values()) {
                if (series[i] != null) {
                    values.add(series[i]);
                }
            }
            median[i] = median(values);
        }
        return new Trend(periods, median, byRep);
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN);
    }
}
