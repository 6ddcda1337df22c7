package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.attain.engine.plan.CurveComponent;
import org.attain.engine.plan.CurvePoint;
import org.attain.engine.plan.CurveTerms;
import org.attain.engine.plan.TierBasis;

/**
 * A curve with terms ({@link CurveTerms}): a threshold, the last point held or extended, and points that pay
 * amounts or shares of the payee's target incentive. Every step is coded ({@code trace.ote.*}) so a statement
 * explains it in the reader's language: attainment, the segment used, the share, x target incentive = amount.
 */
final class TargetIncentiveCurve {

    static final String ATTAINMENT = "trace.ote.attainment";
    static final String BELOW_THRESHOLD = "trace.ote.belowThreshold";
    static final String BELOW_FIRST = "trace.ote.belowFirst";
    static final String SEGMENT = "trace.ote.segment";
    static final String INTERPOLATED = "trace.ote.interpolated";
    static final String HELD = "trace.ote.held";
    static final String EXTENDED = "trace.ote.extended";
    static final String AMOUNT = "trace.ote.amount";
    static final String MISSING = "trace.ote.missing";
    static final String CURRENCY = "trace.ote.currency";
    static final String NO_QUOTA = "trace.ote.noQuota";

    private TargetIncentiveCurve() {}

    static ComponentEvaluator.Raw evaluate(CurveComponent c, ComponentInput in) {
        List<TraceStep> steps = new ArrayList<>();
        BigDecimal x;
        if (c.basis() == TierBasis.AMOUNT) {
            x = in.measureTotal();
        } else {
            // Attainment is the plan's: its quota measure over its quota (as gates read it).
            BigDecimal quota = in.facts().quota();
            BigDecimal measured = in.facts().measures().getOrDefault(in.plan().quotaMeasure(), BigDecimal.ZERO);
            x = quota.signum() <= 0 ? null : in.facts().attainment();
            if (x == null) {
                steps.add(coded(
                        "curve", "no quota for " + in.period() + ": the curve pays nothing", NO_QUOTA, in.period()));
                return raw(BigDecimal.ZERO, steps);
            }
            String shown = ComponentEvaluator.display(x);
            steps.add(coded(
                    "attainment",
                    plain(measured) + " / " + plain(quota) + " = " + shown,
                    ATTAINMENT,
                    plain(measured),
                    plain(quota),
                    shown));
        }
        BigDecimal value = read(c, x, steps);
        if (!c.terms().paysShares()) {
            return raw(value, steps);
        }
        return raw(ofTargetIncentive(value, in, steps), steps);
    }

    /**
     * {@code share} x the payee's target incentive for the period, explained in {@code steps}; 0 (with the reason, and
     * a run issue from {@link #issue}) when the payee has none or it is in another currency than the plan. Curves,
     * bonuses and MBO targets that pay shares all come here.
     */
    static BigDecimal ofTargetIncentive(BigDecimal share, ComponentInput in, List<TraceStep> steps) {
        Optional<TargetIncentiveBook.Found> found = in.targetIncentives().find(in.payee(), in.period());
        if (found.isEmpty()) {
            steps.add(coded(
                    "target incentive",
                    "no target incentive for " + in.payee() + " in " + in.period() + ": pays 0 (see the run's issues)",
                    MISSING,
                    in.payee(),
                    in.period()));
            return BigDecimal.ZERO;
        }
        TargetIncentiveBook.Found target = found.get();
        if (!target.target().currency().equals(in.plan().currency())) {
            steps.add(coded(
                    "target incentive",
                    "the target incentive is in " + target.target().currency() + " but the plan pays in "
                            + in.plan().currency() + ": pays 0 (see the run's issues)",
                    CURRENCY,
                    target.target().currency(),
                    in.plan().currency()));
            return BigDecimal.ZERO;
        }
        BigDecimal amount = share.multiply(target.target().amount());
        steps.add(coded(
                "target incentive",
                "share " + plain(share) + " x target incentive "
                        + plain(target.target().amount()) + " "
                        + target.target().currency() + " = " + plain(amount) + " (" + target.explanation() + ")",
                AMOUNT,
                plain(share),
                plain(target.target().amount()),
                target.target().currency(),
                plain(amount),
                target.explanation()));
        return amount;
    }

