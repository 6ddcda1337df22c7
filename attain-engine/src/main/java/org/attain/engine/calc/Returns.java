package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.credit.Credit;
import org.attain.engine.credit.CreditIndex;
import org.attain.engine.model.Event;
import org.attain.engine.model.ReturnOf;
import org.attain.engine.model.Transaction;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.plan.ReturnPolicy;
import org.attain.engine.time.DateRange;
import org.attain.engine.time.PeriodId;

/**
 * Returns and reversals linked to their deal ({@code refers_to}). Under the default policy the period where a
 * return is recorded takes back what the original deal earned in its own period, slice by slice at the rates it
 * earned it ({@code returned / original amount} of it, so a partial return takes back its share), and the return
 * itself is no booking: the period's bookings and attainment stay as they are. The original's period is not
 * rewritten (closed or not). A return whose original the run does not know, or that returns more than is left
 * of it, is a run issue naming the return and the field, and takes nothing back.
 */
final class Returns {

    static final String CLAWBACK_CODE = "trace.returns.clawback";
    static final String SLICE_CODE = "trace.returns.slice";
    static final String BOOKINGS_CODE = "trace.returns.bookings";

    private Returns() {}

    /** One linked return as the run sees it: its share of the original, or why it takes nothing back. */
    record Verdict(Transaction ret, Transaction original, BigDecimal share, String problem)
            implements java.io.Serializable {}

    /** The run's linked returns in credit order, each judged once against its original and the returns before it. */
    record Book(List<Verdict> verdicts) implements java.io.Serializable {

        static final Book EMPTY = new Book(List.of());

        boolean isEmpty() {
            return verdicts.isEmpty();
        }

        List<String> problems() {
            List<String> out = new ArrayList<>();
            for (Verdict v : verdicts) {
                if (v.problem() != null) {
                    out.add(v.problem());
                }
            }
            return out;
        }
    }

    static Book book(CreditIndex index) {
        List<Transaction> linked = new ArrayList<>();
        for (Transaction t : index.transactions()) {
            if (t.returnOf() != null) {
                linked.add(t);
            }
        }
        if (linked.isEmpty()) {
            return Book.EMPTY;
        }
        linked.sort(CreditIndex.CREDIT_ORDER);
        Map<TransactionId, BigDecimal> returnedSoFar = new LinkedHashMap<>();
        Map<TransactionId, List<String>> returnedBy = new LinkedHashMap<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (Transaction r : linked) {
            TransactionId ref = r.returnOf().refersTo();
            Optional<Transaction> original = index.transaction(ref);
            String where = r.returnOf().kind() + " " + r.id();
            if (original.isEmpty()) {
                verdicts.add(new Verdict(
                        r,
                        null,
                        null,
                        where + " (refers_to): refers to transaction '" + ref
                                + "', which is unknown (or excluded from this run); nothing is clawed back"));
                continue;
            }
            Transaction o = original.get();
            if (o.returnOf() != null) {
                verdicts.add(new Verdict(
                        r,
                        o,
                        null,
                        where + " (refers_to): " + ref + " is itself a return; refer to the original deal"));
                continue;
            }
            if (!o.amount().currency().equals(r.amount().currency())) {
                verdicts.add(new Verdict(
                        r,
                        o,
                        null,
                        where + " (amount): is in " + r.amount().currency() + " but " + ref + " is in "
                                + o.amount().currency() + "; nothing is clawed back"));
                continue;
            }
            BigDecimal whole = o.amount().amount().abs();
            BigDecimal returned = r.amount().amount().abs();
            BigDecimal before = returnedSoFar.getOrDefault(ref, BigDecimal.ZERO);
            BigDecimal left = whole.subtract(before);
            if (whole.signum() == 0 || returned.compareTo(left) > 0) {
                String by = returnedBy.containsKey(ref) ? " by " + String.join(", ", returnedBy.get(ref)) : "";
                verdicts.add(new Verdict(
                        r,
                        o,
                        null,
                        where + " (amount): returns " + ComponentEvaluator.plain(returned) + " of " + ref
                                + ", but only " + ComponentEvaluator.plain(left) + " of its "
                                + ComponentEvaluator.plain(whole) + " is left (already returned "
                                + ComponentEvaluator.plain(before) + by + "); nothing is clawed back"));
                continue;
            }
            returnedSoFar.put(ref, before.add(returned));
            returnedBy.computeIfAbsent(ref, k -> new ArrayList<>()).add(r.id().value());
            verdicts.add(new Verdict(r, o, returned.divide(whole, MathContext.DECIMAL128), null));
        }
        return new Book(List.copyOf(verdicts));
    }

    /** The links given as {@link Event.TransactionReturned} events, by the return's id. */
    static Map<TransactionId, ReturnOf> links(List<Event> events) {
        Map<TransactionId, ReturnOf> links = new java.util.HashMap<>();
        for (Event e : events) {
            if (e instanceof Event.TransactionReturned r) {
                links.put(r.transaction(), new ReturnOf(r.kind(), r.refersTo()));
            }
        }
        return Map.copyOf(links);
    }

    /** The transactions with the links given as events applied (the same list when there are none). */
    static List<Transaction> linked(List<Transaction> transactions, Map<TransactionId, ReturnOf> links) {
        if (links.isEmpty()) {
            return transactions;
        }
        List<Transaction> out = new ArrayList<>(transactions.size());
        for (Transaction t : transactions) {
            ReturnOf link = t.returnOf() == null ? links.get(t.id()) : null;
            out.add(link == null ? t : t.withReturnOf(link));
        }
        return out;
    }

