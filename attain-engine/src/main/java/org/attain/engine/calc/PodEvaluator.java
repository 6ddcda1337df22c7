package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.cel.PeriodFacts;
import org.attain.engine.credit.Credit;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TeamId;
import org.attain.engine.model.TeamMembership;
import org.attain.engine.plan.BonusComponent;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.CurveComponent;
import org.attain.engine.plan.Measure;
import org.attain.engine.plan.PodTerms;
import org.attain.engine.plan.RateComponent;
import org.attain.engine.plan.TierBasis;
import org.attain.engine.plan.TieredComponent;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * Components on {@code attainment: pod}. The pod's credited measure is the plan's measure applied to
 * every member's deals, each deal counting when the person it is credited through was a member on its
 * credit date; the pod's attainment is that over the pod quota. A member is paid on it for each pod they
 * were in while on plan during the period (one line per pod), prorated by days in the pod where the plan
 * says so. No pod, or a pod without a positive quota where attainment is needed, pays 0 with the reason in
 * the trace and in the run's issues.
 */
final class PodEvaluator {

    private final RunContext ctx;
    private final List<String> issues;

    PodEvaluator(RunContext ctx, List<String> issues) {
        this.ctx = ctx;
        this.issues = issues;
    }

    /** {@code onPlan}: the days of the period the payee was employed and on this plan (null: none). */
    List<ComponentOutcome> evaluate(
            PersonId payee,
            CompiledPlan plan,
            Component c,
            PeriodId period,
            LocalDate asOf,
            DateRange onPlan,
            PeriodFacts own) {
        DateRange range = ctx.calendar.range(period);
        ComponentInput empty =
                new ComponentInput(plan, c, payee, period, List.of(), BigDecimal.ZERO, null, own, null, ctx.kpis);
        if (onPlan == null) {
            return List.of(ComponentEvaluator.nothing(
                    empty,
                    List.of(new TraceStep(
                            "pod",
                            "not on this plan during " + period + ": pays 0",
                            "trace.pod.notOnPlan",
                            List.of(period.toString()))),
                    kind(c)));
        }
        Map<TeamId, List<TeamMembership>> mine = new LinkedHashMap<>();
        for (TeamMembership m : ctx.pods.membershipsOf(payee, onPlan)) {
            mine.computeIfAbsent(m.team(), k -> new ArrayList<>()).add(m);
        }
        if (mine.isEmpty()) {
            issues.add(payee + " " + period + ": component " + c.id() + " is paid on pod attainment but " + payee
                    + " is in no pod during " + onPlan + "; it pays 0");
            return List.of(ComponentEvaluator.nothing(
                    empty,
                    List.of(new TraceStep(
                            "pod",
                            "not a member of any pod while on plan (" + onPlan + "): pays 0",
                            "trace.pod.noPod",
                            List.of(onPlan.toString()))),
                    kind(c)));
        }
        List<ComponentOutcome> outcomes = new ArrayList<>();
        for (Map.Entry<TeamId, List<TeamMembership>> e : mine.entrySet()) {
            outcomes.add(one(payee, plan, c, period, range, asOf, onPlan, own, e.getKey(), e.getValue()));
        }
        return outcomes;
    }

