package org.attain.territory;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/**
 * Deals on accounts a territory claims changed while crediting by territory is on: the territory's owners and
 * overlays (and their managers) are paid on them, so they are recalculated with the change, as its owner is.
 */
public record TerritoryDealsChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public TerritoryDealsChanged {
        personIds = Set.copyOf(personIds);
    }
}
