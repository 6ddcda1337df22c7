package org.attain.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;

/**
 * A plan paid more often than it measures ({@code frequency: month, measurement: quarter}): each period pays
 * the measurement period's earnings to date minus what its earlier periods earned, as known on the same
 * date (the cumulative true-up). Tiers, gates and caps see the attainment to date against the whole
 * measurement period's quota; the first period of a measurement period starts again at zero.
 *
 * <p>Both sides are rounded lines, so the periods of a measurement period add up to its earnings to the
 * cent. A correction to a closed earlier period changes the "earned before" side and is posted once, by
 * {@link PriorPeriodAdjustments}, in the next open period.
 */
final class MeasuredToDate {

    static final String CODE = "trace.payfreq.";

    /** Evaluates a plan over a date range with the quota of another period (PeriodEvaluator#evaluateOver). */
    interface Over {
        PlanPeriodResult at(
                PersonId payee,
                CompiledPlan plan,
                DateRange assigned,
                PeriodId period,
                DateRange measured,
                PeriodId quotaPeriod,
                LocalDate asOf);
    }

    private final RunContext ctx;
    private final Over over;

    MeasuredToDate(RunContext ctx, Over over) {
        this.ctx = ctx;
        this.over = over;
    }

    PlanPeriodResult evaluate(PersonId payee, CompiledPlan plan, DateRange assigned, PeriodId period, LocalDate asOf) {
        PeriodKind kind = plan.measuredOver(period.kind()).orElseThrow();
        DateRange own = ctx.calendar.range(period);
        PeriodId measurement = ctx.calendar.periodOf(own.first(), kind);
        DateRange whole = ctx.calendar.range(measurement);
        PlanPeriodResult now =
                over.at(payee, plan, assigned, period, new DateRange(whole.first(), own.last()), measurement, asOf);
        boolean first = own.first().equals(whole.first());
        PeriodId previous = ctx.calendar.previous(period);
        PlanPeriodResult before = first
                ? null
                : over.at(
                        payee,
                        plan,
                        assigned,
                        previous,
                        new DateRange(whole.first(), own.first().minusDays(1)),
                        measurement,
                        asOf);
        Span span = new Span(measurement, ctx.calendar.periodOf(whole.first(), period.kind()), previous, period, first);
        List<EarningsLine> lines = new ArrayList<>();
        for (int i = 0; i < now.lines().size(); i++) {
            EarningsLine earlier = before == null || i >= before.lines().size()
                    ? null
                    : before.lines().get(i);
            String measure = plan.components().get(i).basics().measure();
            lines.add(line(now, now.lines().get(i), earlier, now.measures().get(measure), span));
        }
        return new PlanPeriodResult(
                plan.id(),
                difference(now.measures(), before == null ? Map.of() : before.measures()),
                now.quota(),
                now.quotaExplanation(),
                now.attainment(),
                lines,
                dealDifference(now.dealEarnings(), before == null ? Map.of() : before.dealEarnings()));
    }

    /** The measurement period, its first paying period, the one before this, this one, and whether it is the first. */
    private record Span(PeriodId measurement, PeriodId from, PeriodId previous, PeriodId period, boolean first)
            implements java.io.Serializable {}

