package org.attain.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.PlanVersions;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * One plan with several versions for one payee and period (the rule is in {@link PlanVersions}): components
 * paid deal by deal are computed once per version over the days it is in force; the others once, by the
 * version in force on the last day the payee is on the plan in the period, over the whole period. Every line
 * names the version that paid it.
 */
final class VersionedEvaluator {

    static final String STEP = "plan version";

    private final RunContext ctx;
    private final PeriodEvaluator evaluator;

    VersionedEvaluator(RunContext ctx, PeriodEvaluator evaluator) {
        this.ctx = ctx;
        this.evaluator = evaluator;
    }

    PlanPeriodResult evaluate(
            PersonId payee, List<CompiledPlan> versions, DateRange assigned, PeriodId period, LocalDate asOf) {
        CompiledPlan whole = ctx.plans.get(versions.get(0).id());
        DateRange range = ctx.calendar.range(period);
        // A plan paid more often than it is measured (case 15) pays each period from the measurement period to date:
        // its versions are those in force over that span, or a version starting mid-quarter would measure its
        // quarter from its own first day.
        java.util.Optional<org.attain.engine.time.PeriodKind> measured = whole.measuredOver(period.kind());
        if (measured.isPresent()) {
            DateRange measurement = ctx.calendar.range(ctx.calendar.periodOf(range.first(), measured.get()));
            range = new DateRange(measurement.first(), range.last());
        }
        DateRange onPlan = range.intersect(assigned).orElse(null);
        List<CompiledPlan> inPeriod = onPlan == null
                ? List.of()
                : versions.stream().filter(v -> v.effective().overlaps(onPlan)).toList();
        if (inPeriod.isEmpty()) {
            return evaluator.evaluate(payee, whole, assigned, period, asOf);
        }
        if (inPeriod.size() == 1) {
            CompiledPlan only = inPeriod.get(0);
            PlanPeriodResult r = evaluator.evaluate(payee, only, assigned, period, asOf);
            TraceStep step = new TraceStep(
                    STEP,
                    "version " + only.version() + ", in force over the whole period",
                    "trace.version.whole",
                    List.of(only.version()));
            return withLines(r, named(r.lines(), step), r.dealEarnings());
        }
        CompiledPlan last = inPeriod.get(inPeriod.size() - 1);
        LocalDate lastDay = onPlan.intersect(last.effective()).orElseThrow().last();
        PlanPeriodResult periodLevel = evaluator.evaluate(
                payee,
                PlanVersions.withEffective(last, PlanVersions.span(inPeriod)),
                assigned,
                period,
                asOf,
                c -> !PlanVersions.paidByDealDate(c));
        List<EarningsLine> lines = new ArrayList<>();
        Map<TransactionId, BigDecimal> dealEarnings = new HashMap<>();
        for (CompiledPlan v : inPeriod) {
            PlanPeriodResult byDeal =
                    evaluator.evaluate(payee, v, assigned, period, asOf, PlanVersions::paidByDealDate);
            DateRange days = onPlan.intersect(v.effective()).orElseThrow();
            lines.addAll(named(
                    byDeal.lines(),
                    new TraceStep(
                            STEP,
                            "version " + v.version() + ", in force " + days.first() + ".." + days.last()
                                    + ": pays the deals credited on those days",
                            "trace.version.byDeal",
                            List.of(
                                    v.version(),
                                    days.first().toString(),
                                    days.last().toString()))));
            byDeal.dealEarnings().forEach((k, a) -> dealEarnings.merge(k, a, BigDecimal::add));
        }
        lines.addAll(named(
                periodLevel.lines(),
                new TraceStep(
                        STEP,
                        "version " + last.version() + ", in force on " + lastDay
                                + " (the period's last day on the plan): pays this component on the whole period",
                        "trace.version.period",
                        List.of(last.version(), lastDay.toString()))));
        periodLevel.dealEarnings().forEach((k, a) -> dealEarnings.merge(k, a, BigDecimal::add));
        return withLines(periodLevel, lines, dealEarnings);
    }

    private static List<EarningsLine> named(List<EarningsLine> lines, TraceStep step) {
        List<EarningsLine> result = new ArrayList<>();
        for (EarningsLine l : lines) {
            List<TraceStep> steps = new ArrayList<>();
            steps.add(step);
            steps.addAll(l.trace().steps());
            result.add(new EarningsLine(
                    l.component(),
                    l.kind(),
                    l.plan(),
                    l.amount(),
                    l.uncapped(),
                    l.qualifying(),
                    l.forPeriod(),
                    new Trace(steps, l.trace().contributions())));
        }
        return result;
    }

    private static PlanPeriodResult withLines(
            PlanPeriodResult r, List<EarningsLine> lines, Map<TransactionId, BigDecimal> dealEarnings) {
        return new PlanPeriodResult(
                r.plan(), r.measures(), r.quota(), r.quotaExplanation(), r.attainment(), lines, dealEarnings);
    }
}
