package org.attain.fx;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/** FX rates changed; these are the people booking in the currencies concerned. */
public record FxRatesChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public FxRatesChanged {
        personIds = Set.copyOf(personIds);
    }
}
