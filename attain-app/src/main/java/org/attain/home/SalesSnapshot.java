package org.attain.home;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Live sales figures per person over a date range for the home pages: won bookings (in the deal
 * currency, as booked), open pipeline and logged activity. Pay comes from calculation results, not here.
 * Rows are mapped by hand, in select order: the generic record mapper pays a driver exception per
 * camel-case field and row.
 */
@Service
class SalesSnapshot {

    private final JdbcClient jdbc;

    SalesSnapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Figures(long personId, BigDecimal bookings, String currency, long deals, BigDecimal pipeline,
            long activities) {
        static Figures empty(long personId) {
            return new Figures(personId, BigDecimal.ZERO, "", 0, BigDecimal.ZERO, 0);
        }
    }

    record Deal(String externalId, String account, LocalDate closeDate, BigDecimal amount, String currency,
            String dealType) {
    }

    record ActivityCount(String kind, long count) {
    }

    Map<Long, Figures> figures(Collection<Long> personIds, LocalDate from, LocalDate to) {
        Long[] ids = personIds.toArray(Long[]::new);
        List<Figures> rows = jdbc.sql("""
                select p.id as person_id,
                       coalesce((select sum(t.amount) from sales_transaction t
                                 where t.owner_id = p.id and t.status = 'won' and t.close_date between :from and :to), 0) as bookings,
                       coalesce((select min(t.currency) from sales_transaction t
                                 where t.owner_id = p.id and t.close_date between :from and :to), p.currency) as currency,
                       (select count(*) from sales_transaction t
                         where t.owner_id = p.id and t.status = 'won' and t.close_date between :from and :to) as deals,
                       coalesce((select sum(o.amount) from opportunity o
                                 where o.owner_id = p.id and o.stage not in ('Closed Won', 'Closed Lost')), 0) as pipeline,
                       (select count(*) from activity a
                         where a.person_id = p.id and a.occurred_at >= :from and a.occurred_at < cast(:to as date) + 1) as activities
                from person p where p.id = any(:ids)""")
                .param("ids", ids).param("from", from).param("to", to)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getLong(6)))
                .list();
        return rows.stream().collect(Collectors.toMap(Figures::personId, Function.identity()));
    }

    List<Deal> recentDeals(long personId, int limit) {
        return jdbc.sql("""
                select t.external_id, a.name as account, t.close_date, t.amount, t.currency, t.deal_type
                from sales_transaction t left join account a on a.id = t.account_id
                where t.owner_id = :p and t.status = 'won' order by t.close_date desc, t.id desc limit :n""")
                .param("p", personId).param("n", limit)
                .query((rs, n) -> new Deal(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getBigDecimal(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    List<ActivityCount> activityMix(long personId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select kind, count(*) as count from activity
                where person_id = :p and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by kind order by kind""")
                .param("p", personId).param("from", from).param("to", to)
                .query((rs, n) -> new ActivityCount(rs.getString(1), rs.getLong(2))).list();
    }

    record RegionBookings(String region, String currency, BigDecimal bookings, long deals) {
    }

    List<RegionBookings> bookingsByRegion(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(r.name, '-') as region, t.currency, sum(t.amount) as bookings, count(*) as deals
                from sales_transaction t join person p on p.id = t.owner_id left join region r on r.id = p.region_id
                where t.status = 'won' and t.close_date between :from and :to
                group by r.name, t.currency order by r.name""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new RegionBookings(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }
}
