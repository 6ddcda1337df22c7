package org.attain.org;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** People, reporting lines or teams changed in a way that may move these people's pay. */
public record OrgChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public OrgChanged {
        personIds = Set.copyOf(personIds);
    }
}
