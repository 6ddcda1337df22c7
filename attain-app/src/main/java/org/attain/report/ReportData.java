package org.attain.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read-only aggregate queries behind reports and finance: sums over current calculation
 * results, quotas and booked transactions, always grouped by currency and limited to the people a
 * user may see ({@code ids} null = everyone). Capabilities publish per-person reads; aggregates over
 * the whole company would cost one call per person, so they live here as SQL, in this one class.
 */
@Component
class ReportData {

    private final JdbcClient jdbc;

    ReportData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Cost(String period, String team, String component, String currency, BigDecimal amount) {
    }

    record Accrued(String period, String currency, BigDecimal earnings, BigDecimal payout) {
    }

    record TeamMoney(String team, String currency, BigDecimal amount) {
    }

    record Attainment(long personId, String name, String team, BigDecimal attainment, BigDecimal earnings, String currency) {
    }

    record ComponentSum(String component, String currency, BigDecimal amount) {
    }

    /** Commission cost: current earnings lines per period, team and component. */
    List<Cost> commissionCost(Collection<String> periods, Long[] ids) {
        return jdbc.sql("""
                select r.period_id as period, coalesce(t.name, '') as team, l.component, r.currency, sum(l.amount) as amount
                from payee_period_result r
                join earnings_line l on l.result_id = r.id
                join person p on p.id = r.person_id
                left join team t on t.id = p.team_id
                where r.is_current and r.period_id = any(:periods) and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by r.period_id, t.name, l.component, r.currency
                order by r.period_id, t.name nulls last, l.component, r.currency""")
                .param("periods", periods.toArray(String[]::new)).param("ids", ids).query(Cost.class).list();
    }

    /** What the calculation says is owed per period: the accrual. */
    List<Accrued> accrued(Collection<String> periods, Long[] ids) {
        return jdbc.sql("""
                select r.period_id as period, r.currency, sum(r.earnings) as earnings, sum(r.payout) as payout
                from payee_period_result r
                where r.is_current and r.period_id = any(:periods) and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by r.period_id, r.currency order by r.period_id, r.currency""")
                .param("periods", periods.toArray(String[]::new)).param("ids", ids).query(Accrued.class).list();
    }

    /** Commissions of a period per team (the payees' currency). */
    List<TeamMoney> commissionsByTeam(String period, Long[] ids) {
        return jdbc.sql("""
                select coalesce(t.name, '') as team, r.currency, sum(r.earnings) as amount
                from payee_period_result r join person p on p.id = r.person_id left join team t on t.id = p.team_id
                where r.is_current and r.period_id = :period and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by t.name, r.currency order by t.name nulls last, r.currency""")
                .param("period", period).param("ids", ids).query(TeamMoney.class).list();
    }

    /** Won bookings closed in the period per owner's team, in the deals' currency. */
    List<TeamMoney> bookingsByTeam(String period, Long[] ids) {
        return jdbc.sql("""
                select coalesce(tm.name, '') as team, s.currency, sum(s.amount) as amount
                from sales_transaction s
                join period per on per.id = :period and s.close_date between per.starts_on and per.ends_on
                join person p on p.id = s.owner_id left join team tm on tm.id = p.team_id
                where s.status = 'won' and (cast(:ids as bigint[]) is null or s.owner_id = any(cast(:ids as bigint[])))
                group by tm.name, s.currency order by tm.name nulls last, s.currency""")
                .param("period", period).param("ids", ids).query(TeamMoney.class).list();
    }

    /** Quotas of the period per team (bookings measure). */
    List<TeamMoney> quotaByTeam(String period, Long[] ids) {
        return jdbc.sql("""
                select coalesce(t.name, '') as team, q.currency, sum(q.amount) as amount
                from quota q join person p on p.id = q.person_id left join team t on t.id = p.team_id
                where q.period_id = :period and q.measure = 'bookings'
                  and (cast(:ids as bigint[]) is null or q.person_id = any(cast(:ids as bigint[])))
                group by t.name, q.currency order by t.name nulls last, q.currency""")
                .param("period", period).param("ids", ids).query(TeamMoney.class).list();
    }

    /** Every payee of the period with a quota-based attainment, best first. */
    List<Attainment> attainments(String period, Long[] ids) {
        return jdbc.sql("""
                select r.person_id, p.first_name || ' ' || p.last_name as name, coalesce(t.name, '') as team,
                       r.attainment, r.earnings, r.currency
                from payee_period_result r join person p on p.id = r.person_id left join team t on t.id = p.team_id
                where r.is_current and r.period_id = :period and r.attainment is not null
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                order by r.attainment desc, p.last_name, p.id""")
                .param("period", period).param("ids", ids).query(Attainment.class).list();
    }

    List<ComponentSum> payoutsByComponent(String period, Long[] ids) {
        return jdbc.sql("""
                select l.component, r.currency, sum(l.amount) as amount
                from payee_period_result r join earnings_line l on l.result_id = r.id
                where r.is_current and r.period_id = :period and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by l.component, r.currency order by l.component, r.currency""")
                .param("period", period).param("ids", ids).query(ComponentSum.class).list();
    }
}
