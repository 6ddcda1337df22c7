package org.attain.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.access.AuditLog;
import org.attain.org.PersonScope;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas per payee, period and measure. Every change is versioned and audited with before and
 * after; the calculation picks the new amount up on the next run for the people concerned.
 */
@Service
public class Quotas {

    // No sales quota reaches this; beyond it a typo (an extra zero or three) is the likelier story.
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final org.attain.calendar.Periods periods;

    Quotas(JdbcClient jdbc, AuditLog audit, org.attain.calendar.Periods periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Row(
            long personId,
            String externalId,
            String email,
            String name,
            String title,
            String team,
            String currency,
            String periodId,
            BigDecimal amount,
            Integer version) {}

    public record Change(long personId, String periodId, BigDecimal amount) {}

    /** A stored quota as the quotas import reads it back: person by employee id, measure, amount, currency, prorate. */
    public record Stored(
            String employeeId, String periodId, String measure, BigDecimal amount, String currency, boolean prorate) {}

    /** Every quota of a period (all measures, everyone), by employee id and measure: what an export writes. */
    public List<Stored> stored(String periodId) {
        return jdbc.sql("""
                select p.external_id, q.period_id, q.measure, q.amount, q.currency, q.prorate
                from quota q join org_person_v p on p.id = q.person_id
                where q.period_id = :period order by p.external_id, q.measure""")
                .param("period", periodId)
                .query((rs, i) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_EVEN),
                        rs.getString(5),
                        rs.getBoolean(6)))
                .list();
    }

    /** Reps and their quota for the period (amount null when none is set), within what the caller may see. */
    public List<Row> forPeriod(String periodId, Long teamId, PersonScope scope) {
        var period = periods.find(periodId);
        if (period.isEmpty()) {
            return List.of();
        }
        // People through org's published view; the period's dates through the calendar.
        return jdbc.sql("""
                select p.id as person_id, p.external_id, p.email, p.first_name || ' ' || p.last_name as name, p.title,
                       p.team_name as team, p.currency, :period as period_id, q.amount, q.version
                from org_person_v p
                left join quota q on q.person_id = p.id and q.period_id = :period and q.measure = 'bookings'
                where p.role_type = 'REP' and p.employment_start <= :ends
                  and (p.employment_end is null or p.employment_end >= :starts)
                  and (cast(:team as bigint) is null or p.team_id = cast(:team as bigint))
                  and (cast(:ids as bigint[]) is null or p.id = any(cast(:ids as bigint[])))
                order by p.team_name nulls last, p.last_name, p.first_name""")
                .param("period", periodId)
                .param("starts", period.get().startsOn())
                .param("ends", period.get().endsOn())
                .param("team", teamId)
                .param("ids", scope.idsOrNull())
                .query(Row.class)
                .list();
    }

    /**
     * Sets many quotas in one transaction: all or none. Each problem names the row (1-based, in the
     * order given) and the field, so a bulk edit can be corrected in place.
     */
    @Transactional
    public int set(List<Change> changes, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String row = "rows[" + (i + 1) + "].";
            if (c.amount() == null) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.missing", "is required"));
            } else if (c.amount().signum() < 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.negative", "must not be negative"));
            } else if (c.amount().compareTo(IMPLAUSIBLE) >= 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.implausible", "is implausibly large"));
            }
            boolean periodOpen = openQuarter(c.periodId());
            if (!periodOpen) {
                problems.add(new FieldProblem(row + "periodId", "quota.period.notOpen", "is not an open quarter"));
            }
            boolean rep = jdbc.sql("select exists(select 1 from org_person_v where id = :p)")
                    .param("p", c.personId())
                    .query(Boolean.class)
                    .single();
            if (!rep) {
                problems.add(new FieldProblem(row + "personId", "quota.person.unknown", "names no known person"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int changed = 0;
        for (Change c : changes) {
            BigDecimal before = jdbc.sql(
                            "select amount from quota where person_id = :p and period_id = :period and measure = 'bookings'")
                    .param("p", c.personId())
                    .param("period", c.periodId())
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null);
            if (before != null && before.compareTo(c.amount()) == 0) {
                continue;
            }
            jdbc.sql("""
                    insert into quota(person_id, period_id, measure, amount, currency)
                    values (:p, :period, 'bookings', :a, (select currency from org_person_v where id = :p))
                    on conflict (person_id, period_id, measure)
                    do update set amount = excluded.amount, version = quota.version + 1, updated_at = now()""")
                    .param("p", c.personId())
                    .param("period", c.periodId())
                    .param("a", c.amount())
                    .update();
            audit.record(
                    actor,
                    "QUOTA_SET",
                    "quota",
                    c.personId() + "/" + c.periodId(),
                    before == null ? null : Map.of("amount", before.toPlainString()),
                    Map.of("amount", c.amount().toPlainString()));
            changed++;
        }
        return changed;
    }

    private boolean openQuarter(String periodId) {
        return periodId != null
                && periods.find(periodId)
                        .filter(p -> p.kind() == org.attain.calendar.PeriodKind.QUARTER
                                && p.status() == org.attain.calendar.PeriodStatus.OPEN)
                        .isPresent();
    }
}
