package org.attain.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodStatus;
import org.attain.calendar.Periods;
import org.attain.org.PersonScope;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Target incentives (the variable part of on-target earnings) and base salaries per payee and period (a month,
 * quarter or fiscal year), edited like quotas: all or none, versioned, audited with before and after; the
 * people concerned are recalculated afterwards ({@link TargetIncentivesChanged}).
 */
@Service
public class TargetIncentives {

    // As for quotas: beyond this a typo (an extra zero or three) is the likelier story.
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Periods periods;
    private final ApplicationEventPublisher events;

    TargetIncentives(JdbcClient jdbc, AuditLog audit, Periods periods, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.periods = periods;
        this.events = events;
    }

    /** A rep with their target incentive and base for the period (null when none is set for exactly that period). */
    public record Row(
            long personId,
            String externalId,
            String name,
            String team,
            String currency,
            String periodId,
            BigDecimal target,
            BigDecimal base) {

        /** On-target earnings: base + target incentive (null without a target incentive). */
        public BigDecimal ote() {
            return target == null ? null : target.add(base == null ? BigDecimal.ZERO : base);
        }
    }

    /** A target incentive to set; {@code base} null clears the base salary. */
    public record Change(long personId, String periodId, BigDecimal target, BigDecimal base) {}

    /** Reps employed during the period and their target incentive set for it, within what the caller may see. */
    public List<Row> forPeriod(String periodId, Long teamId, PersonScope scope) {
        var period = periods.find(periodId);
        if (period.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select p.id as person_id, p.external_id, p.first_name || ' ' || p.last_name as name, p.team_name as team,
                       coalesce(t.currency, p.currency) as currency, :period as period_id, t.target, t.base
                from org_person_v p
                left join target_incentive t on t.person_id = p.id and t.period_id = :period
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
     * Sets many target incentives in one transaction: all or none. Each problem names the row (1-based, in the
     * order given) and the field. Returns how many rows changed; those people are recalculated afterwards.
     */
    @Transactional
    public int set(List<Change> changes, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String row = "rows[" + (i + 1) + "].";
            if (c.target() == null) {
                problems.add(new FieldProblem(row + "target", "ote.target.missing", "is required"));
            }
            for (Map.Entry<String, BigDecimal> e : amounts(c).entrySet()) {
                if (e.getValue() != null && e.getValue().signum() < 0) {
                    problems.add(new FieldProblem(row + e.getKey(), "ote.amount.negative", "must not be negative"));
                } else if (e.getValue() != null && e.getValue().compareTo(IMPLAUSIBLE) >= 0) {
                    problems.add(new FieldProblem(row + e.getKey(), "ote.amount.implausible", "is implausibly large"));
                }
            }
            boolean open = c.periodId() != null
                    && periods.find(c.periodId())
                            .filter(p -> p.status() == PeriodStatus.OPEN)
                            .isPresent();
            if (!open) {
                problems.add(new FieldProblem(row + "periodId", "ote.period.notOpen", "is not an open period"));
            }
            boolean known = jdbc.sql("select exists(select 1 from org_person_v where id = :p)")
                    .param("p", c.personId())
                    .query(Boolean.class)
                    .single();
            if (!known) {
                problems.add(new FieldProblem(row + "personId", "ote.person.unknown", "names no known person"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<Long> changed = new TreeSet<>();
        for (Change c : changes) {
            var before = jdbc.sql(
                            "select target, base from target_incentive where person_id = :p and period_id = :period")
                    .param("p", c.personId())
                    .param("period", c.periodId())
                    .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)})
                    .optional()
                    .orElse(null);
            if (before != null && same(before[0], c.target()) && same(before[1], c.base())) {
                continue;
            }
            jdbc.sql("""
                    insert into target_incentive(person_id, period_id, target, base, currency)
                    values (:p, :period, :target, :base, (select currency from org_person_v where id = :p))
                    on conflict (person_id, period_id)
                    do update set target = excluded.target, base = excluded.base,
                        version = target_incentive.version + 1, updated_at = now()""")
                    .param("p", c.personId())
                    .param("period", c.periodId())
                    .param("target", c.target())
                    .param("base", c.base())
                    .update();
            audit.record(
                    actor,
                    "TARGET_INCENTIVE_SET",
                    "target_incentive",
                    c.personId() + "/" + c.periodId(),
                    before == null ? null : values(before[0], before[1]),
                    values(c.target(), c.base()));
            changed.add(c.personId());
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new TargetIncentivesChanged(changed, "target incentives changed", actor, true));
        }
        return changed.size();
    }

    private static Map<String, BigDecimal> amounts(Change c) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("target", c.target());
        m.put("base", c.base());
        return m;
    }

    private static Map<String, String> values(BigDecimal target, BigDecimal base) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", target.toPlainString());
        if (base != null) {
            m.put("base", base.toPlainString());
        }
        return m;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
