package org.attain.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.attain.calendar.Periods;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read-only aggregate queries behind reports and finance: sums over current calculation
 * results, quotas and booked transactions, always grouped by currency and limited to the people a
 * user may see ({@code ids} null = everyone). Capabilities publish per-person reads; aggregates over
 * the whole company would cost one call per person, so they are SQL over the views the owners publish
 * for this ({@code calc_current_result_v}, {@code calc_current_line_v}, {@code org_person_v},
 * {@code quota_person_v}, {@code plan_version_v}, {@code sales_booking_v}), never over their tables.
 */
@Component
public class ReportData {

    private final JdbcClient jdbc;
    private final Periods periods;

    ReportData(JdbcClient jdbc, Periods periods) {
        this.jdbc = jdbc;
        this.periods = periods;
    }

    record Cost(String period, String team, String component, String currency, BigDecimal amount) {}

    record Accrued(String period, String currency, BigDecimal earnings, BigDecimal payout) {}

    record TeamMoney(String team, String currency, BigDecimal amount) {}

    record Attainment(
            long personId, String name, String team, BigDecimal attainment, BigDecimal earnings, String currency) {}

    record ComponentSum(String component, String currency, BigDecimal amount) {}

    /** Commission cost: current earnings lines per period, team and component. */
    List<Cost> commissionCost(Collection<String> periods, Long[] ids) {
        return jdbc.sql("""
                select l.period_id as period, coalesce(p.team_name, '') as team, l.component, l.currency, sum(l.amount) as amount
                from calc_current_line_v l
                join org_person_v p on p.id = l.person_id
                where l.period_id = any(:periods) and (cast(:ids as bigint[]) is null or l.person_id = any(cast(:ids as bigint[])))
                group by l.period_id, p.team_name, l.component, l.currency
                order by l.period_id, p.team_name nulls last, l.component, l.currency""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .query(Cost.class)
                .list();
    }

    /** What the calculation says is owed per period: the accrual. */
    List<Accrued> accrued(Collection<String> periods, Long[] ids) {
        return jdbc.sql("""
                select r.period_id as period, r.currency, sum(r.earnings) as earnings, sum(r.payout) as payout
                from calc_current_result_v r
                where r.period_id = any(:periods) and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by r.period_id, r.currency order by r.period_id, r.currency""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .query(Accrued.class)
                .list();
    }

    /** Commissions of a period per team (the payees' currency). */
    List<TeamMoney> commissionsByTeam(String period, Long[] ids) {
        return jdbc.sql("""
                select coalesce(p.team_name, '') as team, r.currency, sum(r.earnings) as amount
                from calc_current_result_v r join org_person_v p on p.id = r.person_id
                where r.period_id = :period and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                group by p.team_name, r.currency order by p.team_name nulls last, r.currency""")
                .param("period", period)
                .param("ids", ids)
                .query(TeamMoney.class)
                .list();
    }

    /** Won bookings closed in the period per owner's team, in the deals' currency. */
    List<TeamMoney> bookingsByTeam(String period, Long[] ids) {
        return periods.find(period)
                .map(per -> jdbc.sql("""
                select coalesce(p.team_name, '') as team, s.currency, sum(s.amount) as amount
                from sales_booking_v s
                join org_person_v p on p.id = s.owner_id
                where s.status = 'won' and s.close_date between :from and :to
                  and (cast(:ids as bigint[]) is null or s.owner_id = any(cast(:ids as bigint[])))
                group by p.team_name, s.currency order by p.team_name nulls last, s.currency""")
                        .param("from", per.startsOn())
                        .param("to", per.endsOn())
                        .param("ids", ids)
                        .query(TeamMoney.class)
                        .list())
                .orElse(List.of());
    }

    /** Quotas of the period per team (bookings measure). */
    List<TeamMoney> quotaByTeam(String period, Long[] ids) {
        return jdbc.sql("""
                select coalesce(p.team_name, '') as team, q.currency, sum(q.amount) as amount
                from quota_person_v q join org_person_v p on p.id = q.person_id
                where q.period_id = :period and q.measure = 'bookings'
                  and (cast(:ids as bigint[]) is null or q.person_id = any(cast(:ids as bigint[])))
                group by p.team_name, q.currency order by p.team_name nulls last, q.currency""")
                .param("period", period)
                .param("ids", ids)
                .query(TeamMoney.class)
                .list();
    }

    /** Every payee of the period with a quota-based attainment, best first. */
    List<Attainment> attainments(String period, Long[] ids) {
        return jdbc.sql("""
                select r.person_id, p.first_name || ' ' || p.last_name as name, coalesce(p.team_name, '') as team,
                       r.attainment, r.earnings, r.currency
                from calc_current_result_v r join org_person_v p on p.id = r.person_id
                where r.period_id = :period and r.attainment is not null
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                order by r.attainment desc, p.last_name, p.id""")
                .param("period", period)
                .param("ids", ids)
                .query(Attainment.class)
                .list();
    }

    List<ComponentSum> payoutsByComponent(String period, Long[] ids) {
        return jdbc.sql("""
                select l.component, l.currency, sum(l.amount) as amount
                from calc_current_line_v l
                where l.period_id = :period and (cast(:ids as bigint[]) is null or l.person_id = any(cast(:ids as bigint[])))
                group by l.component, l.currency order by l.component, l.currency""")
                .param("period", period)
                .param("ids", ids)
                .query(ComponentSum.class)
                .list();
    }

    /**
     * One current earnings line with whose it is, its period, the plan version that paid it and the payee's attainment.
     * The payee's e-mail and internal id come last, so a caller can join on whichever it keeps.
     */
    public record EarningsRow(
            String employeeId,
            String name,
            String period,
            String plan,
            Integer planVersion,
            String component,
            BigDecimal amount,
            String currency,
            BigDecimal attainment,
            String forPeriod,
            String email,
            long personId) {}

    /** Lines and amounts of an export per currency; {@code currency} null is the row over all currencies. */
    record EarningsTotal(String currency, BigDecimal amount, long lines, long people) {}

    // The plan version that paid a line is the one its run compiled (the run's plan versions); runs
    // from before runs recorded it get the latest version published before they started. Periods
    // are ordered by the caller (array position): months, then their quarter, then the year.
    private static final String EARNINGS_ROWS = """
            select x.employee_id, x.name, x.period, coalesce(pv.name, x.plan_key) as plan, pv.version as plan_version,
                   x.component, x.amount, x.currency, x.attainment, x.for_period, x.email, x.person_id
            from (
                select p.external_id as employee_id, p.first_name || ' ' || p.last_name as name, l.period_id as period,
                       p.email, p.id as person_id,
                       array_position(cast(:periods as text[]), l.period_id) as period_order, l.plan_key, l.component,
                       l.line_no, l.amount, l.currency, l.attainment, l.for_period, l.run_plan_versions, l.run_started_at
                from calc_current_line_v l
                join org_person_v p on p.id = l.person_id
                where l.period_id = any(cast(:periods as text[]))
                  and (cast(:ids as bigint[]) is null or l.person_id = any(cast(:ids as bigint[])))
                order by p.external_id collate "C", period_order, l.component collate "C", l.line_no
                limit cast(:limit as bigint) offset cast(:offset as bigint)
            ) x
            left join lateral (
                select v.name, v.version from plan_version_v v
                where v.plan_key = x.plan_key
                  and case when x.run_plan_versions is null then v.created_at <= x.run_started_at else v.id = any(x.run_plan_versions) end
                order by v.version desc limit 1
            ) pv on true
            order by x.employee_id collate "C", x.period_order, x.component collate "C", x.line_no""";

    private static EarningsRow earningsRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EarningsRow(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, Integer.class),
                rs.getString(6),
                rs.getBigDecimal(7),
                rs.getString(8),
                rs.getBigDecimal(9),
                rs.getString(10),
                rs.getString(11),
                rs.getLong(12));
    }

    /** One page of the export, sorted by employee id, period, component and line. */
    List<EarningsRow> earnings(List<String> periods, Long[] ids, long offset, int limit) {
        return jdbc.sql(EARNINGS_ROWS)
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .param("limit", limit)
                .param("offset", offset)
                .query(ReportData::earningsRow)
                .list();
    }

    /**
     * Every row of the export in order, handed over one by one. Inside a transaction the driver reads
     * them through a cursor, {@code fetchSize} at a time, instead of loading the whole result first.
     */
    void eachEarnings(List<String> periods, Long[] ids, int fetchSize, java.util.function.Consumer<EarningsRow> row) {
        jdbc.sql(EARNINGS_ROWS)
                .withFetchSize(fetchSize)
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .param("limit", null)
                .param("offset", 0)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> row.accept(earningsRow(rs, 0)));
    }

    /** Amount, lines and people per currency, then (currency null) lines and people over all. */
    List<EarningsTotal> earningsTotals(List<String> periods, Long[] ids) {
        return jdbc.sql("""
                select l.currency, coalesce(sum(l.amount), 0) as amount, count(l.id) as lines, count(distinct l.person_id) as people
                from calc_current_line_v l
                where l.period_id = any(cast(:periods as text[]))
                  and (cast(:ids as bigint[]) is null or l.person_id = any(cast(:ids as bigint[])))
                group by grouping sets ((l.currency), ())
                order by l.currency nulls last""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .query(EarningsTotal.class)
                .list();
    }

    /** Of these periods, those with a current result of someone in scope (for an empty export's pointer). */
    List<String> periodsWithResults(List<String> periods, Long[] ids) {
        return jdbc.sql("""
                select distinct r.period_id from calc_current_result_v r
                where r.period_id = any(cast(:periods as text[]))
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", ids)
                .query(String.class)
                .list();
    }
}
