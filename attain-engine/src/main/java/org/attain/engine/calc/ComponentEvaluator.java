package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.attain.engine.credit.Credit;
import org.attain.engine.credit.DealFacts;
import org.attain.engine.plan.BonusComponent;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.CurveComponent;
import org.attain.engine.plan.CurvePoint;
import org.attain.engine.plan.CurveTerms;
import org.attain.engine.plan.MboComponent;
import org.attain.engine.plan.Objective;
import org.attain.engine.plan.PerDealComponent;
import org.attain.engine.plan.RateComponent;
import org.attain.engine.plan.RateTableComponent;
import org.attain.engine.plan.TierBasis;
import org.attain.engine.plan.TieredComponent;

/**
 * Computes one component for one payee-period: the raw amount with its explanation, then the shared
 * rules every component obeys ({@link ComponentFinish}): gate, cap per deal, cap and floor per period, one rounding.
 */
final class ComponentEvaluator {

    private ComponentEvaluator() {}

    /** Raw earnings before gate, caps and rounding; {@code roundedOverride} is set by to-date true-ups. */
    record Raw(
            BigDecimal amount,
            List<Contribution> contributions,
            List<TraceStep> steps,
            String kind,
            BigDecimal roundedOverride)
            implements java.io.Serializable {}

    static ComponentOutcome evaluate(ComponentInput in) {
        return finish(in.component(), in, raw(in));
    }

    /**
     * A pod component: the raw amount on the pod's credits, explained after the pod's own steps
     * ({@code before}) and, for a member in the pod for part of the period, scaled by {@code factor}
     * (null: not prorated) before gate, caps and rounding.
     */
    static ComponentOutcome evaluate(
            ComponentInput in, List<TraceStep> before, BigDecimal factor, String factorText, List<String> factorArgs) {
        Raw raw = raw(in);
        List<TraceStep> steps = new ArrayList<>(before);
        steps.addAll(raw.steps());
        BigDecimal amount = raw.amount();
        List<Contribution> contributions = raw.contributions();
        if (factor != null) {
            amount = amount.multiply(factor);
            List<Contribution> scaled = new ArrayList<>(contributions.size());
            for (Contribution c : contributions) {
                scaled.add(new Contribution(
                        c.transaction(),
                        c.date(),
                        c.rule(),
                        c.via(),
                        c.share(),
                        c.source(),
                        c.fxFactor(),
                        c.credited(),
                        c.slices(),
                        c.amount().multiply(factor),
                        c.territory()));
            }
            contributions = scaled;
            List<String> args = new ArrayList<>();
            args.add(plain(raw.amount()));
            args.addAll(factorArgs);
            args.add(plain(amount));
            steps.add(new TraceStep(
                    "proration",
                    plain(raw.amount()) + " x " + factorText + " = " + plain(amount)
                            + (contributions.isEmpty() ? "" : "; each deal's amount above is already x " + factorText),
                    contributions.isEmpty() ? "trace.pod.proration" : "trace.pod.prorationDeals",
                    args));
        }
        return finish(in.component(), in, new Raw(amount, contributions, steps, raw.kind(), null));
    }

    /** A line that pays nothing, for the reason the steps give (e.g. no pod, no pod quota). */
    static ComponentOutcome nothing(ComponentInput in, List<TraceStep> steps, String kind) {
        // The gate would only repeat why nothing is paid; finish the zero amount without it.
        return finish(in.component(), in, new Raw(BigDecimal.ZERO, List.of(), steps, kind, null), false);
    }

    private static Raw raw(ComponentInput in) {
        Component component = in.component();
        Raw raw;
        if (component instanceof RateComponent r) {
            raw = rate(r, in);
        } else if (component instanceof TieredComponent t) {
            raw = TieredEvaluator.evaluate(t, in);
        } else if (component instanceof BonusComponent b) {
            raw = bonus(b, in);
        } else if (component instanceof CurveComponent c && !c.terms().equals(CurveTerms.FIXED)) {
            raw = TargetIncentiveCurve.evaluate(c, in);
        } else if (component instanceof CurveComponent c) {
            raw = curve(c, in);
        } else if (component instanceof PerDealComponent p) {
            raw = perDeal(p, in);
        } else if (component instanceof RateTableComponent t) {
            raw = RateTableEvaluator.evaluate(t, in);
        } else {
            raw = mbo((MboComponent) component, in);
        }
        return raw;
    }

    private static ComponentOutcome finish(Component component, ComponentInput in, Raw raw) {
        return finish(component, in, raw, true);
    }

    private static ComponentOutcome finish(Component component, ComponentInput in, Raw raw, boolean checkGate) {
        return ComponentFinish.finish(component, in, raw, checkGate);
    }

