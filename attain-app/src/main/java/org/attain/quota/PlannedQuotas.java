package org.attain.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AuditLog;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.PeriodStatus;
import org.attain.calendar.Periods;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotas written by a plan (planning's quota plans on publishing): per payee, open quarter and measure, in the
 * amount and currency the plan gives, in the caller's transaction, all or none. Each is versioned and audited
 * like a hand edit, and {@link QuotasChanged} asks for the payees' recalculation once the caller commits.
 */
@Service
public class PlannedQuotas {

    private static final BigDecimal IMPLAUSIBLE = new BigDecimal("1000000000");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Periods periods;
    private final ApplicationEventPublisher events;

    PlannedQuotas(JdbcClient jdbc, AuditLog audit, Periods periods, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.periods = periods;
        this.events = events;
    }

    /** One payee's quota for one quarter. */
    public record Planned(long personId, String periodId, BigDecimal amount, String currency) {}

    /**
     * Writes every quota or none: problems name {@code quotas[n].field} (1-based, in the order given). Returns
     * how many quotas changed.
     *
     * @param source what wrote them, for the audit log and the run list ("quota plan 7")
     */
    @Transactional
    public int write(String measure, List<Planned> quotas, String actor, String source) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Boolean> openQuarters = new LinkedHashMap<>();
        for (int i = 0; i < quotas.size(); i++) {
            Planned q = quotas.get(i);
            String row = "quotas[" + (i + 1) + "].";
            if (q.amount() == null || q.amount().signum() < 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.negative", "must not be negative"));
            } else if (q.amount().compareTo(IMPLAUSIBLE) >= 0) {
                problems.add(new FieldProblem(row + "amount", "quota.amount.implausible", "is implausibly large"));
            }
            if (!openQuarters.computeIfAbsent(String.valueOf(q.periodId()), this::openQuarter)) {
                problems.add(new FieldProblem(row + "periodId", "quota.period.notOpen", "is not an open quarter"));
            }
            if (q.currency() == null || !q.currency().matches("[A-Z]{3}")) {
                problems.add(new FieldProblem(row + "currency", "quota.currency.invalid", "is not a currency code"));
            }
        }
        Long[] ids = quotas.stream().map(Planned::personId).distinct().toArray(Long[]::new);
        Set<Long> known = new TreeSet<>(jdbc.sql("select id from org_person_v where id = any(:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list());
        for (int i = 0; i < quotas.size(); i++) {
            if (!known.contains(quotas.get(i).personId())) {
                problems.add(new FieldProblem(
                        "quotas[" + (i + 1) + "].personId", "quota.person.unknown", "names no known person"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int changed = 0;
        Set<Long> people = new TreeSet<>();
        for (Planned q : quotas) {
            Map<String, Object> before = jdbc.sql("""
                    select amount, currency from quota where person_id = :p and period_id = :period and measure = :m""")
                    .param("p", q.personId())
                    .param("period", q.periodId())
                    .param("m", measure)
                    .query((rs, n) -> Map.<String, Object>of(
                            "amount", rs.getBigDecimal(1).toPlainString(), "currency", rs.getString(2)))
                    .optional()
                    .orElse(null);
            if (before != null
                    && new BigDecimal((String) before.get("amount")).compareTo(q.amount()) == 0
                    && q.currency().equals(before.get("currency"))) {
                continue;
            }
            jdbc.sql("""
                    insert into quota(person_id, period_id, measure, amount, currency) values (:p, :period, :m, :a, :c)
                    on conflict (person_id, period_id, measure)
                    do update set amount = excluded.amount, currency = excluded.currency, version = quota.version + 1,
                                  updated_at = now()""")
                    .param("p", q.personId())
                    .param("period", q.periodId())
                    .param("m", measure)
                    .param("a", q.amount())
                    .param("c", q.currency())
                    .update();
            audit.record(
                    actor,
                    "QUOTA_SET",
                    "quota",
                    q.personId() + "/" + q.periodId(),
                    before,
                    Map.of(
                            "amount",
                            q.amount().toPlainString(),
                            "currency",
                            q.currency(),
                            "measure",
                            measure,
                            "source",
                            source));
            people.add(q.personId());
            changed++;
        }
        if (!people.isEmpty()) {
            events.publishEvent(new QuotasChanged(people, source, actor, true));
        }
        return changed;
    }

    private boolean openQuarter(String periodId) {
        return periods.find(periodId)
                .filter(p -> p.kind() == PeriodKind.QUARTER && p.status() == PeriodStatus.OPEN)
                .isPresent();
    }
}
