package org.attain.territory.balance;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * An account the solver places (the planning entity). Locked and named accounts are pinned: the solver never
 * changes their territory. {@code current} is where it is today (null: nowhere), to count moves.
 */
@PlanningEntity
class BalanceAccount {

    @PlanningId
    private String id;
    /** The chosen metrics' values, scaled by 10^4, in the order of the run's metrics. */
    private long[] values;

    private BalanceTerritory current;
    private BalanceTerritory lockedTo;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable
    private BalanceTerritory territory;

    /** For the solver's planning clone. */
    BalanceAccount() {}

    BalanceAccount(
            String id,
            long[] values,
            BalanceTerritory current,
            BalanceTerritory lockedTo,
            boolean pinned,
            BalanceTerritory territory) {
        this.id = id;
        this.values = values;
        this.current = current;
        this.lockedTo = lockedTo;
        this.pinned = pinned;
        this.territory = territory;
    }

    BalanceAccount copy() {
        return new BalanceAccount(id, values, current, lockedTo, pinned, territory);
    }

    /** The same account starting in another territory (the repair's start for the search). */
    BalanceAccount startingIn(BalanceTerritory start) {
        return new BalanceAccount(id, values, current, lockedTo, pinned, start);
    }

    String id() {
        return id;
    }

    long[] values() {
        return values;
    }

    BalanceTerritory current() {
        return current;
    }

    BalanceTerritory lockedTo() {
        return lockedTo;
    }

    boolean pinned() {
        return pinned;
    }

    BalanceTerritory territory() {
        return territory;
    }

    boolean moved() {
        return current != null && territory != current;
    }

    boolean lockBroken() {
        return lockedTo != null && territory != lockedTo;
    }

    @Override
    public String toString() {
        return id + "@" + territory;
    }
}
