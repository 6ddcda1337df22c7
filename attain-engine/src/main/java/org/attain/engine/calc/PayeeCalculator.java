package org.attain.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attain.engine.ledger.LedgerOutcome;
import org.attain.engine.ledger.LedgerPeriodInput;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.ledger.PayoutLedger;
import org.attain.engine.model.Event;
import org.attain.engine.model.ManualAdjustment;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.CurrencyUnit;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.DrawPolicy;
import org.attain.engine.plan.HoldbackPolicy;
import org.attain.engine.plan.NegativeBalance;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * One payee's periods, oldest first, each posted to the payee's ledger. Its memo of plan results is
 * private to this payee's run, so payees can be computed on any number of threads.
 */
final class PayeeCalculator {

    private final RunContext ctx;
    private final PeriodEvaluator evaluator;
    private final VersionedEvaluator versioned;
    private final PersonId payee;
    private final Map<String, PlanPeriodResult> memo = new HashMap<>();
    private final List<String> issues;

    PayeeCalculator(RunContext ctx, PersonId payee, List<String> issues) {
        this.ctx = ctx;
        this.evaluator = new PeriodEvaluator(ctx, issues);
        this.versioned = new VersionedEvaluator(ctx, evaluator);
        this.payee = payee;
        this.issues = issues;
    }

    List<PayeePeriodResult> run(List<PeriodId> periods, LedgerState opening) {
        List<PayeePeriodResult> results = new ArrayList<>();
        LedgerState ledger = opening;
        for (PeriodId period : periods.stream().sorted().toList()) {
            List<PlanAssignment> assignments = assignmentsFor(period);
            if (assignments.isEmpty()) {
                continue;
            }
            CurrencyUnit currency = plan(assignments.get(0)).currency();
            if (ledger == null) {
                ledger = LedgerState.empty(currency);
            }
            PayeePeriodResult result = statement(period, assignments, currency, ledger);
            results.add(result);
            ledger = result.ledgerAfter();
        }
        return results;
    }

