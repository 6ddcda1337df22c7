package org.attain.org;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Effective-dated manager history: who reported to whom, and from when until when. */
@Service
public class ReportingLines {

    private final JdbcClient jdbc;

    ReportingLines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** validUntil is exclusive; null means still in force. */
    public record ReportingLine(
            long id,
            long personId,
            String personName,
            String personExternalId,
            String personEmail,
            long managerId,
            String managerName,
            String managerExternalId,
            String managerEmail,
            LocalDate validFrom,
            LocalDate validUntil) {}

    /** Who reported to whom on the given day: one indexed range query. */
    public List<ReportingLine> onDay(LocalDate day, Long personId) {
        return jdbc.sql(SELECT + """
                 where rl.valid_from <= :day and (rl.valid_until is null or rl.valid_until > :day)
                   and (cast(:person as bigint) is null or rl.person_id = cast(:person as bigint))
                 order by rl.manager_id, rl.person_id""")
                .param("day", day)
                .param("person", personId)
                .query(ReportingLine.class)
                .list();
    }

    /** The whole manager history of one person, oldest first. */
    public List<ReportingLine> historyOf(long personId) {
        return jdbc.sql(SELECT + " where rl.person_id = :person order by rl.valid_from")
                .param("person", personId)
                .query(ReportingLine.class)
                .list();
    }

    /** Everyone who was ever a manager above one of these people, directly or not, at any time. */
    public List<Long> everManagerAbove(java.util.Collection<Long> people) {
        return jdbc.sql("""
                with recursive up(id) as (
                    select manager_id from reporting_line where person_id = any(:ids)
                    union
                    select r.manager_id from reporting_line r join up on r.person_id = up.id)
                select id from up""")
                .param("ids", people.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private static final String SELECT = """
            select rl.id, rl.person_id, p.first_name || ' ' || p.last_name as person_name,
                   p.external_id as person_external_id, p.email as person_email,
                   rl.manager_id, m.first_name || ' ' || m.last_name as manager_name,
                   m.external_id as manager_external_id, m.email as manager_email, rl.valid_from, rl.valid_until
            from reporting_line rl join person p on p.id = rl.person_id join person m on m.id = rl.manager_id
            """;
}
