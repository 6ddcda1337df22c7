package org.attain.calcinputs;

import java.util.Set;

/**
 * What every owner's past-tense event about an input of pay says (quota.QuotasChanged,
 * plan.AssignmentsChanged, org.OrgChanged, fx.FxRatesChanged, payout.AdjustmentsChanged …): whose pay
 * the change moves. Calc listens to this one type and recalculates them once the change has committed;
 * no owner knows how.
 */
public interface PayInputsChanged {

    /** The people whose pay the change may move (an empty set asks for nothing). */
    Set<Long> personIds();

    /** Why, in words for the run list ("quotas changed", "import 12 of people" …). */
    String reason();

    /** Who made the change (a user name, or "import"). */
    String actor();

    /**
     * True when the one who changed it answers first and the results may follow (a bulk edit of quotas
     * on a page); false when the recalculation belongs to the change (an import, an adjustment: their
     * answer already shows the new pay).
     */
    default boolean inBackground() {
        return false;
    }
}
