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
     * One bookings quota per region and quarter for every rep employed in it, for the quarters that overlap
     * [since, horizon]: 110% of the region's median quarterly won bookings per rep, rounded to 10,000, at
     * least 10,000, in the rep's currency and prorated.
     *
     * @return the quotas written
     */
    public int repQuotasFromBookings(LocalDate since, LocalDate horizon) {
        return jdbc.sql("""
                with rep_quarter as (
                    select p.id as person_id, p.region_id, date_trunc('quarter', t.close_date) as q, sum(t.amount) as booked
                    from sales_booking_v t join org_person_v p on p.id = t.owner_id
                    where p.role_type = 'REP' and t.status = 'won'
                    group by p.id, p.region_id, date_trunc('quarter', t.close_date)
                ), region_quota as (
                    select region_id, round(percentile_cont(0.5) within group (order by booked) * 1.1 / 10000) * 10000 as amount
                    from rep_quarter group by region_id
                )
                insert into quota(person_id, period_id, measure, amount, currency, prorate)
                select p.id, per.id, 'bookings', greatest(rq.amount, 10000), p.currency, true
                from org_person_v p
                join region_quota rq on rq.region_id = p.region_id
                join calendar_period_v per on per.kind = 'QUARTER' and per.ends_on >= p.employment_start
                     and (p.employment_end is null or per.starts_on <= p.employment_end)
                     and per.starts_on <= :horizon and per.ends_on >= :since
                where p.role_type = 'REP'""").param("horizon", horizon).param("since", since).update();
    }
}
