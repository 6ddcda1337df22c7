package org.attain.quota;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/**
 * Target incentives (or base salaries) changed for these people: plans paying shares of the target incentive
 * pay them differently. An edit on the page answers first and the results follow ({@code inBackground}); an
 * import's recalculation belongs to the import.
 */
public record TargetIncentivesChanged(Set<Long> personIds, String reason, String actor, boolean inBackground)
        implements PayInputsChanged {

    public TargetIncentivesChanged {
        personIds = Set.copyOf(personIds);
    }
}
