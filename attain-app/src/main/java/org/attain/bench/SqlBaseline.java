package org.attain.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same commission computed the way a database developer would write it: credits (split shares
 * expanded from JSON), the quota of the payee's quarter, a window function for the running total,
 * and the marginal tier slices of every deal materialised with CREATE TABLE AS. Then the per
 * payee-quarter totals that are compared with Attain's stored lines, to the cent.
 */
final class SqlBaseline {

    record Outcome(double seconds, long dealLines, Map<String, BigDecimal> totals) {}

    private final JdbcClient jdbc;

    SqlBaseline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Outcome run(LocalDate from, LocalDate to) {
        jdbc.sql("drop table if exists sql_deal_line").update();
        long started = System.nanoTime();
        long lines = jdbc.sql("""
                create table sql_deal_line as
                with credit as (
                    select t.id as transaction_id, t.owner_id as person_id, t.close_date, t.amount as credited
                    from sales_transaction t
                    where t.status = 'won' and t.splits is null and t.close_date between :from and :to
                    union all
                    select t.id, (s ->> 'person_id')::bigint, t.close_date, t.amount * (s ->> 'share')::numeric
                    from sales_transaction t cross join lateral jsonb_array_elements(t.splits) s
                    where t.status = 'won' and t.splits is not null and t.close_date between :from and :to
                ), in_quarter as (
                    select c.*, per.id as period_id, q.amount as quota
                    from credit c
                    join plan_assignment a on a.person_id = c.person_id and c.close_date >= a.valid_from
                         and (a.valid_until is null or c.close_date < a.valid_until)
                    join period per on per.kind = 'QUARTER' and c.close_date between per.starts_on and per.ends_on
                    join quota q on q.person_id = c.person_id and q.period_id = per.id and q.measure = 'bookings'
                ), running as (
                    select i.*, sum(credited) over (partition by person_id, period_id order by close_date, transaction_id) as after
                    from in_quarter i
                ), sliced as (
                    select r.*,
                           greatest(0, least(after, 0.50 * quota) - greatest(after - credited, 0)) as tier1_base,
                           greatest(0, least(after, quota) - greatest(after - credited, 0.50 * quota)) as tier2_base,
                           greatest(0, after - greatest(after - credited, quota)) as tier3_base
                    from running r
                )
                select transaction_id, person_id, period_id, close_date, credited, after, quota,
                       tier1_base, tier2_base, tier3_base,
                       tier1_base * 0.05 + tier2_base * 0.08 + tier3_base * 0.12 as amount
                from sliced""").param("from", from).param("to", to).update();
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.sql("select person_id, period_id, sum(amount) from sql_deal_line group by person_id, period_id")
                .query(rs -> {
                    totals.put(rs.getLong(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        // Rounded like a statement line, once per payee-quarter, half to even (outside the timing: SQL's round() is
        // half up).
        totals.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        return new Outcome(seconds, lines, totals);
    }

    /** Attain's stored commission per payee-quarter from the current results. */
    Map<String, BigDecimal> attainTotals() {
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.sql("""
                select r.person_id, r.period_id, sum(l.amount)
                from payee_period_result r join earnings_line l on l.result_id = r.id
                join period per on per.id = r.period_id and per.kind = 'QUARTER'
                where r.is_current and l.component = 'commission'
                group by r.person_id, r.period_id""").query(rs -> {
            totals.put(
                    rs.getLong(1) + "/" + rs.getString(2), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_EVEN));
        });
        return totals;
    }

    /** Attain's explained deal lines of current commission lines (each packed row holds one line's deals). */
    long attainDealLines() {
        return jdbc.sql("""
                select coalesce(sum(d.deal_count), 0) from earnings_line_deal_pack d
                join payee_period_result r on r.id = d.result_id and r.is_current
                join earnings_line l on l.result_id = d.result_id and l.line_no = d.line_no and l.component = 'commission'
                join period per on per.id = r.period_id and per.kind = 'QUARTER'""").query(Long.class).single();
    }
}
