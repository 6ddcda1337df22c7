package org.attain.quota;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Quotas written by the demo seeder, in its transaction, in one statement over the owners' views
 * ({@code sales_booking_v}, {@code org_person_v}, {@code calendar_period_v}). No {@link QuotasChanged}:
 * the seeder runs the first calculation itself.
 */
@Component
public class QuotaBulkLoad {

    private final JdbcClient jdbc;

    QuotaBulkLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One bookings quota per quarter for every rep employed in it, for the quarters that overlap [since,
     * horizon]: 110% of the rep's team's median quarterly won bookings per rep (the region's if the rep has no
     * team), times the region's season for that quarter of the year, rounded to 10,000, at least 10,000, in
     * the rep's currency and prorated. Whole quarters before {@code today} only make the medians.
     *
     * @return the quotas written
     */
    public int repQuotasFromBookings(LocalDate since, LocalDate horizon, LocalDate today) {
        // A team sells one segment (commercial, mid-market, enterprise): its reps share a quota, the team's
        // median booked quarter plus a tenth, scaled by the region's season (Q4 sells most), as sales
        // operations sets it from history. A region's median alone would give enterprise and commercial reps
        // one number. Only whole quarters count: not the history's first nor the one under way.
        return jdbc.sql("""
                with booked as (
                    select p.id as person_id, p.region_id, p.team_id, date_trunc('quarter', t.close_date) as q,
                           sum(t.amount) as booked
                    from sales_booking_v t join org_person_v p on p.id = t.owner_id
                    where p.role_type = 'REP' and t.status = 'won'
                    group by p.id, p.region_id, p.team_id, date_trunc('quarter', t.close_date)
                ), rep_quarter as (
                    select * from booked
                    where q > (select min(q) from booked) and q < date_trunc('quarter', cast(:today as date))
                ), region_level as (
                    select region_id, percentile_cont(0.5) within group (order by booked) as median
                    from rep_quarter group by region_id
                ), season as (
                    select r.region_id, extract(quarter from r.q) as quarter_of_year,
                           percentile_cont(0.5) within group (order by r.booked) / max(l.median) as factor
                    from rep_quarter r join region_level l on l.region_id = r.region_id
                    group by r.region_id, extract(quarter from r.q)
                ), team_level as (
                    select team_id, percentile_cont(0.5) within group (order by booked) as median
                    from rep_quarter where team_id is not null group by team_id
                )
                insert into quota(person_id, period_id, measure, amount, currency, prorate)
                select p.id, per.id, 'bookings',
                       greatest(round(coalesce(t.median, l.median) * coalesce(s.factor, 1) * 1.1 / 10000) * 10000, 10000),
                       p.currency, true
                from org_person_v p
                join region_level l on l.region_id = p.region_id
                left join team_level t on t.team_id = p.team_id
                join calendar_period_v per on per.kind = 'QUARTER' and per.ends_on >= p.employment_start
                     and (p.employment_end is null or per.starts_on <= p.employment_end)
                     and per.starts_on <= :horizon and per.ends_on >= :since
                left join season s on s.region_id = p.region_id and s.quarter_of_year = extract(quarter from per.starts_on)
                where p.role_type = 'REP'""")
                .param("horizon", horizon)
                .param("since", since)
                .param("today", today)
                .update();
    }
}
