package org.attain.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Activity's public reads for home pages and team analytics, counted from the logged activities
 * themselves (not the daily summaries, which catch up later): one statement per set of people.
 */
@Service
public class ActivityReads {

    private final JdbcClient jdbc;

    ActivityReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record KindCount(String kind, long count) {}

    /** One person's activities in [from, to] and their mix per kind in [mixFrom, mixTo], kinds in alphabetical order. */
    public record Mine(long activities, List<KindCount> mix) {}

    /** Activities per person on days [from, to]; people without any are left out. */
    public Map<Long, Long> counts(Collection<Long> personIds, LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                select person_id, count(*) from activity
                where person_id = any(:ids) and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by person_id""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /**
     * Activities per account on days [from, to] (a measure of the work an account takes, for territory planning);
     * accounts without any, and activities logged without an account, are left out.
     */
    public Map<Long, Long> countsByAccount(LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                select account_id, count(*) from activity
                where account_id is not null and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by account_id""").param("from", from).param("to", to).query(rs -> {
            out.put(rs.getLong(1), rs.getLong(2));
        });
        return out;
    }

    /** Activities of one kind per person on days [from, to]; people without any are left out. */
    public Map<Long, Long> counts(Collection<Long> personIds, ActivityKind kind, LocalDate from, LocalDate to) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("""
                select person_id, count(*) from activity
                where person_id = any(:ids) and kind = :kind
                  and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by person_id""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("kind", kind.name())
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /**
     * Activities of one kind per person and day on days [from, to], each on its day as {@link #counts} counts it;
     * days without any are left out (what achievement rules such as "10 meetings within 7 days" slide over).
     */
    public Map<Long, Map<LocalDate, Long>> dailyCounts(
            Collection<Long> personIds, ActivityKind kind, LocalDate from, LocalDate to) {
        Map<Long, Map<LocalDate, Long>> out = new HashMap<>();
        jdbc.sql("""
                select person_id, cast(occurred_at as date), count(*) from activity
                where person_id = any(:ids) and kind = :kind
                  and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by 1, 2""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("kind", kind.name())
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getObject(2, LocalDate.class), rs.getLong(3));
                });
        return out;
    }

    /** Activities per person and kind (CALL, EMAIL, MEETING, WEBINAR) on days [from, to]; people without any are left out. */
    public Map<Long, Map<String, Long>> countsByKind(Collection<Long> personIds, LocalDate from, LocalDate to) {
        Map<Long, Map<String, Long>> out = new HashMap<>();
        jdbc.sql("""
                select person_id, kind, count(*) from activity
                where person_id = any(:ids) and occurred_at >= :from and occurred_at < cast(:to as date) + 1
                group by person_id, kind""")
                .param("ids", personIds.toArray(Long[]::new))
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    public Mine mine(long personId, LocalDate from, LocalDate to, LocalDate mixFrom, LocalDate mixTo) {
        return jdbc.sql("""
                select (select count(*) from activity a
                         where a.person_id = :p and a.occurred_at >= :from and a.occurred_at < cast(:to as date) + 1),
                       m.kinds, m.counts
                from (select array_agg(kind order by kind) as kinds, array_agg(n order by kind) as counts
                      from (select kind, count(*) as n from activity
                            where person_id = :p and occurred_at >= :afrom and occurred_at < cast(:ato as date) + 1
                            group by kind) k) m""")
                .param("p", personId)
                .param("from", from)
                .param("to", to)
                .param("afrom", mixFrom)
                .param("ato", mixTo)
                .query((rs, n) -> {
                    List<KindCount> mix = new ArrayList<>();
                    java.sql.Array kinds = rs.getArray(2);
                    java.sql.Array counts = rs.getArray(3);
                    if (kinds != null) {
                        String[] k = (String[]) kinds.getArray();
                        Object[] c = (Object[]) counts.getArray();
                        for (int i = 0; i < k.length; i++) {
                            mix.add(new KindCount(k[i], ((Number) c[i]).longValue()));
                        }
                    }
                    return new Mine(rs.getLong(1), List.copyOf(mix));
                })
                .single();
    }
}
