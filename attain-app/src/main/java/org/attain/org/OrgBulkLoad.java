package org.attain.org;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A whole company's organisation written at once, in the caller's transaction (the demo seeder's):
 * teams, people, reporting lines and team memberships row by row, each returning what the next one
 * refers to. No {@link OrgChanged} and no org version bump: the seeder runs the first calculation itself.
 */
@Component
public class OrgBulkLoad {

    private final JdbcClient jdbc;

    OrgBulkLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new team's id */
    public long team(String code, String name, Long regionId) {
        return jdbc.sql("insert into team(code, name, region_id) values (:c, :n, :r) returning id")
                .param("c", code)
                .param("n", name)
                .param("r", regionId)
                .query(Long.class)
                .single();
    }

    /** @return the new person's id */
    public long person(
            String externalId,
            String firstName,
            String lastName,
            String email,
            String title,
            RoleType roleType,
            Long regionId,
            Long teamId,
            LocalDate employmentStart,
            LocalDate employmentEnd,
            String currency) {
        return jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, region_id, team_id,
                                   employment_start, employment_end, currency)
                values (:x, :f, :l, :e, :t, :r, :region, :team, :s, :end, :cur) returning id""")
                .param("x", externalId)
                .param("f", firstName)
                .param("l", lastName)
                .param("e", email)
                .param("t", title)
                .param("r", roleType.name())
                .param("region", regionId)
                .param("team", teamId)
                .param("s", employmentStart)
                .param("end", employmentEnd)
                .param("cur", currency)
                .query(Long.class)
                .single();
    }

    /** A reporting line over the half-open range [validFrom, validUntil); validUntil null: open. */
    public void reportingLine(Long personId, Long managerId, LocalDate validFrom, LocalDate validUntil) {
        jdbc.sql("insert into reporting_line(person_id, manager_id, valid_from, valid_until) values (:p, :m, :f, :u)")
                .param("p", personId)
                .param("m", managerId)
                .param("f", validFrom)
                .param("u", validUntil)
                .update();
    }

    /** A team membership over the half-open range [validFrom, validUntil); validUntil null: open. */
    public void membership(Long teamId, Long personId, LocalDate validFrom, LocalDate validUntil) {
        jdbc.sql("insert into team_membership(team_id, person_id, valid_from, valid_until) values (:t, :p, :f, :u)")
                .param("t", teamId)
                .param("p", personId)
                .param("f", validFrom)
                .param("u", validUntil)
                .update();
    }
}
