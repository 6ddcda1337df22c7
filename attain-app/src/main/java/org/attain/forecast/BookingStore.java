package org.attain.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Won bookings as the statistical forecast reads them: sales' published {@code sales_booking_v} (won transactions by
 * owner, close date, amount and currency) with org's {@code org_person_v} for an owner's region and team.
 */
@Repository
class BookingStore {

    /** Won bookings of one owner (0 when summed over owners) on one day (or the first of a month) in one currency. */
    record Booked(long ownerId, LocalDate day, String currency, BigDecimal amount) {}

    private final JdbcClient jdbc;

    BookingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Won bookings per month and currency, closing in [from, to]; of the owners in one region when regionId is set. */
    List<Booked> monthly(Long regionId, LocalDate from, LocalDate to) {
        String region =
                regionId == null ? "" : " and b.owner_id in (select id from org_person_v where region_id = :region)";
        var sql = jdbc.sql("""
                select cast(date_trunc('month', b.close_date) as date), b.currency, sum(b.amount) from sales_booking_v b
                where b.status = 'won' and b.close_date between :from and :to""" + region + """

                group by 1, 2 order by 1, 2""").param("from", from).param("to", to);
        if (regionId != null) {
            sql = sql.param("region", regionId);
        }
        return sql.query((rs, n) ->
                        new Booked(0, rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBigDecimal(3)))
                .list();
    }

    /** Won bookings per owner, day and currency of these owners, closing in [from, to]. */
    List<Booked> daily(Collection<Long> owners, LocalDate from, LocalDate to) {
        if (owners.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select b.owner_id, b.close_date, b.currency, sum(b.amount) from sales_booking_v b
                where b.status = 'won' and b.owner_id = any(:owners) and b.close_date between :from and :to
                group by 1, 2, 3 order by 1, 2, 3""")
                .param("owners", owners.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Booked(
                        rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Each person's current region (people without one left out). */
    Map<Long, Long> regions() {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select id, region_id from org_person_v where region_id is not null")
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /** The current members of a team. */
    List<Long> members(long teamId) {
        return jdbc.sql("select id from org_person_v where team_id = :team and employment_end is null order by id")
                .param("team", teamId)
                .query(Long.class)
                .list();
    }
}
