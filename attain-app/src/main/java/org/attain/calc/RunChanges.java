package org.attain.calc;

import java.math.BigDecimal;
import java.util.List;
import org.attain.platform.PageRequest;
import org.attain.platform.Paged;
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
        return page(runId, limit, 0);
    }

    /** One page of the changes, biggest difference first, with how many there are in all. */
    public Paged<Change> of(long runId, PageRequest request) {
        long total = jdbc.sql("""
                select count(*) from payee_period_result n
                left join lateral (
                    select fingerprint from payee_period_result o
                    where o.person_id = n.person_id and o.period_id = n.period_id and o.id < n.id
                    order by o.id desc limit 1) o on true
                where n.run_id = :run and (o.fingerprint is null or o.fingerprint <> n.fingerprint)""").param("run", runId).query(Long.class).single();
        return Paged.of(page(runId, request.limit(), request.offset()), request, total);
    }

    private List<Change> page(long runId, int limit, long offset) {
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
                limit :limit offset :offset""")
                .param("run", runId)
                .param("limit", limit)
                .param("offset", offset)
                .query(Change.class)
                .list();
    }
}
