package org.attain.engine.plan;

import org.attain.engine.cel.PeriodCondition;
import org.attain.engine.money.Money;
import org.attain.engine.time.DateRange;

/**
 * What every component has: the measure it reads, an optional period gate ({@code when} on
 * attainment etc.), caps and floors, and a date window on deals. Null means "not set".
 */
public record ComponentBasics(String id, String measure, PeriodCondition gate, Money capPerPeriod,
        Money floorPerPeriod, Money capPerDeal, DateRange window) {
}
