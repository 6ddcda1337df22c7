package org.attain.territory;

import java.time.LocalDate;
import java.util.Set;
import org.attain.calcinputs.PayInputsChanged;

/**
 * Territories, their rules or their members changed over [from, until) (until null: open): the people whose
 * territory credit may move (members of the territories concerned and owners of the accounts that moved).
 * Published in the writing transaction; calc recalculates after commit.
 */
public record TerritoriesChanged(Set<Long> personIds, LocalDate from, LocalDate until, String reason, String actor)
        implements PayInputsChanged {

    public TerritoriesChanged {
        personIds = Set.copyOf(personIds);
    }

    @Override
    public boolean inBackground() {
        return true;
    }
}
