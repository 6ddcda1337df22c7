package org.attain.activity;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.org.PersonScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Daily activity per person and kind ({@code activity_daily}), the one place tiles, team tables and
 * the dashboard count activity from. Days are calendar days in the application clock's zone, the
 * same days the home page's date ranges mean. Captures refresh the days they touch; rows other
 * writers insert (demo data, bulk loads) are caught up by id watermark before each read.
 */
@Service
public class ActivitySummaries {

    /** A person's day: the unit a summary row is rebuilt in. */
    public record PersonDay(long personId, LocalDate day) {}

    /** Activity of one person in one period (a day or the Monday a week starts on) and kind. */
    public record Summary(long personId, String name, LocalDate period, String kind, long activities, long minutes) {}

    public record KindCount(String kind, long count) {}

    public enum Grain {
        DAY,
        WEEK
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ZoneId zone;

    ActivitySummaries(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(txManager);
        this.zone = clock.getZone();
    }

    PersonDay dayOf(long personId, Instant at) {
        return new PersonDay(personId, at.atZone(zone).toLocalDate());
    }

    /** Rebuilds the summary rows of the given person-days from the activity rows. */
    void refresh(Collection<PersonDay> days) {
        if (days.isEmpty()) {
            return;
        }
        Long[] people = days.stream().map(PersonDay::personId).toArray(Long[]::new);
        Date[] dates = days.stream().map(d -> Date.valueOf(d.day())).toArray(Date[]::new);
        jdbc.sql("""
                delete from activity_daily d using unnest(cast(:people as bigint[]), cast(:days as date[])) as x(person_id, day)
                where d.person_id = x.person_id and d.day = x.day""").param("people", people).param("days", dates).update();
        jdbc.sql("""
                insert into activity_daily(person_id, day, kind, activities, minutes)
                select a.person_id, x.day, a.kind, count(*), coalesce(sum(a.duration_minutes), 0)
                from (select distinct * from unnest(cast(:people as bigint[]), cast(:days as date[]))) as x(person_id, day)
                join activity a on a.person_id = x.person_id
                     and a.occurred_at >= cast(x.day as timestamp) at time zone :zone
                     and a.occurred_at < cast(x.day + 1 as timestamp) at time zone :zone
                group by a.person_id, x.day, a.kind""")
                .param("people", people)
                .param("days", dates)
                .param("zone", zone.getId())
                .update();
    }

    /**
     * Brings the summary up to date with activity rows inserted by anything other than
     * {@link ActivityCapture}. The watermark row is locked so two readers do not rebuild twice.
     */
    public void catchUp() {
        long newest = jdbc.sql("select coalesce(max(id), 0) from activity")
                .query(Long.class)
                .single();
        long mark = jdbc.sql("select last_activity from activity_daily_watermark where id = 1")
                .query(Long.class)
                .single();
        if (newest <= mark) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            long locked = jdbc.sql("select last_activity from activity_daily_watermark where id = 1 for update")
                    .query(Long.class)
                    .single();
            long top = jdbc.sql("select coalesce(max(id), 0) from activity")
                    .query(Long.class)
                    .single();
            if (top <= locked) {
                return;
            }
            List<PersonDay> days = jdbc.sql("""
                    select distinct person_id, cast(occurred_at at time zone :zone as date) from activity
                    where id > :from and id <= :to""")
                    .param("zone", zone.getId())
                    .param("from", locked)
                    .param("to", top)
                    .query((rs, n) -> new PersonDay(rs.getLong(1), rs.getObject(2, LocalDate.class)))
                    .list();
            refresh(days);
            jdbc.sql("update activity_daily_watermark set last_activity = :top where id = 1")
                    .param("top", top)
                    .update();
        });
    }

    /** Activity of the people in scope between two days (both included), per person, period and kind. */
    public List<Summary> summaries(PersonScope scope, LocalDate from, LocalDate to, Grain grain) {
        catchUp();
        String period = grain == Grain.WEEK ? "cast(date_trunc('week', d.day) as date)" : "d.day";
        // Names come from the person table: a read-only join, like the other read models of the home pages.
        return jdbc.sql("""
                select d.person_id, p.first_name || ' ' || p.last_name as name, %s as period, d.kind,
                       sum(d.activities) as activities, sum(d.minutes) as minutes
                from activity_daily d join org_person_v p on p.id = d.person_id
                where d.day between :from and :to and (cast(:ids as bigint[]) is null or d.person_id = any(cast(:ids as bigint[])))
                group by d.person_id, p.first_name, p.last_name, 3, d.kind
                order by name, period, d.kind""".formatted(period))
                .param("from", from)
                .param("to", to)
                .param("ids", scope.idsOrNull())
                .query(Summary.class)
                .list();
    }

    /** A person's activity count per kind between two days (both included), kinds in alphabetical order. */
    public List<KindCount> mix(long personId, LocalDate from, LocalDate to) {
        catchUp();
        return jdbc.sql("""
                select kind, sum(activities) as count from activity_daily
                where person_id = :p and day between :from and :to group by kind order by kind""")
                .param("p", personId)
                .param("from", from)
                .param("to", to)
                .query(KindCount.class)
                .list();
    }

    /** Total activity per person between two days (both included); people without activity map to 0. */
    public Map<Long, Long> totals(Collection<Long> personIds, LocalDate from, LocalDate to) {
        catchUp();
        Map<Long, Long> totals = new TreeMap<>();
        personIds.forEach(id -> totals.put(id, 0L));
        jdbc.sql("""
                select person_id, sum(activities) from activity_daily
                where person_id = any(:ids) and day between :from and :to group by person_id""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    totals.put(rs.getLong(1), rs.getLong(2));
                });
        return totals;
    }
}
