package org.attain.quota;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.plan.CompiledPlan;
import org.attain.org.Teams;
import org.attain.plan.Plans;
import org.attain.sales.TransactionsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A deal counts toward its owner's pod, so when transactions change, the owners' pod mates are paid on
 * a changed pod total too: say so (the owners themselves are recalculated by calc).
 * Does nothing while no plan pays on pod attainment.
 */
@Component
class PodMatesRecalculation {

    private final Plans plans;
    private final Teams teams;
    private final ApplicationEventPublisher events;

    PodMatesRecalculation(Plans plans, Teams teams, ApplicationEventPublisher events) {
        this.plans = plans;
        this.teams = teams;
        this.events = events;
    }

    // NOT_SUPPORTED, as in calc: after the commit the finished transaction is still bound to the thread,
    // and an event published inside it would wait for a commit that has already happened.
    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(TransactionsChanged change) {
        if (change.personIds().isEmpty() || !somePlanPaysOnPods()) {
            return;
        }
        Set<Long> mates = mates(change.personIds(), teams.memberships());
        mates.removeAll(change.personIds());
        if (!mates.isEmpty()) {
            events.publishEvent(new PodTotalsChanged(mates, "pod mates' transactions changed", "import"));
        }
    }

    private record Known(List<Long> versionIds, boolean paysOnPods) {}

    private volatile Known known;

    /**
     * Whether the latest version of some plan pays on pods. Published versions never change, so the
     * answer is kept until another version is published rather than compiling every plan per import.
     */
    private boolean somePlanPaysOnPods() {
        List<Long> ids =
                plans.latestVersions().stream().map(Plans.PlanVersion::id).toList();
        Known k = known;
        if (k == null || !k.versionIds().equals(ids)) {
            k = new Known(ids, plans.compiledLatest().stream().anyMatch(CompiledPlan::paysOnPods));
            known = k;
        }
        return k.paysOnPods();
    }

    /** Everyone who shared a team with one of {@code people} at some time (a superset is harmless). */
    static Set<Long> mates(Set<Long> people, List<Teams.Membership> memberships) {
        Set<Long> teamIds = new TreeSet<>();
        for (Teams.Membership m : memberships) {
            if (people.contains(m.personId())) {
                teamIds.add(m.teamId());
            }
        }
        Set<Long> mates = new TreeSet<>();
        for (Teams.Membership m : memberships) {
            if (teamIds.contains(m.teamId())) {
                mates.add(m.personId());
            }
        }
        return mates;
    }
}
