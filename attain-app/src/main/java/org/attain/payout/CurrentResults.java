package org.attain.payout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payout's read-only view of current calculation results with their latest approval. {@code Earnings}
 * publishes statements but not which stored version they are, and an approval must name the exact
 * version; this is the one place payout reads calc's published view of current results
 * ({@code calc_current_result_v}, with org's {@code org_person_v} for names and teams).
 */
@Component
class CurrentResults {

    private final JdbcClient jdbc;

    CurrentResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Result(long id, long personId, String periodId, String currency, BigDecimal payout, String fingerprint) {}

    /** A current result, who it belongs to, and the latest approval of this payee-period if any. */
    record Row(
            long resultId,
            long personId,
            String externalId,
            String personName,
            String team,
            String periodId,
            String currency,
            BigDecimal payout,
            String fingerprint,
            Long approvalId,
            Long approvedResultId,
            String approvedFingerprint,
            BigDecimal approvedPayout,
            String approvedBy,
            Instant approvedAt,
            Instant exportedAt,
            Long teamId,
            String planKey) {

        ApprovalState state() {
            if (approvalId == null) {
                return ApprovalState.PENDING;
            }
            // Same version, or a rerun that produced the very same numbers: the approval still holds.
            boolean same = approvedResultId == resultId || fingerprint.equals(approvedFingerprint);
            return same ? ApprovalState.APPROVED : ApprovalState.CHANGED;
        }
    }

    Optional<Result> of(long personId, String period) {
        return jdbc.sql("""
                select id, person_id, period_id, currency, payout, fingerprint from calc_current_result_v
                where person_id = :p and period_id = :period""")
                .param("p", personId)
                .param("period", period)
                .query(Result.class)
                .optional();
    }

    /** Current results of the periods with their latest approvals, limited to the given people (null = everyone). */
    List<Row> withApprovals(Collection<String> periods, Collection<Long> people) {
        return jdbc.sql("""
                select r.id as result_id, r.person_id, p.external_id, p.first_name || ' ' || p.last_name as person_name,
                       p.team_name as team, r.period_id, r.currency, r.payout, r.fingerprint,
                       a.id as approval_id, a.result_id as approved_result_id, a.fingerprint as approved_fingerprint,
                       a.payout as approved_payout, a.approved_by, a.approved_at, a.exported_at, p.team_id,
                       (select min(l.plan_key) from calc_earnings_line_v l
                        where l.result_id = r.id and l.period_id = r.period_id) as plan_key
                from calc_current_result_v r
                join org_person_v p on p.id = r.person_id
                left join lateral (
                    select * from payout_approval pa where pa.person_id = r.person_id and pa.period_id = r.period_id
                    order by pa.approved_at desc, pa.id desc limit 1) a on true
                where r.period_id = any(:periods)
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                order by r.period_id, p.team_name nulls last, p.last_name, p.first_name, p.id""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", people == null ? null : people.toArray(Long[]::new))
                .query(CurrentResults::row)
                .list();
    }

    // Mapped by hand: the generic record mapper tries each camel-case name as a column first and
    // pays for a driver exception per field and row, which dominated the finance page.
    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong("result_id"),
                rs.getLong("person_id"),
                rs.getString("external_id"),
                rs.getString("person_name"),
                rs.getString("team"),
                rs.getString("period_id"),
                rs.getString("currency"),
                rs.getBigDecimal("payout"),
                rs.getString("fingerprint"),
                rs.getObject("approval_id", Long.class),
                rs.getObject("approved_result_id", Long.class),
                rs.getString("approved_fingerprint"),
                rs.getBigDecimal("approved_payout"),
                rs.getString("approved_by"),
                instant(rs.getTimestamp("approved_at")),
                instant(rs.getTimestamp("exported_at")),
                rs.getObject("team_id", Long.class),
                rs.getString("plan_key"));
    }

    /** One level's approval of a result version (multi-level chains only). */
    record LevelApproval(
            long personId,
            String periodId,
            long resultId,
            String fingerprint,
            int level,
            String approvedBy,
            Instant approvedAt) {

        /** True while it approves this row's numbers: the same version, or a rerun to the very same numbers. */
        boolean holdsFor(Row row) {
            return resultId == row.resultId() || fingerprint.equals(row.fingerprint());
        }
    }

    /** Level approvals of the periods, per "personId|periodId", limited to the given people (null = everyone). */
    java.util.Map<String, List<LevelApproval>> levelApprovals(Collection<String> periods, Collection<Long> people) {
        return jdbc
                .sql("""
                select person_id, period_id, result_id, fingerprint, level, approved_by, approved_at
                from payout_approval_level
                where period_id = any(:periods)
                  and (cast(:ids as bigint[]) is null or person_id = any(cast(:ids as bigint[])))
                order by approved_at, id""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", people == null ? null : people.toArray(Long[]::new))
                .query((rs, n) -> new LevelApproval(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        l -> l.personId() + "|" + l.periodId(), java.util.stream.Collectors.toList()));
    }

    private static Instant instant(java.sql.Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
