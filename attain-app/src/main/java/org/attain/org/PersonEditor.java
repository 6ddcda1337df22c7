package org.attain.org;

import java.util.Map;
import org.attain.access.AuditLog;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds people to the org, with their first reporting line and team, and audits it. */
@Service
public class PersonEditor {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    PersonEditor(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    public long create(NewPerson p, String actor) {
        if (p.employmentEnd() != null && p.employmentEnd().isBefore(p.employmentStart())) {
            throw new InvalidInputException(new FieldProblem(
                    "employmentEnd", "person.employmentEnd.beforeStart", "must not be before the employment start"));
        }
        if (exists("select exists(select 1 from person where external_id = :v)", p.externalId())) {
            throw new InvalidInputException(
                    new FieldProblem("externalId", "person.externalId.taken", "is already used by another person"));
        }
        if (exists("select exists(select 1 from person where lower(email) = lower(:v))", p.email())) {
            throw new InvalidInputException(
                    new FieldProblem("email", "person.email.taken", "is already used by another person"));
        }
        if (p.managerId() != null
                && !exists("select exists(select 1 from person where id = cast(:v as bigint))", p.managerId())) {
            throw new InvalidInputException(
                    new FieldProblem("managerId", "person.managerId.unknown", "names no known person"));
        }
        if (p.teamId() != null
                && !exists("select exists(select 1 from team where id = cast(:v as bigint))", p.teamId())) {
            throw new InvalidInputException(new FieldProblem("teamId", "person.teamId.unknown", "names no known team"));
        }
        long id = jdbc.sql("""
                insert into person(external_id, first_name, last_name, email, title, role_type, team_id, region_id,
                                   employment_start, employment_end, currency)
                values (:x, :f, :l, :e, :t, :r, :team, (select region_id from team where id = :team), :s, :end, :cur)
                returning id""")
                .param("x", p.externalId().trim())
                .param("f", p.firstName().trim())
                .param("l", p.lastName().trim())
                .param("e", p.email().trim())
                .param("t", p.title().trim())
                .param("r", p.roleType().name())
                .param("team", p.teamId())
                .param("s", p.employmentStart())
                .param("end", p.employmentEnd())
                .param("cur", p.currency() == null ? "USD" : p.currency())
                .query(Long.class)
                .single();
        if (p.managerId() != null) {
            jdbc.sql("insert into reporting_line(person_id, manager_id, valid_from) values (:p, :m, :from)")
                    .param("p", id)
                    .param("m", p.managerId())
                    .param("from", p.employmentStart())
                    .update();
        }
        if (p.teamId() != null) {
            jdbc.sql("insert into team_membership(team_id, person_id, valid_from) values (:t, :p, :from)")
                    .param("t", p.teamId())
                    .param("p", id)
                    .param("from", p.employmentStart())
                    .update();
        }
        audit.record(
                actor,
                "PERSON_CREATED",
                "person",
                Long.toString(id),
                null,
                Map.of(
                        "externalId",
                        p.externalId(),
                        "name",
                        p.firstName() + " " + p.lastName(),
                        "role",
                        p.roleType().name()));
        return id;
    }

    private boolean exists(String sql, Object value) {
        return jdbc.sql(sql).param("v", value).query(Boolean.class).single();
    }
}
