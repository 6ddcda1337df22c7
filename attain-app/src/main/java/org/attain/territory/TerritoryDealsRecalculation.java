package org.attain.territory;

import java.util.Set;
import java.util.TreeSet;
import org.attain.org.ReportingLines;
import org.attain.sales.TransactionsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * With crediting by territory on, a new or changed deal moves the pay of the territory's owner and overlays too, not
 * only of the deal's owner and split people (whom calc recalculates itself): say so, for the accounts the change
 * touched (before and after) over the close dates it touched. Does nothing while the policy is off.
 */
@Component
class TerritoryDealsRecalculation {

    private final TerritoryCreditingPolicies policies;
    private final TerritoryAssignments assignments;
    private final ReportingLines reportingLines;
    private final ApplicationEventPublisher events;

    TerritoryDealsRecalculation(
            TerritoryCreditingPolicies policies,
            TerritoryAssignments assignments,
            ReportingLines reportingLines,
            ApplicationEventPublisher events) {
        this.policies = policies;
        this.assignments = assignments;
        this.reportingLines = reportingLines;
        this.events = events;
    }

    // NOT_SUPPORTED, as in calc: after the commit the finished transaction is still bound to the thread, and an
    // event published inside it would wait for a commit that has already happened.
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(TransactionsChanged change) {
        if (change.accountIds().isEmpty() || change.earliest() == null) {
            return;
        }
        TerritoryCreditingPolicy policy = policies.current();
        if (!policy.usesTerritories()) {
            return;
        }
        Set<Long> people = new TreeSet<>();
        for (TerritoryAssignments.TerritoryClaim claim :
                assignments.claims(change.earliest(), change.latest().plusDays(1), policy.hierarchyId())) {
            if (change.accountIds().contains(claim.accountId())) {
                claim.members().forEach(m -> people.add(m.personId()));
            }
        }
        if (people.isEmpty()) {
            return;
        }
        // Managers up the line are paid on their reports' territory credit through roll-up credit.
        people.addAll(reportingLines.everManagerAbove(people));
        people.removeAll(change.personIds());
        if (!people.isEmpty()) {
            events.publishEvent(new TerritoryDealsChanged(people, "territory deals changed", "import"));
        }
    }
}
