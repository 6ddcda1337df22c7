package org.attain.territory.balance;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/** A territory accounts can be placed in (a problem fact); carries the run's bands for the score. */
final class BalanceTerritory {

    @PlanningId
    private final String id;

    private final int index;
    private final Bands bands;

    BalanceTerritory(String id, int index, Bands bands) {
        this.id = id;
        this.index = index;
        this.bands = bands;
    }

    String id() {
        return id;
    }

    int index() {
        return index;
    }

    Bands bands() {
        return bands;
    }

    @Override
    public String toString() {
        return id;
    }
}
