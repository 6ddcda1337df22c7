package org.attain.payout;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** A manual adjustment was added for these people (paid by the engine like any other line). */
public record AdjustmentsChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public AdjustmentsChanged {
        personIds = Set.copyOf(personIds);
    }
}