    private static Raw rate(RateComponent r, ComponentInput in) {
        List<Contribution> contributions = new ArrayList<>(in.credits().size());
        BigDecimal total = BigDecimal.ZERO;
        for (Credit c : in.credits()) {
            BigDecimal earned = c.credited().amount().multiply(r.rate());
            contributions.add(new Contribution(
                    c.transaction().id(),
                    c.date(),
                    c.rule(),
                    c.via(),
                    c.share(),
                    c.transaction().amount(),
                    c.fxFactor(),
                    c.credited(),
                    List.of(),
                    earned,
                    c.territory()));
            total = total.add(earned);
        }
        List<TraceStep> steps = List.of(
                new TraceStep(
                        "measure",
                        r.basics().measure() + " = " + plain(total(in.credits())) + " "
                                + in.plan().currency(),
                        "trace.words.measure",
                        List.of(
                                r.basics().measure(),
                                plain(total(in.credits())),
                                in.plan().currency().toString())),
                new TraceStep(
                        "rate",
                        plain(total(in.credits())) + " x " + r.rate().toPlainString() + " = " + plain(total),
                        "trace.words.rate",
                        List.of(plain(total(in.credits())), r.rate().toPlainString(), plain(total))));
        return new Raw(total, contributions, steps, "rate", null);
    }

    private static Raw bonus(BonusComponent b, ComponentInput in) {
        boolean met = b.basics().gate() != null && b.basics().gate().test(in.facts());
        String gate =
                b.basics().gate() == null ? "(no condition)" : b.basics().gate().text();
        if (b.share() != null) {
            // A share of the payee's own target incentive: one bonus plan for people with different targets.
            List<TraceStep> steps = new ArrayList<>();
            steps.add(attainmentStep(in));
            steps.add(new TraceStep(
                    "condition",
                    gate + (met ? " is met" : " is not met: pays 0"),
                    met ? "trace.ote.bonusMet" : "trace.ote.bonusNotMet",
                    List.of(gate, b.share().toPlainString())));
            BigDecimal amount = met ? TargetIncentiveCurve.ofTargetIncentive(b.share(), in, steps) : BigDecimal.ZERO;
            return new Raw(amount, List.of(), steps, "bonus", null);
        }
        List<TraceStep> steps = List.of(
                attainmentStep(in),
                new TraceStep(
                        "condition",
                        gate
                                + (met ? " is met: pays " : " is not met: pays 0 instead of ")
                                + b.amount().toPlainString(),
                        met ? "trace.words.bonusMet" : "trace.words.bonusNotMet",
                        List.of(gate, b.amount().amount().toPlainString())));
        return new Raw(met ? b.amount().amount() : BigDecimal.ZERO, List.of(), steps, "bonus", null);
    }

    /** The attainment a bonus reads, as a share (the app shows it as a percentage). */
    private static TraceStep attainmentStep(ComponentInput in) {
        String shown = display(in.facts().attainment());
        return new TraceStep("attainment", shown, "trace.words.attainmentShare", List.of(shown));
    }

    private static Raw curve(CurveComponent c, ComponentInput in) {
        BigDecimal x =
                c.basis() == TierBasis.AMOUNT ? in.measureTotal() : in.facts().attainment();
        List<TraceStep> steps = new ArrayList<>();
        if (x == null) {
            steps.add(new TraceStep(
                    "curve",
                    "no quota for " + in.period() + ": the curve pays nothing",
                    "trace.curve.noQuota",
                    List.of(in.period().toString())));
            return new Raw(BigDecimal.ZERO, List.of(), steps, "curve", null);
        }
        List<CurvePoint> points = c.points();
        // Messages for a curve on an amount say amounts, on attainment percentages (the app formats them so).
        String on = c.basis() == TierBasis.AMOUNT ? "" : "OnAttainment";
        BigDecimal pay;
        if (x.compareTo(points.get(0).at()) < 0) {
            pay = BigDecimal.ZERO;
            steps.add(new TraceStep(
                    "curve",
                    plain(x) + " is below the first point " + points.get(0).at().toPlainString(),
                    "trace.curve.below" + on,
                    List.of(plain(x), points.get(0).at().toPlainString())));
        } else if (x.compareTo(points.get(points.size() - 1).at()) >= 0) {
            pay = points.get(points.size() - 1).pay().amount();
            steps.add(new TraceStep(
                    "curve",
                    plain(x) + " is at or above the last point: " + pay.toPlainString(),
                    "trace.curve.above" + on,
                    List.of(plain(x), pay.toPlainString())));
        } else {
            int i = 0;
            while (x.compareTo(points.get(i + 1).at()) >= 0) {
                i++;
            }
            CurvePoint a = points.get(i);
            CurvePoint b = points.get(i + 1);
            BigDecimal slope =
                    b.pay().amount().subtract(a.pay().amount()).divide(b.at().subtract(a.at()), MathContext.DECIMAL128);
            pay = a.pay().amount().add(slope.multiply(x.subtract(a.at())));
            steps.add(new TraceStep(
                    "curve",
                    "between " + a.at().toPlainString() + " (" + a.pay().toPlainString() + ") and "
                            + b.at().toPlainString() + " (" + b.pay().toPlainString() + "): " + plain(pay),
                    "trace.curve.between" + on,
                    List.of(
                            a.at().toPlainString(),
                            a.pay().toPlainString(),
                            b.at().toPlainString(),
                            b.pay().toPlainString(),
                            plain(pay))));
        }
        return new Raw(pay, List.of(), steps, "curve", null);
    }