    /** The credits a plan counts: linked returns count only where the plan reduces attainment with them. */
    static List<Credit> counted(RunContext ctx, CompiledPlan plan, List<Credit> credits) {
        if (ctx.returns.isEmpty() || plan.payout().returns() == ReturnPolicy.REDUCE_ATTAINMENT) {
            return credits;
        }
        List<Credit> kept = null;
        for (int i = 0; i < credits.size(); i++) {
            Credit c = credits.get(i);
            if (c.transaction().returnOf() != null) {
                if (kept == null) {
                    kept = new ArrayList<>(credits.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(c);
            }
        }
        return kept == null ? credits : kept;
    }

    /** The day a return counts: the day it was recorded when that is later than its own date. */
    static LocalDate on(Transaction r) {
        return r.recordedOn() != null && r.recordedOn().isAfter(r.closeDate()) ? r.recordedOn() : r.closeDate();
    }

    /** The plan's clawback line for the returns recorded in this period, if any took something back. */
    static Optional<EarningsLine> line(
            RunContext ctx,
            CompiledPlan plan,
            PeriodId period,
            LocalDate asOf,
            Clawbacks.CreditPeriodLookup lookup,
            Set<TransactionId> clawedBack) {
        if (ctx.returns.isEmpty() || plan.payout().returns() != ReturnPolicy.CLAW_BACK_ORIGINAL_COMMISSION) {
            return Optional.empty();
        }
        DateRange range = ctx.calendar.range(period);
        BigDecimal total = BigDecimal.ZERO;
        List<Contribution> contributions = new ArrayList<>();
        List<TraceStep> steps = new ArrayList<>();
        for (Verdict v : ctx.returns.verdicts()) {
            LocalDate on = on(v.ret());
            if (v.problem() != null || !range.contains(on) || on.isAfter(asOf)) {
                continue;
            }
            Transaction o = v.original();
            PlanPeriodResult origin = lookup.find(plan, o, period, on);
            BigDecimal earned = origin == null ? null : origin.dealEarnings().get(o.id());
            if (earned == null || earned.signum() == 0) {
                continue;
            }
            PeriodId originPeriod = ctx.calendar.periodOf(o.closeDate(), period.kind());
            BigDecimal back = earned.multiply(v.share()).negate();
            total = total.add(back);
            if (v.share().compareTo(BigDecimal.ONE) == 0) {
                clawedBack.add(o.id());
            }
            String percent = percent(v.share());
            steps.add(new TraceStep(
                    "return",
                    v.ret().id() + " returns " + percent + " of " + o.id() + " ("
                            + o.amount().toPlainString()
                            + "), which earned " + ComponentEvaluator.plain(earned) + " in " + originPeriod
                            + ": taken back at the rates it earned",
                    CLAWBACK_CODE,
                    List.of(
                            v.ret().id().value(),
                            o.id().value(),
                            originPeriod.toString(),
                            percent,
                            ComponentEvaluator.plain(earned))));
            List<TierSlice> reversed = new ArrayList<>();
            for (EarningsLine line : origin.lines()) {
                for (Contribution c : line.trace().contributions()) {
                    if (!c.transaction().equals(o.id())) {
                        continue;
                    }
                    for (TierSlice s : c.slices()) {
                        TierSlice r = new TierSlice(
                                s.tier(),
                                s.bounds(),
                                s.base().multiply(v.share()).negate(),
                                s.rate(),
                                s.amount().multiply(v.share()).negate());
                        reversed.add(r);
                        steps.add(new TraceStep(
                                "slice",
                                o.id() + " " + line.component() + " tier " + s.tier() + " " + s.bounds() + ": "
                                        + ComponentEvaluator.plain(r.base()) + " x "
                                        + s.rate().toPlainString()
                                        + " = " + ComponentEvaluator.plain(r.amount()),
                                SLICE_CODE,
                                List.of(
                                        o.id().value(),
                                        String.valueOf(s.tier()),
                                        s.bounds(),
                                        ComponentEvaluator.plain(r.base()),
                                        ComponentEvaluator.plain(r.amount()))));
                    }
                }
            }
            contributions.add(new Contribution(
                    v.ret().id(),
                    on,
                    "return of " + o.id(),
                    null,
                    v.share(),
                    v.ret().amount(),
                    null,
                    null,
                    reversed,
                    back));
            steps.add(new TraceStep(
                    "bookings",
                    v.ret().id() + " does not reduce this period's bookings or attainment",
                    BOOKINGS_CODE,
                    List.of(v.ret().id().value())));
        }
        if (contributions.isEmpty()) {
            return Optional.empty();
        }
        Money amount = new Money(total, plan.currency()).rounded();
        steps.add(new TraceStep(
                "amount",
                amount.toString(),
                "trace.words.amount",
                List.of(amount.amount().toPlainString(), plan.currency().toString())));
        return Optional.of(new EarningsLine(
                "clawback",
                "return_clawback",
                plan.id(),
                amount,
                null,
                contributions.stream().map(Contribution::transaction).toList(),
                null,
                new Trace(steps, contributions)));
    }

    private static String percent(BigDecimal share) {
        BigDecimal p = share.multiply(BigDecimal.valueOf(100)).round(new MathContext(6));
        return p.stripTrailingZeros().toPlainString() + "%";
    }
}
