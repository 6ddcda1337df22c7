package org.attain.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The same commission computed the way a database developer would write it: credits (split shares
 * expanded from JSON), the quota of the payee's quarter, a window function for the running total,
 * and the marginal tier slices of every deal materialised with CREATE TABLE AS. Then the per
 * payee-quarter totals that are compared with Attain's stored lines, to the cent.
 *
 * <p>It runs as configured (the server's 64 MB {@code work_mem}, so a large window sort spills to disk: the
 * figure kept for continuity) and then as a database developer would give it room ({@link Variant}): a
 * {@code work_mem} that holds the sort, parallel workers for the scans, and the result written to a logged
 * and to an unlogged table. Attain is compared with the fastest.
 */
final class SqlBaseline {

    record Outcome(String variant, double seconds, long dealLines, Map<String, BigDecimal> totals) {}

    /**
     * How the SQL runs. {@code workMem} null keeps the server's setting; {@code parallelWorkers} per gather
     * (PostgreSQL's default is 2; 0 forbids parallel plans); {@code unlogged} writes the result without WAL.
     */
    record Variant(String name, String workMem, int parallelWorkers, boolean unlogged) {

        /** The SQL as it ran before issue 23: the server's settings, a logged table. */
        static final Variant AS_CONFIGURED = new Variant("as_configured", null, 2, false);

        /** The variants a database developer would try, the first being the one kept for continuity. */
        static List<Variant> all(int cores) {
            int workers = Math.max(2, cores);
            return List.of(
                    AS_CONFIGURED,
                    new Variant("tuned_logged", "2GB", workers, false),
                    new Variant("tuned_unlogged", "2GB", workers, true));
        }
    }

    private final DataSource dataSource;

    SqlBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs every variant on one connection (its settings are the session's), each timed on its own. */
    List<Outcome> runAll(LocalDate from, LocalDate to, List<Variant> variants) {
        List<Outcome> out = new ArrayList<>();
        for (Variant v : variants) {
            out.add(run(from, to, v));
        }
        return out;
    }

    Outcome run(LocalDate from, LocalDate to, Variant variant) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            jdbc.sql("drop table if exists sql_deal_line").update();
            if (variant.workMem() != null) {
                jdbc.sql("select set_config('work_mem', :v, false)")
                        .param("v", variant.workMem())
                        .query(String.class)
                        .single();
            }
            jdbc.sql("select set_config('max_parallel_workers_per_gather', :v, false)")
                    .param("v", Integer.toString(variant.parallelWorkers()))
                    .query(String.class)
                    .single();
            try {
                return timed(jdbc, from, to, variant);
            } finally {
                jdbc.sql("drop table if exists sql_deal_line").update();
                // Only what was set: the pool's connections carry the instance lease's setting (RESET ALL would drop
                // it).
                jdbc.sql("reset work_mem").update();
                jdbc.sql("reset max_parallel_workers_per_gather").update();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the SQL baseline (" + variant.name() + ") failed: " + e.getMessage(), e);
        }
    }

    private Outcome timed(JdbcClient jdbc, LocalDate from, LocalDate to, Variant variant) {
        long started = System.nanoTime();
        long lines = jdbc.sql(("create " + (variant.unlogged() ? "unlogged " : "") + """
                table sql_deal_line as
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
                from sliced"""))
                .param("from", from)
                .param("to", to)
                .update();
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.sql("select person_id, period_id, sum(amount) from sql_deal_line group by person_id, period_id")
                .query(rs -> {
                    totals.put(rs.getLong(1) + "/" + rs.getString(2), rs.getBigDecimal(3));
                });
        double seconds = (System.nanoTime() - started) / 1e9;
        // Rounded like a statement line, once per payee-quarter, half to even (outside the timing: SQL's round() is
        // half up).
        totals.replaceAll((k, v) -> v.setScale(2, RoundingMode.HALF_EVEN));
        return new Outcome(variant.name(), seconds, lines, totals);
    }

    /** Attain's stored commission per payee-quarter from the current results. */
    Map<String, BigDecimal> attainTotals() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.sql("""
                select r.person_id, r.period_id, sum(l.amount)
                from payee_period_result r join earnings_line l on l.result_id = r.id and l.period_id = r.period_id
                join period per on per.id = r.period_id and per.kind = 'QUARTER'
                where r.is_current and l.component = 'commission'
                group by r.person_id, r.period_id""").query(rs -> {
            totals.put(
                    rs.getLong(1) + "/" + rs.getString(2), rs.getBigDecimal(3).setScale(2, RoundingMode.HALF_EVEN));
        });
        return totals;
    }

    /** Attain's explained deal lines of current commission lines (each packed row holds one line's deals; a rerun's equal result points at them). */
    long attainDealLines() {
        return JdbcClient.create(dataSource).sql("""
                select coalesce(sum(d.deal_count), 0) from payee_period_result r
                join earnings_line l on l.result_id = r.id and l.period_id = r.period_id and l.component = 'commission'
                join earnings_line_deal_pack d
                  on d.result_id = coalesce(r.deals_in, r.id) and d.period_id = r.period_id and d.line_no = l.line_no
                join period per on per.id = r.period_id and per.kind = 'QUARTER'
                where r.is_current""").query(Long.class).single();
    }
}
