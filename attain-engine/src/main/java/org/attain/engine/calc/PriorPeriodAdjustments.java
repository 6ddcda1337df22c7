package org.attain.engine.calc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * A closed period's statement never changes. When what is known about it changes later, the open period
 * posts the difference: (closed period recomputed with knowledge through this period) minus (the same as
 * known when the previous run settled it). Telescoping this way posts each correction exactly once.
 */
final class PriorPeriodAdjustments {

    private PriorPeriodAdjustments() {}

    /** Evaluates a plan assignment for a period as known on a date. */
    interface Evaluate {
        PlanPeriodResult at(PlanAssignment a, PeriodId period, LocalDate asOf);
    }

    static List<EarningsLine> lines(
            RunContext ctx,
            PersonId payee,
            PeriodId period,
            Function<PeriodId, List<PlanAssignment>> assignmentsFor,
            Evaluate evaluate) {
        List<EarningsLine> lines = new ArrayList<>();
        LocalDate upper = ctx.settledThrough(period);
        LocalDate previousSettled = ctx.settledThrough(ctx.calendar.previous(period));
        for (Map.Entry<PeriodId, LocalDate> closed : new TreeMap<>(ctx.closedOn).entrySet()) {
            PeriodId earlier = closed.getKey();
            if (earlier.kind() != period.kind() || earlier.compareTo(period) >= 0) {
                continue;
            }
            LocalDate lower = closed.getValue().isAfter(previousSettled) ? closed.getValue() : previousSettled;
            if (!upper.isAfter(lower)) {
                continue;
            }
            for (PlanAssignment a : assignmentsFor.apply(earlier)) {
                PlanPeriodResult before = evaluate.at(a, earlier, lower);
                PlanPeriodResult after = evaluate.at(a, earlier, upper);
                Money was = before.total();
                Money now = after.total();
                if (was == null || now == null || now.sameValueAs(was)) {
                    continue;
                }
                List<TraceStep> steps = new ArrayList<>();
                steps.add(new TraceStep(
                        "issued",
                        earlier + " as known on " + lower + ": " + was.toPlainString(),
                        "trace.ppa.issued",
                        List.of(earlier.toString(), lower.toString(), was.toPlainString())));
                steps.add(new TraceStep(
                        "recomputed",
                        earlier + " as known on " + upper + ": " + now.toPlainString(),
                        "trace.ppa.recomputed",
                        List.of(earlier.toString(), upper.toString(), now.toPlainString())));
                for (int i = 0; i < after.lines().size() && i < before.lines().size(); i++) {
                    EarningsLine b = before.lines().get(i);
                    EarningsLine n = after.lines().get(i);
                    if (!b.amount().sameValueAs(n.amount())) {
                        steps.add(new TraceStep(
                                "changed",
                                n.component() + " " + b.amount().toPlainString() + " -> "
                                        + n.amount().toPlainString(),
                                "trace.ppa.changed",
                                List.of(
                                        n.component(),
                                        b.amount().toPlainString(),
                                        n.amount().toPlainString())));
                    }
                }
                Money delta = now.minus(was);
                steps.add(new TraceStep(
                        "amount",
                        delta.toPlainString() + " posted in " + period,
                        "trace.ppa.posted",
                        List.of(delta.toPlainString(), period.toString())));
                List<Contribution> contributions = new ArrayList<>();
                for (EarningsLine n : after.lines()) {
                    contributions.addAll(n.trace().contributions());
                }
                lines.add(new EarningsLine(
                        "prior_period_adjustment",
                        "prior_period_adjustment",
                        a.planId(),
                        delta,
                        null,
                        List.of(),
                        earlier,
                        new Trace(steps, contributions)));
            }
        }
        return lines;
    }
}
