package org.attain.quota;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/**
 * Quotas (a payee's own, or a team's, which moves its members') changed for these people. An edit on the
 * quota page or API answers first and the results follow ({@code inBackground}); an import's recalculation
 * belongs to the import.
 */
public record QuotasChanged(Set<Long> personIds, String reason, String actor, boolean inBackground)
        implements PayInputsChanged {

    public QuotasChanged {
        personIds = Set.copyOf(personIds);
    }
}
