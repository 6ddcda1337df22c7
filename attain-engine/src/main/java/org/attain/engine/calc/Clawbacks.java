package org.attain.engine.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.attain.engine.model.Event;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.ClawbackPolicy;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * Clawbacks are posted in the period the cancellation is recorded, for deals cancelled within the plan's
 * window, for the share of what the deal earned in its own period (recomputed as known on the
 * cancellation day). The deal's earlier statement is not rewritten.
 */
final class Clawbacks {

    private Clawbacks() {}

    /** Finds the plan result of a deal's credit period. */
    interface CreditPeriodLookup {
        PlanPeriodResult find(CompiledPlan plan, Transaction t, PeriodId like, LocalDate asOf);
    }

    static Optional<EarningsLine> line(
            RunContext ctx,
            CompiledPlan plan,
            PeriodId period,
            LocalDate asOf,
            CreditPeriodLookup lookup,
            Set<TransactionId> clawedBack) {
        ClawbackPolicy policy = plan.payout().clawback();
        if (policy == null) {
            return Optional.empty();
        }
        DateRange range = ctx.calendar.range(period);
        BigDecimal total = BigDecimal.ZERO;
        List<Contribution> contributions = new ArrayList<>();
        List<TraceStep> steps = new ArrayList<>();
        for (Map.Entry<TransactionId, List<Event.TransactionCancelled>> e :
                new TreeMap<>(ctx.cancellations).entrySet()) {
            Optional<Transaction> txn = ctx.crediting.index().transaction(e.getKey());
            if (txn.isEmpty()) {
                continue;
            }
            for (Event.TransactionCancelled cancel : e.getValue()) {
                if (!range.contains(cancel.on()) || cancel.on().isAfter(asOf)) {
                    continue;
                }
                PlanPeriodResult origin = lookup.find(plan, txn.get(), period, cancel.on());
                BigDecimal earned =
                        origin == null ? null : origin.dealEarnings().get(e.getKey());
                if (earned == null || earned.signum() == 0) {
                    continue;
                }
                long days = PayeeCalculator.daysBetween(txn.get().closeDate(), cancel.on());
                if (days < 0 || days > policy.windowDays()) {
                    steps.add(new TraceStep(
                            "outside window",
                            e.getKey() + " cancelled " + cancel.on() + ", " + days
                                    + " days after close: no clawback (window " + policy.windowDays() + " days)",
                            "trace.clawback.outsideWindow",
                            List.of(
                                    e.getKey().toString(),
                                    cancel.on().toString(),
                                    Long.toString(days),
                                    Long.toString(policy.windowDays()))));
                    continue;
                }
                BigDecimal back = earned.multiply(policy.share()).negate();
                total = total.add(back);
                clawedBack.add(e.getKey());
                contributions.add(new Contribution(
                        e.getKey(),
                        cancel.on(),
                        "clawback",
                        null,
                        policy.share(),
                        txn.get().amount(),
                        null,
                        null,
                        List.of(),
                        back));
                steps.add(new TraceStep(
                        "clawback",
                        e.getKey() + " closed " + txn.get().closeDate() + ", cancelled "
                                + cancel.on() + " (" + days + " days, window " + policy.windowDays() + "): earned "
                                + ComponentEvaluator.plain(earned) + " x "
                                + policy.share().toPlainString() + " taken back",
                        "trace.clawback.takenBack",
                        List.of(
                                e.getKey().toString(),
                                txn.get().closeDate().toString(),
                                cancel.on().toString(),
                                Long.toString(days),
                                Long.toString(policy.windowDays()),
                                ComponentEvaluator.plain(earned),
                                policy.share().toPlainString())));
            }
        }
        if (contributions.isEmpty()) {
            return Optional.empty();
        }
        Money amount = new Money(total, plan.currency()).rounded();
        steps.add(new TraceStep(
                "amount",
                amount.toString(),
                "trace.words.amount",
                List.of(amount.amount().toPlainString(), amount.currency().toString())));
        return Optional.of(new EarningsLine(
                "clawback",
                "clawback",
                plan.id(),
                amount,
                null,
                contributions.stream().map(Contribution::transaction).toList(),
                null,
                new Trace(steps, contributions)));
    }
}
