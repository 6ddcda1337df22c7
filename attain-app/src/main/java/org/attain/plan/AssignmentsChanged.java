package org.attain.plan;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** These people were put on a plan (or their dates on it changed). */
public record AssignmentsChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public AssignmentsChanged {
        personIds = Set.copyOf(personIds);
    }
}
