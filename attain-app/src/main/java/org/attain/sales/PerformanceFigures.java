package org.attain.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sales' public reads for performance analytics, per owner and calendar month over a date range (both ends
 * included): won bookings, opportunities created, won and lost, the days won opportunities took, and the open
 * pipeline. One statement per read for a whole set of people; rows mapped by hand in select order.
 */
@Service
public class PerformanceFigures {

    private final JdbcClient jdbc;

    PerformanceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Won bookings of one owner in one month and currency (as booked), and how many won transactions made them. */
    public record BookingMonth(long ownerId, LocalDate month, String currency, BigDecimal bookings, long deals) {}

    /**
     * One owner's opportunities in one month: created in it (by {@code created_on}), won and lost in it (by
     * close date, stage Closed Won / Closed Lost) and the days from creation to close summed over the won ones.
     */
    public record OpportunityMonth(long ownerId, LocalDate month, long created, long won, long lost, long wonDays) {}

    /** An owner's open pipeline in one currency. */
    public record OpenPipeline(long ownerId, String currency, BigDecimal amount) {}

    /** Won transactions closing in [from, to] per owner, month (its first day) and currency. */
    public List<BookingMonth> bookingsByMonth(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select owner_id, cast(date_trunc('month', close_date) as date), currency, sum(amount), count(*)
                from sales_transaction
                where owner_id = any(:ids) and status = 'won' and close_date between :from and :to
                group by 1, 2, 3 order by 1, 2, 3""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new BookingMonth(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getLong(5)))
                .list();
    }

    /** Opportunities created, won and lost in [from, to] per owner and month (months without any left out). */
    public List<OpportunityMonth> opportunitiesByMonth(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                with created as (
                    select owner_id, cast(date_trunc('month', created_on) as date) as month, count(*) as n
                    from opportunity where owner_id = any(:ids) and created_on between :from and :to group by 1, 2),
                closed as (
                    select owner_id, cast(date_trunc('month', close_date) as date) as month,
                           count(*) filter (where stage = 'Closed Won') as won,
                           count(*) filter (where stage = 'Closed Lost') as lost,
                           coalesce(sum(close_date - created_on) filter (where stage = 'Closed Won'), 0) as won_days
                    from opportunity where owner_id = any(:ids) and stage in ('Closed Won', 'Closed Lost')
                      and close_date between :from and :to group by 1, 2)
                select coalesce(c.owner_id, d.owner_id), coalesce(c.month, d.month), coalesce(c.n, 0),
                       coalesce(d.won, 0), coalesce(d.lost, 0), coalesce(d.won_days, 0)
                from created c full join closed d on d.owner_id = c.owner_id and d.month = c.month
                order by 1, 2""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new OpportunityMonth(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /** Open opportunities (not closed won or lost) expected to close in [from, to], per owner and currency. */
    public List<OpenPipeline> openPipeline(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select owner_id, currency, sum(amount) from opportunity
                where owner_id = any(:ids) and stage not in ('Closed Won', 'Closed Lost')
                  and close_date between :from and :to
                group by 1, 2 order by 1, 2""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new OpenPipeline(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }
}
