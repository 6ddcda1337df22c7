package org.attain.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Sales' public reads for dashboards, analytics, reports and integrations: bookings, pipeline and
 * recent deals per owner, bookings per region, and id look-ups of accounts and opportunities. Each
 * answers a whole set of people in one statement, so no page asks per row. Rows are mapped by hand, in
 * select order: the generic record mapper pays a driver exception per camel-case field and row.
 *
 * <p>Sales also publishes the view {@code sales_booking_v} (migration .90: owner, status, close date,
 * amount and currency of each transaction) for reports that total bookings per team in one statement.
 */
@Service
public class SalesFigures {

    private final JdbcClient jdbc;

    SalesFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An owner's won bookings and deal count over a date range (in the deals' currency, as booked), the
     * lowest currency of any of their deals in the range ({@code null} with none) and their open pipeline.
     */
    public record OwnerFigures(long ownerId, BigDecimal bookings, String currency, long deals, BigDecimal pipeline) {}

    public record Deal(
            String externalId,
            String account,
            LocalDate closeDate,
            BigDecimal amount,
            String currency,
            String dealType) {}

    /** {@link OwnerFigures} of one owner with their most recent won deals, newest first. */
    public record OwnerDetail(OwnerFigures figures, List<Deal> recentDeals) {}

    public record RegionBookings(String region, String currency, BigDecimal bookings, long deals) {}

    /** Won bookings of one account in one currency (as booked). */
    public record AccountBookings(long accountId, String currency, BigDecimal bookings) {}

    /** The potential of the accounts one person owns, in one currency (accounts without a potential left out). */
    public record OwnerPotential(long ownerId, String currency, BigDecimal potential) {}

    /** Account potential summed per owner and currency, for the given owners. */
    public List<OwnerPotential> potentialByOwner(Collection<Long> ownerIds) {
        return jdbc.sql("""
                select owner_id, potential_currency, sum(potential) from account
                where owner_id = any(:ids) and potential is not null
                group by owner_id, potential_currency order by owner_id, potential_currency""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .query((rs, n) -> new OwnerPotential(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Won bookings per account and currency, closing dates in [from, to] (both included); accounts without any are left out. */
    public List<AccountBookings> wonByAccount(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select account_id, currency, sum(amount) from sales_transaction
                where status = 'won' and account_id is not null and close_date between :from and :to
                group by account_id, currency order by account_id, currency""")
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new AccountBookings(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Figures of each of the owners (closing dates in [from, to], both included). */
    public Map<Long, OwnerFigures> byOwner(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        Map<Long, OwnerFigures> out = new HashMap<>();
        jdbc.sql("""
                select o.id,
                       coalesce((select sum(t.amount) from sales_transaction t
                                 where t.owner_id = o.id and t.status = 'won' and t.close_date between :from and :to), 0),
                       (select min(t.currency) from sales_transaction t
                         where t.owner_id = o.id and t.close_date between :from and :to),
                       (select count(*) from sales_transaction t
                         where t.owner_id = o.id and t.status = 'won' and t.close_date between :from and :to),
                       coalesce((select sum(p.amount) from opportunity p
                                 where p.owner_id = o.id and p.stage not in ('Closed Won', 'Closed Lost')), 0)
                from (select distinct unnest(cast(:ids as bigint[])) as id) o""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.put(
                            rs.getLong(1),
                            new OwnerFigures(
                                    rs.getLong(1),
                                    rs.getBigDecimal(2),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getBigDecimal(5)));
                });
        return out;
    }

    /**
     * {@link #byOwner} and the {@code deals} most recent won deals of one owner in one statement (the
     * range's transactions read in one index scan).
     *
     * <p>The recent deals are ordered by date and id, but the owner's index is by date only: sorting by
     * both made PostgreSQL fetch at least 32 of the owner's won rows from the table (one page each) to
     * keep 8, most of this statement's cost. The n-th most recent date, read from the index alone (status
     * is in it), bounds the rows fetched to the last few days' deals, ties included; the result is the
     * same. That date is looked for in the year up to {@code to} first: the table is partitioned by month,
     * and an unbounded look read every month's index (on the full preset the dashboard's PostgreSQL time per
     * request went from 0.45 to 1.22 ms). An owner with fewer won deals in that year is read without the
     * bound, as before, so the deals shown are the same.
     */
    public OwnerDetail ofOwner(long ownerId, LocalDate from, LocalDate to, int deals) {
        // The number of deals is written into the statement, not bound: with LIMIT as a parameter PostgreSQL
        // cannot cost the cached generic plan (3.5 times the custom plan's estimate), so it planned the statement
        // anew on every home page (0.45 ms, more than running it) instead of reusing one plan.
        return jdbc.sql("""
                select coalesce(q.bookings, 0), q.currency, coalesce(q.deals, 0),
                       coalesce((select sum(o.amount) from opportunity o
                                 where o.owner_id = :p and o.stage not in ('Closed Won', 'Closed Lost')), 0),
                       d.ids, d.accounts, d.dates, d.amounts, d.currencies, d.types
                from (
                    select sum(t.amount) filter (where t.status = 'won') as bookings, min(t.currency) as currency,
                           count(*) filter (where t.status = 'won') as deals
                    from sales_transaction t where t.owner_id = :p and t.close_date between :from and :to) q
                cross join lateral (
                    select array_agg(r.external_id order by r.n) as ids, array_agg(r.account order by r.n) as accounts,
                           array_agg(r.close_date order by r.n) as dates, array_agg(r.amount order by r.n) as amounts,
                           array_agg(r.currency order by r.n) as currencies, array_agg(r.deal_type order by r.n) as types
                    from (select t.external_id, a.name as account, t.close_date, t.amount, t.currency, t.deal_type,
                                 row_number() over (order by t.close_date desc, t.id desc) as n
                          from sales_transaction t left join account a on a.id = t.account_id
                          where t.owner_id = :p and t.status = 'won'
                            and t.close_date >= coalesce((select s.close_date from sales_transaction s
                                                          where s.owner_id = :p and s.status = 'won' and s.close_date >= :since
                                                          order by s.close_date desc offset %1$d limit 1), '-infinity')
                          order by t.close_date desc, t.id desc limit %2$d) r) d""".formatted(Math.max(deals, 1) - 1, deals))
                .param("p", ownerId)
                .param("from", from)
                .param("to", to)
                .param("since", to.minusYears(1))
                .query((rs, n) -> {
                    OwnerFigures figures = new OwnerFigures(
                            ownerId, rs.getBigDecimal(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4));
                    List<Deal> recent = new java.util.ArrayList<>();
                    String[] ids = strings(rs.getArray(5));
                    String[] accounts = strings(rs.getArray(6));
                    Object[] dates = objects(rs.getArray(7));
                    Object[] amounts = objects(rs.getArray(8));
                    String[] currencies = strings(rs.getArray(9));
                    String[] types = strings(rs.getArray(10));
                    for (int i = 0; i < ids.length; i++) {
                        recent.add(new Deal(
                                ids[i],
                                accounts[i],
                                ((java.sql.Date) dates[i]).toLocalDate(),
                                (BigDecimal) amounts[i],
                                currencies[i],
                                types[i]));
                    }
                    return new OwnerDetail(figures, List.copyOf(recent));
                })
                .single();
    }

    private static String[] strings(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static Object[] objects(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    /** Won bookings closed in [from, to] per region of the owner (org's {@code org_person_v}), by region name. */
    public List<RegionBookings> bookingsByOwnerRegion(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(r.name, '-') as region, t.currency, sum(t.amount) as bookings, count(*) as deals
                from sales_transaction t join org_person_v p on p.id = t.owner_id left join region r on r.id = p.region_id
                where t.status = 'won' and t.close_date between :from and :to
                group by r.name, t.currency order by r.name""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new RegionBookings(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    /** An amount of one owner on one day in one currency (as booked), with how many rows made it. */
    public record DailyMoney(long ownerId, LocalDate day, String currency, BigDecimal amount, long count) {}

    /**
     * Pipeline created: the amounts of the opportunities the owners created on days in [from, to] (both included),
     * whatever their stage now, per owner, creation day and currency (for conversion on the day).
     */
    public List<DailyMoney> createdByOwner(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return daily("""
                select owner_id, created_on, currency, sum(amount), count(*) from opportunity
                where owner_id = any(:ids) and created_on between :from and :to
                group by owner_id, created_on, currency order by owner_id, created_on, currency""", ownerIds, from, to);
    }

    /** Won bookings per owner, closing day and currency (closing dates in [from, to], both included). */
    public List<DailyMoney> wonByOwnerAndDay(Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return daily("""
                select owner_id, close_date, currency, sum(amount), count(*) from sales_transaction
                where owner_id = any(:ids) and status = 'won' and close_date between :from and :to
                group by owner_id, close_date, currency order by owner_id, close_date, currency""", ownerIds, from, to);
    }

    /** The pipeline open now per owner and currency (opportunities not closed), as one row per owner and currency. */
    public List<DailyMoney> openPipelineByOwner(Collection<Long> ownerIds, LocalDate day) {
        return jdbc.sql("""
                select owner_id, currency, sum(amount), count(*) from opportunity
                where owner_id = any(:ids) and stage not in ('Closed Won', 'Closed Lost')
                group by owner_id, currency order by owner_id, currency""")
                .param("ids", ownerIds.toArray(Long[]::new))
                .query((rs, n) ->
                        new DailyMoney(rs.getLong(1), day, rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    private List<DailyMoney> daily(String sql, Collection<Long> ownerIds, LocalDate from, LocalDate to) {
        return jdbc.sql(sql)
                .param("ids", ownerIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new DailyMoney(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getBigDecimal(4),
                        rs.getLong(5)))
                .list();
    }

    /** Ids of accounts by external id; where two sources use one external id, {@code source}'s wins. */
    public Map<String, Long> accountIds(String source, Set<String> externalIds) {
        return ids("account", source, externalIds);
    }

    /** Ids of opportunities by external id; where two sources use one external id, {@code source}'s wins. */
    public Map<String, Long> opportunityIds(String source, Set<String> externalIds) {
        return ids("opportunity", source, externalIds);
    }

    private Map<String, Long> ids(String table, String source, Set<String> externalIds) {
        Map<String, Long> ids = new HashMap<>();
        if (externalIds.isEmpty()) {
            return ids;
        }
        // Ordered so the preferred source's row comes last and wins the map.
        jdbc.sql("select external_id, id from " + table + " where external_id = any(:v) order by (source = :source)")
                .param("v", externalIds.toArray(String[]::new))
                .param("source", source)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    /** The account with this external id, {@code source}'s first when two sources use it. */
    public Optional<Long> accountId(String externalId, String source) {
        return jdbc.sql("select id from account where external_id = :id order by (source = :s) desc limit 1")
                .param("id", externalId)
                .param("s", source)
                .query(Long.class)
                .optional();
    }

    public boolean accountExists(String source, String externalId) {
        return jdbc.sql("select exists(select 1 from account where source = :s and external_id = :id)")
                .param("s", source)
                .param("id", externalId)
                .query(Boolean.class)
                .single();
    }

    public boolean opportunityExists(String source, String externalId) {
        return jdbc.sql("select exists(select 1 from opportunity where source = :s and external_id = :id)")
                .param("s", source)
                .param("id", externalId)
                .query(Boolean.class)
                .single();
    }
}