    private ComponentOutcome one(
            PersonId payee,
            CompiledPlan plan,
            Component c,
            PeriodId period,
            DateRange range,
            LocalDate asOf,
            DateRange onPlan,
            PeriodFacts own,
            TeamId team,
            List<TeamMembership> payeeIn) {
        String name = ctx.pods.name(team);
        Measure measure = plan.measure(c.basics().measure());
        List<Credit> credits = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (TeamMembership m : ctx.pods.members(team, range)) {
            Person person = ctx.people.get(m.person());
            DateRange during = m.during().intersect(range).orElseThrow();
            members.add(m.person() + " " + during);
            if (person == null) {
                issues.add("pod " + name + ": member '" + m.person()
                        + "' is not a known person; their deals do not count");
                continue;
            }
            credits.addAll(Returns.counted(
                    ctx,
                    plan,
                    ctx.crediting.credits(
                            m.person(), PeriodEvaluator.personFacts(person), measure, plan.currency(), during, asOf)));
        }
        credits = inWindow(credits, c.basics().window());
        credits.sort((a, b) -> {
            int byTransaction = CreditIndex.CREDIT_ORDER.compare(a.transaction(), b.transaction());
            return byTransaction != 0 ? byTransaction : a.via().compareTo(b.via());
        });
        BigDecimal total = ComponentEvaluator.total(credits);
        BigDecimal quota = ctx.pods
                .quota(team, measure.id(), measure.id().equals(plan.quotaMeasure()), period)
                .map(f -> f.amount().amount())
                .orElse(null);
        boolean hasQuota = quota != null && quota.signum() > 0;
        BigDecimal attainment = hasQuota ? total.divide(quota, MathContext.DECIMAL128) : null;
        List<TraceStep> steps = new ArrayList<>();
        steps.add(new TraceStep(
                "pod",
                "pod " + name + ": credited " + ComponentEvaluator.plain(total) + " of quota "
                        + (quota == null ? "(none set)" : ComponentEvaluator.plain(quota)) + " = " + percent(attainment)
                        + " attainment",
                quota == null ? "trace.pod.creditedNoQuota" : "trace.pod.credited",
                quota == null
                        ? List.of(name, ComponentEvaluator.plain(total))
                        : List.of(
                                name,
                                ComponentEvaluator.plain(total),
                                ComponentEvaluator.plain(quota),
                                attainment == null ? NOT_AVAILABLE : attainment.toPlainString())));
        steps.add(new TraceStep(
                "pod members",
                String.join(", ", members)
                        + " (a deal counts when its credited person was a member on its credit date)",
                "trace.pod.members",
                List.of(String.join(", ", members))));
        Map<String, BigDecimal> measures = new HashMap<>(own.measures());
        measures.put(measure.id(), total);
        PeriodFacts facts = new PeriodFacts(
                hasQuota ? attainment : BigDecimal.ZERO,
                quota == null ? BigDecimal.ZERO : quota,
                measures,
                own.person(),
                own.period());
        ComponentInput input = new ComponentInput(
                plan, c, payee, period, credits, total, hasQuota ? quota : null, facts, null, ctx.kpis);
        if (!hasQuota && needsAttainment(c)) {
            issues.add("pod " + name + " has " + (quota == null ? "no quota" : "a zero quota") + " for " + period
                    + " (measure " + measure.id() + "): " + c.id() + " on pod attainment pays 0 to its members");
            steps.add(new TraceStep(
                    "pod quota",
                    (quota == null ? "no pod quota" : "pod quota is 0") + " for " + period
                            + ": attainment is undefined, pays 0",
                    quota == null ? "trace.pod.noQuota" : "trace.pod.zeroQuota",
                    List.of(period.toString())));
            return ComponentEvaluator.nothing(input, steps, kind(c));
        }
        PodTerms terms = c.basics().pod();
        if (terms.proration() == PodTerms.PodProration.BY_DAYS_IN_POD) {
            long days = 0;
            for (TeamMembership m : payeeIn) {
                days += m.during().intersect(onPlan).map(DateRange::days).orElse(0L);
            }
            if (days < range.days()) {
                BigDecimal factor =
                        BigDecimal.valueOf(days).divide(BigDecimal.valueOf(range.days()), MathContext.DECIMAL128);
                return ComponentEvaluator.evaluate(
                        input,
                        steps,
                        factor,
                        days + "/" + range.days() + " days in pod " + name,
                        List.of(Long.toString(days), Long.toString(range.days()), name));
            }
        }
        return ComponentEvaluator.evaluate(input, steps, null, null, List.of());
    }

    private static boolean needsAttainment(Component c) {
        if (c.basics().gate() != null || c instanceof BonusComponent) {
            return true;
        }
        if (c instanceof TieredComponent t) {
            return t.basis() == TierBasis.ATTAINMENT;
        }
        return c instanceof CurveComponent k && k.basis() == TierBasis.ATTAINMENT;
    }

    private static String kind(Component c) {
        if (c instanceof RateComponent) {
            return "rate";
        }
        if (c instanceof TieredComponent) {
            return "tiered";
        }
        return c instanceof BonusComponent ? "bonus" : "curve";
    }

    /** Attainment as a percentage, truncated like every shown attainment: 0.99999 shows 99.99%. */
    /** What a step's argument says when the pod's attainment is undefined (the app shows its own words for it). */
    static final String NOT_AVAILABLE = "n/a (no quota)";

    static String percent(BigDecimal attainment) {
        if (attainment == null) {
            return "n/a";
        }
        return attainment
                        .setScale(4, RoundingMode.DOWN)
                        .movePointRight(2)
                        .setScale(2, RoundingMode.UNNECESSARY)
                        .toPlainString()
                + "%";
    }

    private static List<Credit> inWindow(List<Credit> credits, DateRange window) {
        if (window == null) {
            return credits;
        }
        List<Credit> result = new ArrayList<>();
        for (Credit c : credits) {
            if (window.contains(c.date())) {
                result.add(c);
            }
        }
        return result;
    }
}
