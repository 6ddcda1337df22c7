package org.attain.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.activity.ActivityReads;
import org.attain.analytics.PerformerClassifier.Assessment;
import org.attain.analytics.PerformerClassifier.RepMetrics;
import org.attain.sales.SalesFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gathers every rep's live metrics (people and results from org's and calc's views, bookings and pipeline from
 * sales, meetings and calls from activity) and hands them to {@link PerformerClassifier}. Peers are always the
 * whole company's reps in the same role; what a caller may show is filtered by the caller (a manager's subtree,
 * a rep's own verdict).
 */
@Service
public class PerformanceReview {

    /** A rep counts as ramping in their first six months. */
    public static final int RAMP_MONTHS = 6;

    private final JdbcClient jdbc;
    private final SalesFigures sales;
    private final ActivityReads activity;

    PerformanceReview(JdbcClient jdbc, SalesFigures sales, ActivityReads activity) {
        this.jdbc = jdbc;
        this.sales = sales;
        this.activity = activity;
    }

    /**
     * The verdict for every rep employed in the period, keyed by person id.
     *
     * @param periodId     the period judged (its results)
     * @param lastPeriodId the period before it, or null
     */
    public Map<Long, Assessment> review(
            String periodId, String lastPeriodId, LocalDate from, LocalDate to, LocalDate today) {
        List<RepMetrics> reps = metrics(periodId, lastPeriodId, from, to);
        return PerformerClassifier.classify(reps, new PerformerClassifier.Period(from, to, today, RAMP_MONTHS));
    }

    List<RepMetrics> metrics(String periodId, String lastPeriodId, LocalDate from, LocalDate to) {
        record Row(
                long personId,
                String role,
                LocalDate employmentStart,
                String currency,
                BigDecimal attainment,
                BigDecimal quota,
                BigDecimal lastAttainment) {}
        List<Row> rows = jdbc.sql("""
                select p.id as person_id, coalesce(p.title, p.role_type) as role, p.employment_start, p.currency,
                       r.attainment, r.quota, l.attainment as last_attainment
                from org_person_v p
                left join calc_current_result_v r on r.person_id = p.id and r.period_id = :period
                left join calc_current_result_v l on l.person_id = p.id and l.period_id = :last
                where p.role_type = 'REP' and (p.employment_start is null or p.employment_start <= :to)
                  and (p.employment_end is null or p.employment_end >= :from)
                order by p.id""")
                .param("period", periodId)
                .param("last", lastPeriodId)
                .param("from", from)
                .param("to", to)
                .query(Row.class)
                .list();
        List<Long> ids = rows.stream().map(Row::personId).toList();
        Map<Long, SalesFigures.OwnerFigures> figures = sales.byOwner(ids, from, to);
        Map<Long, Map<String, Long>> kinds = activity.countsByKind(ids, from, to);
        return rows.stream()
                .map(r -> {
                    SalesFigures.OwnerFigures f = figures.get(r.personId());
                    Map<String, Long> k = kinds.getOrDefault(r.personId(), Map.of());
                    return new RepMetrics(
                            r.personId(),
                            r.role(),
                            r.employmentStart(),
                            r.currency(),
                            r.quota() == null ? null : r.attainment(),
                            r.lastAttainment(),
                            r.quota(),
                            f == null ? BigDecimal.ZERO : f.bookings(),
                            f == null ? BigDecimal.ZERO : f.pipeline(),
                            k.getOrDefault("MEETING", 0L),
                            k.getOrDefault("CALL", 0L));
                })
                .toList();
    }

    /** Only the verdicts about the given people. */
    public static Map<Long, Assessment> within(Map<Long, Assessment> all, Set<Long> people) {
        Map<Long, Assessment> out = new java.util.LinkedHashMap<>();
        all.forEach((id, a) -> {
            if (people.contains(id)) {
                out.put(id, a);
            }
        });
        return out;
    }
}