    private static Raw perDeal(PerDealComponent p, ComponentInput in) {
        List<Contribution> contributions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int skipped = 0;
        for (Credit c : in.credits()) {
            if (p.when() != null
                    && !p.when()
                            .test(
                                    DealFacts.of(c.transaction()),
                                    c.transaction().account(),
                                    in.facts().person())) {
                skipped++;
                continue;
            }
            BigDecimal earned = p.amountPerDeal().amount().multiply(c.share());
            contributions.add(new Contribution(
                    c.transaction().id(),
                    c.date(),
                    c.rule(),
                    c.via(),
                    c.share(),
                    c.transaction().amount(),
                    c.fxFactor(),
                    c.credited(),
                    List.of(),
                    earned,
                    c.territory()));
            total = total.add(earned);
        }
        List<TraceStep> steps = new ArrayList<>();
        if (p.basics().window() != null) {
            steps.add(new TraceStep(
                    "window",
                    "deals closed " + p.basics().window().first() + " .. "
                            + p.basics().window().last(),
                    "trace.words.window",
                    List.of(
                            p.basics().window().first().toString(),
                            p.basics().window().last().toString())));
        }
        if (p.when() != null) {
            steps.add(new TraceStep(
                    "condition",
                    p.when().text() + ": " + contributions.size() + " deal(s) qualify, " + skipped + " do not",
                    "trace.words.dealsQualify",
                    List.of(p.when().text(), String.valueOf(contributions.size()), String.valueOf(skipped))));
        }
        steps.add(new TraceStep(
                "per deal",
                contributions.size() + " x " + p.amountPerDeal().toPlainString() + " (x share) = " + plain(total),
                "trace.words.perDeal",
                List.of(
                        String.valueOf(contributions.size()),
                        p.amountPerDeal().amount().toPlainString(),
                        plain(total))));
        return new Raw(total, contributions, steps, "per_deal_amount", null);
    }

    private static Raw mbo(MboComponent m, ComponentInput in) {
        List<TraceStep> steps = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        for (Objective o : m.objectives()) {
            java.util.Optional<BigDecimal> scored = in.kpis().score(in.payee(), in.period(), o.kpi());
            if (scored.isEmpty()) {
                // Counts 0 and says so: an objective nobody scored yet is not the same as one scored 0.
                steps.add(new TraceStep(
                        "objective",
                        o.kpi() + ": unscored, counts 0 until it is scored (weight "
                                + o.weight().toPlainString() + ")",
                        "trace.mbo.unscored",
                        List.of(o.kpi(), o.weight().toPlainString())));
                continue;
            }
            BigDecimal score = scored.get();
            BigDecimal counted = score.min(o.maxScore()).max(BigDecimal.ZERO);
            BigDecimal part = counted.multiply(o.weight());
            weighted = weighted.add(part);
            steps.add(new TraceStep(
                    "objective",
                    o.kpi() + ": score " + score.toPlainString()
                            + (counted.compareTo(score) != 0 ? " (counted " + counted.toPlainString() + ")" : "")
                            + " x weight " + o.weight().toPlainString(),
                    "trace.mbo.objective",
                    List.of(
                            o.kpi(),
                            score.toPlainString(),
                            counted.toPlainString(),
                            o.weight().toPlainString(),
                            plain(part))));
        }
        BigDecimal target = m.target().amount();
        String targetText = m.target().toPlainString();
        if (m.targetShare() != null) {
            // The MBO target is a share of the payee's own target incentive, worked out (and explained) first.
            target = TargetIncentiveCurve.ofTargetIncentive(m.targetShare(), in, steps);
            targetText = plain(target) + " " + in.plan().currency();
        }
        BigDecimal amount = target.multiply(weighted);
        steps.add(new TraceStep(
                "mbo",
                "target " + targetText + " x " + weighted.toPlainString() + " = " + plain(amount),
                "trace.mbo.total",
                List.of(targetText, weighted.stripTrailingZeros().toPlainString(), plain(amount))));
        return new Raw(amount, List.of(), steps, "mbo", null);
    }

    static Raw raw(
            BigDecimal amount,
            List<Contribution> contributions,
            List<TraceStep> steps,
            String kind,
            BigDecimal roundedOverride) {
        return new Raw(amount, contributions, steps, kind, roundedOverride);
    }

    static BigDecimal total(List<Credit> credits) {
        BigDecimal t = BigDecimal.ZERO;
        for (Credit c : credits) {
            t = t.add(c.credited().amount());
        }
        return t;
    }

    /** Attainment as shown: truncated, never rounded up, so a display never claims a tier not reached. */
    static String display(BigDecimal attainment) {
        return attainment == null
                ? "n/a (no quota)"
                : attainment.setScale(4, RoundingMode.DOWN).toPlainString();
    }

    static String plain(BigDecimal value) {
        BigDecimal v = value.scale() > 6 ? value.setScale(6, RoundingMode.HALF_EVEN) : value;
        return v.stripTrailingZeros().scale() < 2
                ? v.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }
}
