package org.attain.objectives;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** Objective scores of these people changed: their MBO pay follows once the change has committed. */
public record ObjectiveScoresChanged(Set<Long> personIds, String reason, String actor, boolean inBackground)
        implements PayInputsChanged {

    public ObjectiveScoresChanged {
        personIds = Set.copyOf(personIds);
    }
}
