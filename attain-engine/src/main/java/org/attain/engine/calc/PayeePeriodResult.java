package org.attain.engine.calc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.attain.engine.ledger.LedgerEntry;
import org.attain.engine.ledger.LedgerState;
import org.attain.engine.model.PersonId;
import org.attain.engine.money.Money;
import org.attain.engine.time.PeriodId;

/**
 * A payee's statement for one period: per plan the measures, quota and attainment; every earnings line
 * with its trace; the ledger movements; the balances after; and the payout. {@code closed} marks a
 * period recomputed exactly as issued on its close date.
 */
public record PayeePeriodResult(
        PersonId person,
        PeriodId period,
        boolean closed,
        List<PlanPeriodResult> plans,
        List<EarningsLine> lines,
        List<LedgerEntry> ledger,
        LedgerState ledgerAfter,
        Money payout)
        implements java.io.Serializable {

    public PayeePeriodResult {
        plans = List.copyOf(plans);
        lines = List.copyOf(lines);
        ledger = List.copyOf(ledger);
    }

    /** The first line of a component (or of "clawback", "prior_period_adjustment", "adjustment"). */
    public Optional<EarningsLine> line(String component) {
        return lines.stream().filter(l -> l.component().equals(component)).findFirst();
    }

    /** The sum of all lines with this component id; zero when there is none. */
    public Money amountOf(String component) {
        Money sum = Money.zero(payout.currency());
        for (EarningsLine l : lines) {
            if (l.component().equals(component)) {
                sum = sum.plus(l.amount());
            }
        }
        return sum;
    }

    public Money earnings() {
        Money sum = Money.zero(payout.currency());
        for (EarningsLine l : lines) {
            sum = sum.plus(l.amount());
        }
        return sum;
    }

    /** The plan that carries a quota (the first one if several), which is what attainment refers to. */
    public Optional<PlanPeriodResult> quotaPlan() {
        return plans.stream()
                .filter(p -> p.quota() != null)
                .findFirst()
                .or(() -> plans.stream().findFirst());
    }

    public Optional<BigDecimal> attainmentShown() {
        return quotaPlan().map(PlanPeriodResult::attainmentShown);
    }

    public Optional<Money> quota() {
        return quotaPlan().map(PlanPeriodResult::quota);
    }
}
