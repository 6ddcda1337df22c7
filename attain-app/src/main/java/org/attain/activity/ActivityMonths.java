package org.attain.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Activities per person, calendar month and kind over a date range, for trends (one statement per set of people). */
@Service
public class ActivityMonths {

    private final JdbcClient jdbc;

    ActivityMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many activities of one kind (CALL, EMAIL, MEETING, WEBINAR) a person logged in one month (its first day). */
    public record PersonMonth(long personId, LocalDate month, String kind, long count) {}

    /** Activities on days [from, to] per person, month and kind; months without any left out. */
    public List<PersonMonth> byMonth(Collection<Long> personIds, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select person_id, cast(date_trunc('month', occurred_at) as date), kind, count(*) from activity
                where person_id = any(:ids) and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by 1, 2, 3 order by 1, 2, 3""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new PersonMonth(
                        rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
