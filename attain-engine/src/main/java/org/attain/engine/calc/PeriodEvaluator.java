package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attain.engine.cel.PeriodFacts;
import org.attain.engine.credit.Credit;
import org.attain.engine.model.Person;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.Component;
import org.attain.engine.plan.Cumulation;
import org.attain.engine.plan.Measure;
import org.attain.engine.plan.RateTableComponent;
import org.attain.engine.plan.TieredComponent;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;

/** Computes one plan for one payee and period as known on a date: credits, measures, quota, components. */
final class PeriodEvaluator {

    private final RunContext ctx;
    private final PodEvaluator pods;
    private final List<String> issues;

    PeriodEvaluator(RunContext ctx, List<String> issues) {
        this.ctx = ctx;
        this.issues = issues;
        this.pods = new PodEvaluator(ctx, issues);
    }

    PlanPeriodResult evaluate(PersonId payee, CompiledPlan plan, DateRange assigned, PeriodId period, LocalDate asOf) {
        return evaluate(payee, plan, assigned, period, asOf, c -> true);
    }

    /** The same, paying only the components {@code include} accepts (the others give no line). */
    PlanPeriodResult evaluate(
            PersonId payee,
            CompiledPlan plan,
            DateRange assigned,
            PeriodId period,
            LocalDate asOf,
            java.util.function.Predicate<Component> include) {
        if (plan.measuredOver(period.kind()).isPresent()) {
            MeasuredToDate.Over over = (p, pl, as, per, m, q, a) -> evaluateOver(p, pl, as, per, m, q, a, include);
            return new MeasuredToDate(ctx, over).evaluate(payee, plan, assigned, period, asOf);
        }
        return evaluateOver(payee, plan, assigned, period, ctx.calendar.range(period), period, asOf, include);
    }

    /**
     * The plan over {@code measured} (the period itself, or a measurement period to date) with the quota of
     * {@code quotaPeriod}; the result belongs to {@code period}; only the components {@code include} accepts.
     */
    PlanPeriodResult evaluateOver(
            PersonId payee,
            CompiledPlan plan,
            DateRange assigned,
            PeriodId period,
            DateRange measured,
            PeriodId quotaPeriod,
            LocalDate asOf,
            java.util.function.Predicate<Component> include) {
        Person person = ctx.people.get(payee);
        Map<String, Object> personFacts = personFacts(person);
        Optional<DateRange> active = measured.intersect(assigned).flatMap(r -> r.intersect(plan.effective()));
        DateRange onPlan = active.flatMap(a -> a.intersect(person.employment())).orElse(null);
        DateRange quotaOnPlan = quotaPeriod.equals(period)
                ? onPlan
                : activeRange(plan, assigned, quotaPeriod)
                        .flatMap(a -> a.intersect(person.employment()))
                        .orElse(null);
        Map<String, List<Credit>> credits = new LinkedHashMap<>();
        Map<String, Money> measures = new LinkedHashMap<>();
        Map<String, BigDecimal> measureTotals = new HashMap<>();
        for (Measure m : plan.measures()) {
            List<Credit> list = active.map(a -> ctx.crediting.credits(payee, personFacts, m, plan.currency(), a, asOf))
                    .map(l -> Returns.counted(ctx, plan, l))
                    .orElse(List.of());
            credits.put(m.id(), list);
            BigDecimal total = ComponentEvaluator.total(list);
            measures.put(m.id(), new Money(total, plan.currency()));
            measureTotals.put(m.id(), total);
        }
        Optional<QuotaBook.Found> quota = quota(payee, plan, plan.quotaMeasure(), quotaPeriod, quotaOnPlan);
        BigDecimal quotaAmount = quota.map(q -> q.amount().amount()).orElse(null);
        BigDecimal attainment = quotaAmount == null || quotaAmount.signum() <= 0
                ? null
                : measureTotals.get(plan.quotaMeasure()).divide(quotaAmount, MathContext.DECIMAL128);
        PeriodFacts facts = new PeriodFacts(
                attainment == null ? BigDecimal.ZERO : attainment,
                quotaAmount == null ? BigDecimal.ZERO : quotaAmount,
                measureTotals,
                personFacts,
                periodFacts(period));
        List<EarningsLine> lines = new ArrayList<>();
        List<Map<TransactionId, BigDecimal>> perDeal = new ArrayList<>();
        for (Component c : plan.components()) {
            if (!include.test(c)) {
                continue;
            }
            if (c.basics().pod() != null) {
                for (ComponentOutcome outcome : pods.evaluate(payee, plan, c, period, asOf, onPlan, facts)) {
                    lines.add(outcome.line());
                    perDeal.add(outcome.perDeal());
                }
                continue;
            }
            String measureId = c.basics().measure();
            List<Credit> componentCredits =
                    inWindow(credits.get(measureId), c.basics().window());
            BigDecimal componentQuota = measureId.equals(plan.quotaMeasure())
                    ? quotaAmount
                    : quota(payee, plan, measureId, quotaPeriod, quotaOnPlan)
                            .map(q -> q.amount().amount())
                            .orElse(null);
            ComponentInput.ToDate toDate = toDate(c, payee, plan, assigned, period, asOf, personFacts);
            ComponentInput input = new ComponentInput(
                    plan,
                    c,
                    payee,
                    period,
                    componentCredits,
                    ComponentEvaluator.total(componentCredits),
                    componentQuota,
                    facts,
                    toDate,
                    ctx.kpis,
                    ctx.targetIncentives);
            TargetIncentiveCurve.issue(input).ifPresent(issues::add);
            ComponentOutcome outcome = ComponentEvaluator.evaluate(input);
            if (c instanceof RateTableComponent table) {
                issues.addAll(RateTableEvaluator.issues(table, payee, period, componentCredits));
            }
            lines.add(outcome.line());
            perDeal.add(outcome.perDeal());
        }
        return new PlanPeriodResult(
                plan.id(),
                measures,
                quota.map(QuotaBook.Found::amount).orElse(null),
                quota.map(QuotaBook.Found::explanation).orElse(null),
                attainment,
                lines,
                dealEarnings(perDeal));
    }