    private PayeePeriodResult statement(
            PeriodId period, List<PlanAssignment> assignments, CurrencyUnit currency, LedgerState before) {
        LocalDate asOf = ctx.asOf(period);
        DateRange range = ctx.calendar.range(period);
        List<PlanPeriodResult> planResults = new ArrayList<>();
        List<EarningsLine> lines = new ArrayList<>();
        for (PlanAssignment a : assignments) {
            PlanPeriodResult r = evaluate(a, period, asOf);
            planResults.add(r);
            lines.addAll(r.lines());
        }
        Set<TransactionId> clawedBack = new HashSet<>();
        for (PlanAssignment a : distinctPlans(assignments)) {
            Clawbacks.line(ctx, plan(a), period, asOf, this::evaluateOn, clawedBack)
                    .ifPresent(lines::add);
            Returns.line(ctx, plan(a), period, asOf, this::evaluateOn, clawedBack)
                    .ifPresent(lines::add);
        }
        lines.addAll(PriorPeriodAdjustments.lines(ctx, payee, period, this::assignmentsFor, this::evaluate));
        for (ManualAdjustment adj : ctx.adjustments.getOrDefault(payee, List.of())) {
            if (adj.period().equals(period)) {
                lines.add(new EarningsLine(
                        "adjustment",
                        "manual_adjustment",
                        null,
                        adj.amount().rounded(),
                        null,
                        List.of(),
                        null,
                        Trace.of(new TraceStep("reason", adj.reason()))));
            }
        }
        Money earnings = Money.zero(currency);
        for (EarningsLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                issues.add(payee + " " + period + ": line " + line.component() + " is in "
                        + line.amount().currency() + ", not the payout currency " + currency
                        + "; left out of the payout");
                continue;
            }
            earnings = earnings.plus(line.amount());
        }
        Map<TransactionId, Money> holds = new TreeMap<>();
        Set<TransactionId> releasable = new HashSet<>(clawedBack);
        DrawPolicy draw = null;
        DrawPolicy guarantee = null;
        NegativeBalance negative = NegativeBalance.CARRY_FORWARD;
        for (int i = 0; i < assignments.size(); i++) {
            CompiledPlan plan = plan(assignments.get(i));
            HoldbackPolicy holdback = plan.payout().holdback();
            if (holdback != null) {
                for (Map.Entry<TransactionId, BigDecimal> e :
                        new TreeMap<>(planResults.get(i).dealEarnings()).entrySet()) {
                    if (e.getValue().signum() > 0) {
                        Money held = new Money(e.getValue().multiply(holdback.share()), plan.currency()).rounded();
                        holds.merge(e.getKey(), held, Money::plus);
                    }
                }
                for (TransactionId id : heldOrHolding(before, holds)) {
                    if (released(id, holdback.releaseOn(), range.last(), asOf)) {
                        releasable.add(id);
                    }
                }
            }
            draw = draw == null ? plan.payout().draw() : draw;
            guarantee = guarantee == null ? plan.payout().guarantee() : guarantee;
            if (plan.payout().negativeBalance() == NegativeBalance.WRITE_OFF && i == 0) {
                negative = NegativeBalance.WRITE_OFF;
            }
        }
        LedgerOutcome outcome = PayoutLedger.post(
                before, new LedgerPeriodInput(earnings, holds, releasable, draw, guarantee, negative, range.first()));
        return new PayeePeriodResult(
                payee,
                period,
                ctx.closedOn.containsKey(period),
                planResults,
                lines,
                outcome.entries(),
                outcome.after(),
                outcome.payout());
    }

    private static Set<TransactionId> heldOrHolding(LedgerState before, Map<TransactionId, Money> holds) {
        Set<TransactionId> ids = new HashSet<>(before.held().keySet());
        ids.addAll(holds.keySet());
        return ids;
    }

    private boolean released(TransactionId id, String kind, LocalDate periodEnd, LocalDate asOf) {
        for (Event.TransactionMilestone m : ctx.milestones.getOrDefault(id, List.of())) {
            if (m.kind().equals(kind) && !m.on().isAfter(periodEnd) && !m.on().isAfter(asOf)) {
                return true;
            }
        }
        return false;
    }

    /** The payee's assignments overlapping the period whose plan pays on this kind of period. */
    List<PlanAssignment> assignmentsFor(PeriodId period) {
        DateRange range = ctx.calendar.range(period);
        List<PlanAssignment> result = new ArrayList<>();
        for (PlanAssignment a : ctx.assignments.getOrDefault(payee, List.of())) {
            CompiledPlan plan = ctx.plans.get(a.planId());
            if (plan != null
                    && plan.paysOn(period.kind())
                    && a.during().overlaps(range)
                    && plan.effective().overlaps(range)) {
                result.add(a);
            }
        }
        return result;
    }

    PlanPeriodResult evaluate(PlanAssignment a, PeriodId period, LocalDate asOf) {
        String key = a.planId() + "|" + a.during() + "|" + period + "|" + asOf;
        PlanPeriodResult cached = memo.get(key);
        if (cached == null) {
            List<CompiledPlan> versions = ctx.versions.getOrDefault(a.planId(), List.of());
            cached = versions.size() > 1
                    ? versioned.evaluate(payee, versions, a.during(), period, asOf)
                    : evaluator.evaluate(payee, plan(a), a.during(), period, asOf);
            memo.put(key, cached);
        }
        return cached;
    }

    /** The plan result of the period that contains a transaction's credit date, as known on {@code asOf}. */
    private PlanPeriodResult evaluateOn(CompiledPlan plan, Transaction t, PeriodId like, LocalDate asOf) {
        PeriodId creditPeriod = ctx.calendar.periodOf(t.closeDate(), like.kind());
        for (PlanAssignment a : ctx.assignments.getOrDefault(payee, List.of())) {
            if (a.planId().equals(plan.id()) && a.during().contains(t.closeDate())) {
                return evaluate(a, creditPeriod, asOf);
            }
        }
        return null;
    }

    private List<PlanAssignment> distinctPlans(List<PlanAssignment> assignments) {
        Map<String, PlanAssignment> byPlan = new TreeMap<>();
        for (PlanAssignment a : assignments) {
            byPlan.putIfAbsent(a.planId(), a);
        }
        return List.copyOf(byPlan.values());
    }

    private CompiledPlan plan(PlanAssignment a) {
        return ctx.plans.get(a.planId());
    }

    static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }
}
