package org.attain.quota;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** A pod's credited total moved (a pod mate's deals changed): its members are paid on the new total. */
public record PodTotalsChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public PodTotalsChanged {
        personIds = Set.copyOf(personIds);
    }
}
