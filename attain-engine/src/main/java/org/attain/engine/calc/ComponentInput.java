package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.List;
import org.attain.engine.cel.PeriodFacts;
import org.attain.engine.credit.Credit;
import org.attain.engine.model.PersonId;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.Component;
import org.attain.engine.time.PeriodId;

/**
 * Everything one component needs for one payee-period. {@code quota} is for the component's measure
 * (null: none set); {@code toDate} is set only for cumulative components; {@code targetIncentives} is read by
 * curves that pay shares of the payee's target incentive.
 */
record ComponentInput(
        CompiledPlan plan,
        Component component,
        PersonId payee,
        PeriodId period,
        List<Credit> credits,
        BigDecimal measureTotal,
        BigDecimal quota,
        PeriodFacts facts,
        ToDate toDate,
        KpiBook kpis,
        TargetIncentiveBook targetIncentives)
        implements java.io.Serializable {

    ComponentInput {
        targetIncentives = targetIncentives == null ? TargetIncentiveBook.NONE : targetIncentives;
    }

    /** An input for a component that pays no share of a target incentive (pods). */
    ComponentInput(
            CompiledPlan plan,
            Component component,
            PersonId payee,
            PeriodId period,
            List<Credit> credits,
            BigDecimal measureTotal,
            BigDecimal quota,
            PeriodFacts facts,
            ToDate toDate,
            KpiBook kpis) {
        this(plan, component, payee, period, credits, measureTotal, quota, facts, toDate, kpis, null);
    }

    /** Bookings and quota of the earlier periods of a quarter/year to date, and the quota through this one. */
    record ToDate(BigDecimal earlierBookings, BigDecimal earlierQuota, BigDecimal quotaThroughNow, String periods)
            implements java.io.Serializable {}
}