    /** The run issue of a curve paying shares of a target incentive the payee does not have (or not in the plan's currency). */
    static Optional<String> issue(ComponentInput in) {
        if (!paysShares(in.component())) {
            return Optional.empty();
        }
        org.attain.engine.plan.Component c = in.component();
        Optional<TargetIncentiveBook.Found> found = in.targetIncentives().find(in.payee(), in.period());
        String where = in.payee() + " " + in.period() + ": component " + c.id() + " of plan "
                + in.plan().id();
        if (found.isEmpty()) {
            return Optional.of(where + " pays a share of the target incentive but " + in.payee()
                    + " has no target incentive for " + in.period() + "; it pays 0");
        }
        if (!found.get().target().currency().equals(in.plan().currency())) {
            return Optional.of(where + " pays in " + in.plan().currency() + " but the target incentive is in "
                    + found.get().target().currency() + "; it pays 0");
        }
        return Optional.empty();
    }

    /** Whether a component pays shares of the target incentive: a share curve, a bonus or an MBO target. */
    static boolean paysShares(org.attain.engine.plan.Component c) {
        return (c instanceof CurveComponent curve && curve.terms().paysShares())
                || (c instanceof org.attain.engine.plan.BonusComponent b && b.share() != null)
                || (c instanceof org.attain.engine.plan.MboComponent m && m.targetShare() != null);
    }

    /** The curve's value at {@code x}: a share, or an amount on a curve of fixed amounts. */
    private static BigDecimal read(CurveComponent c, BigDecimal x, List<TraceStep> steps) {
        List<CurvePoint> points = c.points();
        BigDecimal threshold = c.terms().threshold();
        CurvePoint first = points.get(0);
        CurvePoint last = points.get(points.size() - 1);
        if (threshold != null && x.compareTo(threshold) < 0) {
            steps.add(coded(
                    "curve",
                    plain(x) + " is below the threshold " + threshold.toPlainString() + ": 0",
                    BELOW_THRESHOLD,
                    plain(x),
                    threshold.toPlainString()));
            return BigDecimal.ZERO;
        }
        if (x.compareTo(first.at()) < 0) {
            steps.add(coded(
                    "curve",
                    plain(x) + " is below the first point " + first.at().toPlainString() + ": 0",
                    BELOW_FIRST,
                    plain(x),
                    first.at().toPlainString()));
            return BigDecimal.ZERO;
        }
        if (x.compareTo(last.at()) >= 0 && c.terms().aboveLast() == CurveTerms.AboveLast.HOLD) {
            steps.add(coded(
                    "curve",
                    plain(x) + " is at or above the last point " + last.at().toPlainString() + ": held at "
                            + plain(last.value()),
                    HELD,
                    plain(x),
                    last.at().toPlainString(),
                    plain(last.value())));
            return last.value();
        }
        int i = 0;
        while (i + 2 < points.size() && x.compareTo(points.get(i + 1).at()) >= 0) {
            i++;
        }
        CurvePoint a = points.get(i);
        CurvePoint b = points.get(i + 1);
        BigDecimal into = x.subtract(a.at());
        BigDecimal width = b.at().subtract(a.at());
        BigDecimal rise = b.value().subtract(a.value());
        BigDecimal value = a.value().add(into.multiply(rise).divide(width, MathContext.DECIMAL128));
        if (x.compareTo(last.at()) > 0) {
            steps.add(coded(
                    "curve",
                    plain(x) + " is above the last point " + last.at().toPlainString() + ": the last segment continues",
                    EXTENDED,
                    plain(x),
                    last.at().toPlainString()));
        } else {
            steps.add(coded(
                    "curve",
                    plain(x) + " lies between " + a.at().toPlainString() + " (" + plain(a.value()) + ") and "
                            + b.at().toPlainString() + " (" + plain(b.value()) + ")",
                    SEGMENT,
                    plain(x),
                    a.at().toPlainString(),
                    plain(a.value()),
                    b.at().toPlainString(),
                    plain(b.value())));
        }
        steps.add(coded(
                "share",
                plain(a.value()) + " + (" + plain(into) + " / " + plain(width) + ") x " + plain(rise) + " = "
                        + plain(value),
                INTERPOLATED,
                plain(a.value()),
                plain(into),
                plain(width),
                plain(rise),
                plain(value)));
        return value;
    }

    private static ComponentEvaluator.Raw raw(BigDecimal amount, List<TraceStep> steps) {
        return ComponentEvaluator.raw(amount, List.of(), steps, "curve", null);
    }

    private static TraceStep coded(String step, String detail, String code, Object... args) {
        List<String> texts = new ArrayList<>(args.length);
        for (Object a : args) {
            texts.add(String.valueOf(a));
        }
        return new TraceStep(step, detail, code, texts);
    }

    private static String plain(BigDecimal value) {
        return ComponentEvaluator.plain(value);
    }
}
