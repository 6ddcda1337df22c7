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

    /** What a person's own home page shows of their sales: the quarter's figures, recent won deals, activity mix. */
    record Mine(Figures figures, List<Deal> recentDeals, List<ActivityCount> activityMix) {
    }

    /**
     * {@link #figures}, {@link #recentDeals} and {@link #activityMix} for one person in one statement
     * (one round trip instead of three, and the quarter's transactions read in one index scan instead of
     * three). Every home page of a rep asks for these.
     *
     * <p>The recent deals are ordered by date and id, but the owner's index is by date only: sorting by
     * both made PostgreSQL fetch at least 32 of the owner's won rows from the table (one page each) to
     * keep 8, most of this statement's cost. The n-th most recent date, read from the index alone (status
     * is in it), bounds the rows fetched to the last few days' deals, ties included; the result is the
     * same.
     */
    Mine mine(long personId, LocalDate from, LocalDate to, LocalDate activityFrom, LocalDate activityTo, int deals) {
        return jdbc.sql("""
                select p.id, coalesce(q.bookings, 0), coalesce(q.currency, p.currency), coalesce(q.deals, 0),
                       coalesce((select sum(o.amount) from opportunity o
                                 where o.owner_id = p.id and o.stage not in ('Closed Won', 'Closed Lost')), 0),
                       (select count(*) from activity a
                         where a.person_id = p.id and a.occurred_at >= :from and a.occurred_at < cast(:to as date) + 1),
                       m.kinds, m.counts,
                       d.ids, d.accounts, d.dates, d.amounts, d.currencies, d.types
                from person p
                cross join lateral (
                    select sum(t.amount) filter (where t.status = 'won') as bookings, min(t.currency) as currency,
                           count(*) filter (where t.status = 'won') as deals
                    from sales_transaction t where t.owner_id = p.id and t.close_date between :from and :to) q
                cross join lateral (
                    select array_agg(kind order by kind) as kinds, array_agg(n order by kind) as counts
                    from (select kind, count(*) as n from activity
                          where person_id = p.id and occurred_at >= :afrom and occurred_at < cast(:ato as date) + 1
                          group by kind) k) m
                cross join lateral (
                    select array_agg(r.external_id order by r.n) as ids, array_agg(r.account order by r.n) as accounts,
                           array_agg(r.close_date order by r.n) as dates, array_agg(r.amount order by r.n) as amounts,
                           array_agg(r.currency order by r.n) as currencies, array_agg(r.deal_type order by r.n) as types
                    from (select t.external_id, a.name as account, t.close_date, t.amount, t.currency, t.deal_type,
                                 row_number() over (order by t.close_date desc, t.id desc) as n
                          from sales_transaction t left join account a on a.id = t.account_id
                          where t.owner_id = p.id and t.status = 'won'
                            and t.close_date >= coalesce((select s.close_date from sales_transaction s
                                                          where s.owner_id = p.id and s.status = 'won'
                                                          order by s.close_date desc offset greatest(:n, 1) - 1 limit 1), '-infinity')
                          order by t.close_date desc, t.id desc limit :n) r) d
                where p.id = :p""")
                .param("p", personId).param("from", from).param("to", to).param("afrom", activityFrom)
                .param("ato", activityTo).param("n", deals)
                .query((rs, n) -> {
                    Figures figures = new Figures(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3), rs.getLong(4),
                            rs.getBigDecimal(5), rs.getLong(6));
                    List<ActivityCount> mix = new java.util.ArrayList<>();
                    String[] kinds = strings(rs.getArray(7));
                    Object[] counts = objects(rs.getArray(8));
                    for (int i = 0; i < kinds.length; i++) {
                        mix.add(new ActivityCount(kinds[i], ((Number) counts[i]).longValue()));
                    }
                    List<Deal> recent = new java.util.ArrayList<>();
                    String[] ids = strings(rs.getArray(9));
                    String[] accounts = strings(rs.getArray(10));
                    Object[] dates = objects(rs.getArray(11));
                    Object[] amounts = objects(rs.getArray(12));
                    String[] currencies = strings(rs.getArray(13));
                    String[] types = strings(rs.getArray(14));
                    for (int i = 0; i < ids.length; i++) {
                        recent.add(new Deal(ids[i], accounts[i], ((java.sql.Date) dates[i]).toLocalDate(),
                                (BigDecimal) amounts[i], currencies[i], types[i]));
                    }
                    return new Mine(figures, List.copyOf(recent), List.copyOf(mix));
                })
                .optional().orElseGet(() -> new Mine(Figures.empty(personId), List.of(), List.of()));
    }

    private static String[] strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Object[] objects(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
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
