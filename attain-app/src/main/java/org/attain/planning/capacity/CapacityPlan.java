package org.attain.planning.capacity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Capacity against target for one currency over a range of months: the table's rows per month and fiscal
 * quarter, the total, and what it was computed from (reps counted, of them without a quota, hires, leavers, and
 * the quota plan whose top is the target, null when the target is typed per month).
 */
public record CapacityPlan(
        String currency,
        YearMonth from,
        YearMonth to,
        BigDecimal expectedAttainment,
        int reps,
        int repsWithoutQuota,
        int plannedHires,
        int plannedLeavers,
        List<CapacityModel.Line> months,
        List<CapacityModel.Line> quarters,
        CapacityModel.Line total,
        TargetPlan targetPlan) {

    /** The quota plan the target comes from; {@code settled} false: it is no longer approved, so there is no target. */
    public record TargetPlan(long id, String name, String periodId, String state, BigDecimal target, boolean settled) {}
}
