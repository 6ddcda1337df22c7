package org.attain.territory;

import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/**
 * The territory crediting policy changed: who gets a deal's credit may move for anyone, so everyone is recalculated
 * (in the background). Published in the writing transaction; calc recalculates after commit.
 */
public record TerritoryCreditingChanged(Set<Long> personIds, String reason, String actor) implements PayInputsChanged {

    public TerritoryCreditingChanged {
        personIds = Set.copyOf(personIds);
    }

    @Override
    public boolean inBackground() {
        return true;
    }
}
