package org.attain.quota;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AuditLog;
import org.attain.org.Teams;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team (pod) quotas per team, period and measure. Plan components on {@code attainment: pod} pay each
 * member on the team's combined credits over this quota. Versioned and audited like payee quotas.
 */
@Service
public class TeamQuotas {

    // A pod quota is a few payees' quotas added up; beyond this a typo is the likelier story.
    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("10000000000");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Teams teams;
    private final org.attain.calendar.Periods periods;

    TeamQuotas(JdbcClient jdbc, AuditLog audit, Teams teams, org.attain.calendar.Periods periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.audit = audit;
        this.teams = teams;
    }

    public record Row(
            long teamId,
            String code,
            String name,
            String region,
            String currency,
            String periodId,
            BigDecimal amount,
            Integer version) {}

    public record Change(long teamId, String periodId, BigDecimal amount) {}

    /** What a bulk set did: how many quotas changed and the people in those teams during those periods. */
    public record Outcome(int changed, Set<Long> members) {}

    /** Every team and its quota for the period (amount null when none is set). */
    public List<Row> forPeriod(String periodId) {
        return jdbc.sql("""
                select t.id as team_id, t.code, t.name, r.name as region, coalesce(r.currency, 'USD') as currency,
                       :period as period_id, q.amount, q.version
                from org_team_v t
                left join sales_region_v r on r.id = t.region_id
                left join team_quota q on q.team_id = t.id and q.period_id = :period and q.measure = 'bookings'
                order by r.name nulls last, t.name""").param("period", periodId).query(Row.class).list();
    }

    /** All team quotas, for the calculation's snapshot. */
    List<Stored> all() {
        return jdbc.sql("select team_id, period_id, measure, amount, currency from team_quota")
                .query(Stored.class)
                .list();
    }

    record Stored(long teamId, String periodId, String measure, BigDecimal amount, String currency) {}

    /**
     * Sets many team quotas in one transaction: all or none. Each problem names the row (1-based, in the
     * order given) and the field, as for payee quotas.
     */
    @Transactional
    public Outcome set(List<Change> changes, String actor) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            String row = "teams[" + (i + 1) + "].";
            if (c.amount() == null) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.missing", "is required"));
            } else if (c.amount().signum() < 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.negative", "must not be negative"));
            } else if (c.amount().compareTo(IMPLAUSIBLE) >= 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.implausible", "is implausibly large"));
            }
            boolean periodOpen = c.periodId() != null
                    && periods.find(c.periodId())
                            .filter(p -> p.kind() == org.attain.calendar.PeriodKind.QUARTER
                                    && p.status() == org.attain.calendar.PeriodStatus.OPEN)
                            .isPresent();
            if (!periodOpen) {
                problems.add(new FieldProblem(row + "periodId", "quota.period.notOpen", "is not an open quarter"));
            }
            boolean team = jdbc.sql("select exists(select 1 from org_team_v where id = :t)")
                    .param("t", c.teamId())
                    .query(Boolean.class)
                    .single();
            if (!team) {
                problems.add(new FieldProblem(row + "teamId", "quota.team.unknown", "names no known team"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int changed = 0;
        Set<Long> members = new TreeSet<>();
        List<Teams.Membership> memberships = changes.isEmpty() ? List.of() : teams.memberships();
        for (Change c : changes) {
            BigDecimal before = jdbc.sql(
                            "select amount from team_quota where team_id = :t and period_id = :p and measure = 'bookings'")
                    .param("t", c.teamId())
                    .param("p", c.periodId())
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null);
            if (before != null && before.compareTo(c.amount()) == 0) {
                continue;
            }
            jdbc.sql("""
                    insert into team_quota(team_id, period_id, measure, amount, currency)
                    values (:t, :p, 'bookings', :a,
                            coalesce((select r.currency from org_team_v t join sales_region_v r on r.id = t.region_id where t.id = :t), 'USD'))
                    on conflict (team_id, period_id, measure)
                    do update set amount = excluded.amount, version = team_quota.version + 1, updated_at = now()""")
                    .param("t", c.teamId())
                    .param("p", c.periodId())
                    .param("a", c.amount())
                    .update();
            audit.record(
                    actor,
                    "TEAM_QUOTA_SET",
                    "team_quota",
                    c.teamId() + "/" + c.periodId(),
                    before == null ? null : Map.of("amount", before.toPlainString()),
                    Map.of("amount", c.amount().toPlainString()));
            members.addAll(membersDuring(memberships, c.teamId(), c.periodId()));
            changed++;
        }
        return new Outcome(changed, members);
    }

    private List<Long> membersDuring(List<Teams.Membership> memberships, long teamId, String periodId) {
        var period = periods.find(periodId).orElseThrow();
        LocalDate[] range = {period.startsOn(), period.endsOn()};
        List<Long> result = new ArrayList<>();
        for (Teams.Membership m : memberships) {
            if (m.teamId() == teamId
                    && !m.validFrom().isAfter(range[1])
                    && (m.validUntil() == null || m.validUntil().isAfter(range[0]))) {
                result.add(m.personId());
            }
        }
        return result;
    }
}
