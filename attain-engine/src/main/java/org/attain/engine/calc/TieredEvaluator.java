package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.plan.Cumulation;
import org.attain.engine.plan.Tier;
import org.attain.engine.plan.TierBasis;
import org.attain.engine.plan.TierMode;
import org.attain.engine.plan.TieredComponent;

/**
 * Tiered components. Per period: walk this period's credits through the tiers. To date: walk them on top
 * of the earlier periods' bookings against the quota to date, and pay the cumulative earnings minus what
 * the earlier periods earned (the true-up), rounding both sides so the periods add up to the cent.
 */
final class TieredEvaluator {

    private TieredEvaluator() {}

    static ComponentEvaluator.Raw evaluate(TieredComponent t, ComponentInput in) {
        List<TraceStep> steps = new ArrayList<>();
        boolean onAttainment = t.basis() == TierBasis.ATTAINMENT;
        boolean toDate = t.cumulation() != Cumulation.PERIOD && in.toDate() != null;
        BigDecimal quota = toDate ? in.toDate().quotaThroughNow() : in.quota();
        BigDecimal periodTotal = in.measureTotal();
        steps.add(new TraceStep(
                "measure",
                t.basics().measure() + " = " + ComponentEvaluator.plain(periodTotal) + " "
                        + in.plan().currency(),
                "trace.words.measure",
                List.of(
                        t.basics().measure(),
                        ComponentEvaluator.plain(periodTotal),
                        in.plan().currency().toString())));
        if (onAttainment && (quota == null || quota.signum() <= 0)) {
            steps.add(new TraceStep(
                    "quota",
                    "no quota for " + in.period() + ": tiers on attainment pay nothing",
                    "trace.words.noQuotaTiers",
                    List.of(in.period().toString())));
            return ComponentEvaluator.raw(BigDecimal.ZERO, List.of(), steps, "tiered", null);
        }
        BigDecimal scale = onAttainment ? quota : BigDecimal.ONE;
        BigDecimal start = toDate ? in.toDate().earlierBookings() : BigDecimal.ZERO;
        BigDecimal end = start.add(periodTotal);
        if (toDate) {
            steps.add(new TraceStep(
                    "to date",
                    in.toDate().periods() + ": bookings " + ComponentEvaluator.plain(end) + ", quota "
                            + ComponentEvaluator.plain(quota),
                    "trace.words.tieredToDate",
                    List.of(
                            String.valueOf(in.toDate().periods()),
                            ComponentEvaluator.plain(end),
                            ComponentEvaluator.plain(quota))));
        } else if (onAttainment) {
            steps.add(new TraceStep(
                    "quota",
                    ComponentEvaluator.plain(quota),
                    "trace.words.quota",
                    List.of(ComponentEvaluator.plain(quota))));
        }
        if (onAttainment) {
            BigDecimal attainment = end.divide(quota, MathContext.DECIMAL128);
            steps.add(new TraceStep(
                    "attainment",
                    ComponentEvaluator.plain(end) + " / " + ComponentEvaluator.plain(quota) + " = "
                            + ComponentEvaluator.display(attainment),
                    "trace.words.attainment",
                    List.of(
                            ComponentEvaluator.plain(end),
                            ComponentEvaluator.plain(quota),
                            ComponentEvaluator.display(attainment))));
        }
        TierKernel kernel = new TierKernel(t.table(), t.mode(), scale);
        TierKernel.Walk walk = kernel.walk(in.credits(), start, end);
        int reached = kernel.tierOf(end);
        if (reached >= 0) {
            Tier tier = t.table().tiers().get(reached);
            steps.add(new TraceStep(
                    "tier",
                    (t.mode() == TierMode.SLAB ? "slab: all bookings at tier " : "marginal: reached tier ")
                            + (reached + 1) + " " + kernel.label(reached),
                    (t.mode() == TierMode.SLAB ? "trace.words.tierSlab" : "trace.words.tierMarginal")
                            + (onAttainment ? "OnAttainment" : ""),
                    List.of(
                            String.valueOf(reached + 1),
                            tier.from().toPlainString(),
                            tier.to() == null ? "∞" : tier.to().toPlainString(),
                            tier.rate().toPlainString())));
        }
        if (!toDate) {
            steps.add(new TraceStep(
                    "tiers",
                    "sum of slices = " + ComponentEvaluator.plain(walk.total()),
                    "trace.words.sumOfSlices",
                    List.of(ComponentEvaluator.plain(walk.total()))));
            return ComponentEvaluator.raw(walk.total(), walk.contributions(), steps, "tiered", null);
        }
        CurrencyUnit currency = in.plan().currency();
        BigDecimal earlierScale = onAttainment ? in.toDate().earlierQuota() : BigDecimal.ONE;
        BigDecimal earlierValue = BigDecimal.ZERO;
        if (start.signum() != 0 && earlierScale != null && earlierScale.signum() > 0) {
            earlierValue = new TierKernel(t.table(), t.mode(), earlierScale).valueAt(start);
        }
        BigDecimal cumulative = kernel.valueAt(end);
        BigDecimal delta = cumulative.subtract(earlierValue);
        BigDecimal rounded = currency.round(cumulative).subtract(currency.round(earlierValue));
        steps.add(new TraceStep(
                "true-up",
                "earned to date " + ComponentEvaluator.plain(cumulative) + " - earned before "
                        + ComponentEvaluator.plain(earlierValue) + " = " + ComponentEvaluator.plain(delta),
                "trace.words.trueUp",
                List.of(
                        ComponentEvaluator.plain(cumulative),
                        ComponentEvaluator.plain(earlierValue),
                        ComponentEvaluator.plain(delta))));
        return ComponentEvaluator.raw(delta, walk.contributions(), steps, "tiered", rounded);
    }
}
