package org.attain.calc;

import java.util.Set;
import java.util.TreeSet;
import org.attain.sales.TransactionsChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps results current as transactions change: recomputes exactly the people an import touched,
 * once the import has committed (or at once when it was published outside a transaction), so a
 * new deal is on the rep's statement moments after it arrives.
 */
@Component
class RecalculateOnChange {

    private final CalcRuns runs;
    private final JdbcClient jdbc;

    RecalculateOnChange(CalcRuns runs, JdbcClient jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    // NOT_SUPPORTED: after the commit the finished transaction is still bound to the thread, and a run
    // writing through it would be invisible to the run's own COPY connections.
    @TransactionalEventListener(fallbackExecution = true)
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void on(TransactionsChanged change) {
        if (!change.personIds().isEmpty()) {
            Set<Long> people = new TreeSet<>(change.personIds());
            // Managers up the line are paid on their reports' deals through roll-up credit.
            people.addAll(jdbc.sql("""
                    with recursive up(id) as (
                        select manager_id from reporting_line where person_id = any(:ids)
                        union
                        select r.manager_id from reporting_line r join up on r.person_id = up.id)
                    select id from up""").param("ids", change.personIds().toArray(Long[]::new)).query(Long.class).list());
            runs.runFor(people, "transactions changed", "import");
        }
    }
}
