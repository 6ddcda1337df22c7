package org.attain.calc;

import java.util.Set;
import java.util.TreeSet;
import org.attain.calcinputs.PayInputsChanged;
import org.attain.org.ReportingLines;
import org.attain.sales.TransactionsChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The one place a recalculation is asked for: keeps results current as their inputs change, recomputing
 * exactly the people a change names once it has committed (or at once when it was published outside a
 * transaction), so a new deal, quota or adjustment is on the rep's statement moments after it arrives.
 */
@Component
class RecalculateOnChange {

    private final CalcRuns runs;
    private final RunLauncher launcher;
    private final ReportingLines reportingLines;
    private final org.attain.plan.Plans plans;

    RecalculateOnChange(
            CalcRuns runs, RunLauncher launcher, ReportingLines reportingLines, org.attain.plan.Plans plans) {
        this.plans = plans;
        this.runs = runs;
        this.launcher = launcher;
        this.reportingLines = reportingLines;
    }

    // NOT_SUPPORTED: after the commit the finished transaction is still bound to the thread, and a run
    // writing through it would be invisible to the run's own COPY connections.
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(TransactionsChanged change) {
        if (change.personIds().isEmpty()) {
            return;
        }
        String trigger = change.importId() > 0
                ? CalcRuns.importTrigger(change.importId()) + "of transactions"
                : "transactions changed";
        // The deals' own people first, in a small run that takes a moment, so their statements are current
        // at once; then the managers up the line, paid on those deals through roll-up credit, whose runs read
        // their whole subtree's deals (the CRO's: the company's) and take longer.
        Set<Long> owners = new TreeSet<>(change.personIds());
        runs.runFor(owners, trigger, "import");
        Set<Long> managers = new TreeSet<>(reportingLines.everManagerAbove(change.personIds()));
        managers.removeAll(owners);
        // Managers never on a plan have no results to update: no run (and no wait in the POST) for them.
        managers.retainAll(plans.everAssigned(managers));
        if (!managers.isEmpty()) {
            runs.runFor(managers, trigger + " (managers' roll-up)", "import");
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(PayInputsChanged change) {
        if (change.personIds().isEmpty()) {
            return;
        }
        if (change.inBackground()) {
            launcher.launchFor(change.personIds(), change.reason(), change.actor());
        } else {
            runs.runFor(change.personIds(), change.reason(), change.actor());
        }
    }
}
