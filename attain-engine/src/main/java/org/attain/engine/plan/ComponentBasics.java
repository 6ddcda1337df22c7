package org.attain.engine.plan;

import org.attain.engine.cel.PeriodCondition;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;

/**
 * What every component has: the measure it reads, an optional period gate ({@code when} on
 * attainment etc.), caps and floors, a date window on deals, and {@code pod} when the component is paid
 * on the pod's attainment instead of the payee's own. Null means "not set".
 */
public record ComponentBasics(
        String id,
        String measure,
        PeriodCondition gate,
        Money capPerPeriod,
        Money floorPerPeriod,
        Money capPerDeal,
        DateRange window,
        PodTerms pod)
        implements java.io.Serializable {

    /** A component on the payee's own attainment. */
    public ComponentBasics(
            String id,
            String measure,
            PeriodCondition gate,
            Money capPerPeriod,
            Money floorPerPeriod,
            Money capPerDeal,
            DateRange window) {
        this(id, measure, gate, capPerPeriod, floorPerPeriod, capPerDeal, window, null);
    }
}