    /**
     * What each deal earned over the plan's components. Most plans pay deals through one component:
     * its (immutable) map is the answer as it is, without merging every deal into a new map.
     */
    private static Map<TransactionId, BigDecimal> dealEarnings(List<Map<TransactionId, BigDecimal>> perComponent) {
        List<Map<TransactionId, BigDecimal>> paying =
                perComponent.stream().filter(m -> !m.isEmpty()).toList();
        if (paying.size() == 1) {
            return paying.get(0);
        }
        Map<TransactionId, BigDecimal> merged = new HashMap<>();
        paying.forEach(m -> m.forEach((k, v) -> merged.merge(k, v, BigDecimal::add)));
        return merged;
    }

    private Optional<DateRange> activeRange(CompiledPlan plan, DateRange assigned, PeriodId period) {
        return ctx.calendar.range(period).intersect(assigned).flatMap(r -> r.intersect(plan.effective()));
    }

    private Optional<QuotaBook.Found> quota(
            PersonId payee, CompiledPlan plan, String measure, PeriodId period, DateRange onPlan) {
        return ctx.quotas.quota(payee, measure, measure.equals(plan.quotaMeasure()), period, onPlan);
    }

    private ComponentInput.ToDate toDate(
            Component c,
            PersonId payee,
            CompiledPlan plan,
            DateRange assigned,
            PeriodId period,
            LocalDate asOf,
            Map<String, Object> personFacts) {
        if (!(c instanceof TieredComponent t) || t.cumulation() == Cumulation.PERIOD) {
            return null;
        }
        PeriodKind container = t.cumulation() == Cumulation.QUARTER_TO_DATE ? PeriodKind.QUARTER : PeriodKind.YEAR;
        List<PeriodId> periods = ctx.calendar.toDate(period, container);
        Person person = ctx.people.get(payee);
        Measure measure = plan.measure(c.basics().measure());
        BigDecimal earlierBookings = BigDecimal.ZERO;
        BigDecimal earlierQuota = BigDecimal.ZERO;
        BigDecimal quotaNow = BigDecimal.ZERO;
        for (PeriodId p : periods) {
            Optional<DateRange> active = activeRange(plan, assigned, p);
            DateRange onPlan =
                    active.flatMap(a -> a.intersect(person.employment())).orElse(null);
            BigDecimal q = quota(payee, plan, measure.id(), p, onPlan)
                    .map(f -> f.amount().amount())
                    .orElse(BigDecimal.ZERO);
            quotaNow = quotaNow.add(q);
            if (p.equals(period)) {
                continue;
            }
            earlierQuota = earlierQuota.add(q);
            if (active.isPresent()) {
                List<Credit> earlier = inWindow(
                        Returns.counted(
                                ctx,
                                plan,
                                ctx.crediting.credits(
                                        payee, personFacts, measure, plan.currency(), active.get(), asOf)),
                        c.basics().window());
                earlierBookings = earlierBookings.add(ComponentEvaluator.total(earlier));
            }
        }
        return new ComponentInput.ToDate(earlierBookings, earlierQuota, quotaNow, periods.get(0) + " .. " + period);
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

    static Map<String, Object> personFacts(Person person) {
        Map<String, Object> facts = new HashMap<>(person.attributes());
        facts.put("id", person.id().value());
        facts.put("name", person.name());
        facts.put("role", person.role());
        return facts;
    }

    private Map<String, Object> periodFacts(PeriodId period) {
        DateRange range = ctx.calendar.range(period);
        return Map.of(
                "id",
                period.toString(),
                "start",
                range.first().toString(),
                "end",
                range.last().toString(),
                "kind",
                period.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
}
