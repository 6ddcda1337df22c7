package org.attain.plan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Assignments written by the demo seeder, in its transaction, in one statement over org's
 * {@code org_person_v}. No {@link AssignmentsChanged}: the seeder runs the first calculation itself.
 */
@Component
public class PlanBulkLoad {

    private final JdbcClient jdbc;

    PlanBulkLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Assigns every rep the plan {@code <repPrefix><currency>} and every manager {@code <managerPrefix><currency>}
     * (their currency in lower case) over their employment.
     *
     * @return the assignments written
     */
    public int assignRepsAndManagersByCurrency(String repPrefix, String managerPrefix) {
        return jdbc.sql("""
                insert into plan_assignment(person_id, plan_key, valid_from, valid_until)
                select id, case when role_type = 'REP' then :rep else :mgr end || lower(currency),
                       employment_start, employment_end + 1
                from org_person_v where role_type in ('REP', 'MANAGER')""").param("rep", repPrefix).param("mgr", managerPrefix).update();
    }
}
