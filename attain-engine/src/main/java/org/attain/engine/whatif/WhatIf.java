package org.attain.engine.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.model.Transaction;
import org.attain.engine.money.Money;
import org.attain.engine.plan.CompiledPlan;
import org.attain.engine.time.PeriodId;
import org.attain.engine.time.PeriodKind;

/**
 * "What happens if I close this deal?": runs the payee's period twice, without and with the deal, through
 * the same pure engine, and reports the difference. Nothing is stored; the input is not changed.
 */
public final class WhatIf {

    private final Engine engine;

    public WhatIf(Engine engine) {
        this.engine = engine;
    }

    /**
     * The effect of {@code deal} on {@code payee}'s statement for the period containing its close date
     * (of the payee's plan frequency). Periods of the input before that one are computed too, so ledger
     * balances carry in exactly as in a real run.
     */
    public Optional<WhatIfResult> evaluate(CalculationInput input, PersonId payee, Transaction deal) {
        PeriodKind kind = frequencyOf(input, payee);
        PeriodId period = input.calendar().periodOf(deal.closeDate(), kind);
        List<PeriodId> periods = new ArrayList<>();
        for (PeriodId p : input.periods()) {
            if (p.kind() == kind && p.compareTo(period) < 0) {
                periods.add(p);
            }
        }
        periods.add(period);
        CalculationInput base = input.only(Set.of(payee), periods, input.openingLedger());
        CalculationResult without = engine.calculate(base);
        CalculationResult with = engine.calculate(base.withTransactions(List.of(deal)));
        Optional<PayeePeriodResult> before = without.statement(payee, period);
        Optional<PayeePeriodResult> after = with.statement(payee, period);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Money> was = totals(before.get());
        Map<String, Money> now = totals(after.get());
        List<LineChange> changes = new ArrayList<>();
        Money zero = Money.zero(after.get().payout().currency());
        for (Map.Entry<String, Money> e : now.entrySet()) {
            Money b = was.getOrDefault(e.getKey(), zero);
            if (!b.sameValueAs(e.getValue())) {
                changes.add(
                        new LineChange(e.getKey(), b, e.getValue(), e.getValue().minus(b)));
            }
        }
        for (Map.Entry<String, Money> e : was.entrySet()) {
            if (!now.containsKey(e.getKey()) && !e.getValue().isZero()) {
                changes.add(new LineChange(
                        e.getKey(), e.getValue(), zero, e.getValue().negate()));
            }
        }
        return Optional.of(new WhatIfResult(
                payee,
                period,
                before.get(),
                after.get(),
                changes,
                after.get().earnings().minus(before.get().earnings())));
    }

    private static Map<String, Money> totals(PayeePeriodResult s) {
        Map<String, Money> map = new LinkedHashMap<>();
        for (EarningsLine l : s.lines()) {
            map.merge(l.component(), l.amount(), Money::plus);
        }
        return map;
    }

    private static PeriodKind frequencyOf(CalculationInput input, PersonId payee) {
        for (PlanAssignment a : input.assignments()) {
            if (a.person().equals(payee)) {
                for (CompiledPlan p : input.plans()) {
                    if (p.id().equals(a.planId()) && p.frequency().isPresent()) {
                        return p.frequency().get();
                    }
                }
            }
        }
        return input.periods().isEmpty()
                ? PeriodKind.QUARTER
                : input.periods().get(0).kind();
    }
}
