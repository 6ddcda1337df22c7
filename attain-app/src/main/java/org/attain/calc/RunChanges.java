package org.attain.calc;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What a run changed against the version before it, payee-period by payee-period. */
@Service
public class RunChanges {

    private final JdbcClient jdbc;

    RunChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Change(
            long personId,
            String name,
            String periodId,
            String currency,
            BigDecimal payoutBefore,
            BigDecimal payoutAfter) {
        public BigDecimal difference() {
            return payoutAfter.subtract(payoutBefore == null ? BigDecimal.ZERO : payoutBefore);
        }
    }

    public List<Change> of(long runId, int limit) {
        return jdbc.sql("""
                select n.person_id, p.first_name || ' ' || p.last_name as name, n.period_id, n.currency,
                       o.payout as payout_before, n.payout as payout_after
                from payee_period_result n
                join org_person_v p on p.id = n.person_id
                left join lateral (
                    select payout, fingerprint from payee_period_result o
                    where o.person_id = n.person_id and o.period_id = n.period_id and o.id < n.id
                    order by o.id desc limit 1) o on true
                where n.run_id = :run and (o.fingerprint is null or o.fingerprint <> n.fingerprint)
                order by abs(n.payout - coalesce(o.payout, 0)) desc, n.period_id, name
                limit :limit""")
                .param("run", runId)
                .param("limit", limit)
                .query(Change.class)
                .list();
    }
}