    private static EarningsLine line(
            PlanPeriodResult now, EarningsLine toDate, EarningsLine earlier, Money bookings, Span span) {
        Money earned = toDate.amount();
        Money paidBefore = earlier == null ? Money.zero(earned.currency()) : earlier.amount();
        Money pay = earned.minus(paidBefore);
        String currency = earned.currency().toString();
        List<TraceStep> steps = new ArrayList<>(toDate.trace().steps());
        if (!steps.isEmpty() && steps.get(steps.size() - 1).step().equals("amount")) {
            steps.remove(steps.size() - 1);
        }
        String bookingsText = bookings == null ? "0.00" : bookings.toPlainString();
        steps.add(coded(
                "to date",
                "toDate",
                span.measurement() + " to date (" + span.from() + " .. " + span.period() + "): " + bookingsText + " "
                        + currency,
                span.measurement().toString(),
                span.from().toString(),
                span.period().toString(),
                bookingsText,
                currency));
        if (now.quota() == null) {
            steps.add(coded(
                    "quota",
                    "noQuota",
                    "no quota for " + span.measurement() + ": attainment to date unknown",
                    span.measurement().toString()));
        } else {
            String quota = now.quota().toPlainString();
            String attainment = ComponentEvaluator.display(now.attainment());
            steps.add(coded(
                    "quota",
                    "quota",
                    "quota of " + span.measurement() + ": " + quota + " (the whole period's, not a share of it)",
                    span.measurement().toString(),
                    quota));
            steps.add(coded(
                    "attainment to date",
                    "attainment",
                    bookingsText + " / " + quota + " = " + attainment,
                    bookingsText,
                    quota,
                    attainment));
        }
        steps.add(coded(
                "earned to date",
                "earned",
                span.measurement() + " to date earns " + earned.toPlainString() + " " + currency,
                span.measurement().toString(),
                earned.toPlainString(),
                currency));
        if (span.first()) {
            steps.add(coded(
                    "paid before",
                    "paidBeforeNone",
                    span.period() + " is the first period of " + span.measurement() + ": nothing paid before",
                    span.period().toString(),
                    span.measurement().toString()));
        } else {
            steps.add(coded(
                    "paid before",
                    "paidBefore",
                    "already paid for " + span.from() + " .. " + span.previous() + ": " + paidBefore.toPlainString()
                            + " " + currency,
                    span.from().toString(),
                    span.previous().toString(),
                    paidBefore.toPlainString(),
                    currency));
        }
        steps.add(coded(
                "this period",
                "pay",
                earned.toPlainString() + " - " + paidBefore.toPlainString() + " = " + pay.toPlainString() + " "
                        + currency + " paid in " + span.period(),
                earned.toPlainString(),
                paidBefore.toPlainString(),
                pay.toPlainString(),
                currency,
                span.period().toString()));
        steps.add(new TraceStep(
                "amount",
                pay.toPlainString() + " " + currency,
                "trace.words.amount",
                List.of(pay.toPlainString(), currency)));
        List<Contribution> contributions = contributions(
                toDate.trace().contributions(),
                earlier == null ? List.of() : earlier.trace().contributions());
        Set<TransactionId> qualifying = new LinkedHashSet<>();
        contributions.forEach(c -> qualifying.add(c.transaction()));
        Money uncapped = toDate.uncapped() == null
                ? null
                : toDate.uncapped().minus(earlier == null ? Money.zero(earned.currency()) : uncappedOf(earlier));
        return new EarningsLine(
                toDate.component(),
                toDate.kind(),
                toDate.plan(),
                pay,
                uncapped,
                List.copyOf(qualifying),
                null,
                new Trace(steps, contributions));
    }

    private static Money uncappedOf(EarningsLine line) {
        return line.uncapped() != null ? line.uncapped() : line.amount();
    }

    private static TraceStep coded(String step, String code, String detail, String... args) {
        return new TraceStep(step, detail, CODE + code, List.of(args));
    }

    /**
     * The deals this period adds or changes: a deal first credited now as it is, an earlier deal whose
     * earnings to date moved (slab tiers, a correction) with the change as its amount; unchanged earlier
     * deals are left out, their pay is in the earlier periods' lines.
     */
    private static List<Contribution> contributions(List<Contribution> now, List<Contribution> before) {
        Map<TransactionId, BigDecimal> earlier = new HashMap<>();
        before.forEach(c -> earlier.merge(c.transaction(), c.amount(), BigDecimal::add));
        Map<TransactionId, BigDecimal> toDate = new HashMap<>();
        now.forEach(c -> toDate.merge(c.transaction(), c.amount(), BigDecimal::add));
        List<Contribution> result = new ArrayList<>();
        Set<TransactionId> changedShown = new LinkedHashSet<>();
        for (Contribution c : now) {
            BigDecimal was = earlier.get(c.transaction());
            if (was == null) {
                result.add(c);
                continue;
            }
            BigDecimal change = toDate.get(c.transaction()).subtract(was);
            if (change.signum() != 0 && changedShown.add(c.transaction())) {
                result.add(new Contribution(
                        c.transaction(),
                        c.date(),
                        c.rule(),
                        c.via(),
                        c.share(),
                        c.source(),
                        c.fxFactor(),
                        c.credited(),
                        c.slices(),
                        change,
                        c.territory()));
            }
        }
        return result;
    }

    private static Map<String, Money> difference(Map<String, Money> now, Map<String, Money> before) {
        Map<String, Money> result = new LinkedHashMap<>();
        now.forEach((id, m) -> result.put(id, before.containsKey(id) ? m.minus(before.get(id)) : m));
        return result;
    }

    private static Map<TransactionId, BigDecimal> dealDifference(
            Map<TransactionId, BigDecimal> now, Map<TransactionId, BigDecimal> before) {
        Map<TransactionId, BigDecimal> result = new HashMap<>();
        now.forEach((id, v) -> {
            BigDecimal d = v.subtract(before.getOrDefault(id, BigDecimal.ZERO));
            if (d.signum() != 0) {
                result.put(id, d);
            }
        });
        before.forEach((id, v) -> {
            if (!now.containsKey(id) && v.signum() != 0) {
                result.put(id, v.negate());
            }
        });
        return result;
    }
}
