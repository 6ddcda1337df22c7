package org.attain.engine.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.DrawPolicy;
import org.attain.engine.plan.NegativeBalance;

/**
 * Posts one period to a payee's ledger. Order: earnings, holdbacks withheld, holdbacks released, the
 * negative balance carried in, then the draw or guarantee, and finally what remains: paid if positive,
 * carried forward (or written off) if negative. A payment is never negative.
 */
public final class PayoutLedger {

    private PayoutLedger() {
    }

    public static LedgerOutcome post(LedgerState before, LedgerPeriodInput in) {
        List<LedgerEntry> entries = new ArrayList<>();
        Money zero = Money.zero(in.earnings().currency());
        Map<TransactionId, Money> held = new TreeMap<>(before.held());
        Money available = in.earnings();
        entries.add(new LedgerEntry("earnings", in.earnings(), null, "sum of earnings lines"));
        for (Map.Entry<TransactionId, Money> hold : new TreeMap<>(in.newHolds()).entrySet()) {
            if (hold.getValue().isZero()) {
                continue;
            }
            held.merge(hold.getKey(), hold.getValue(), Money::plus);
            available = available.minus(hold.getValue());
            entries.add(new LedgerEntry("holdback_withheld", hold.getValue().negate(), hold.getKey(), "held until released"));
        }
        for (TransactionId id : new TreeMap<>(held).keySet()) {
            if (in.releasable().contains(id)) {
                Money released = held.remove(id);
                available = available.plus(released);
                entries.add(new LedgerEntry("holdback_released", released, id, "release event recorded"));
            }
        }
        if (before.carried().isNegative()) {
            available = available.plus(before.carried());
            entries.add(new LedgerEntry("balance_carried_in", before.carried(), null, "negative balance from earlier periods"));
        }
        Money carried = zero;
        Money drawBalance = before.drawBalance();
        Money payout;
        DrawPolicy draw = active(in.draw(), in) ? in.draw() : active(in.guarantee(), in) ? in.guarantee() : null;
        if (draw != null && draw.recoverable()) {
            Money due = available.minus(drawBalance);
            Money minimum = draw.amountPerPeriod();
            if (due.compareTo(minimum) >= 0) {
                if (drawBalance.isPositive()) {
                    entries.add(new LedgerEntry("draw_recovered", drawBalance.negate(), null, "outstanding draw recovered"));
                }
                payout = due;
                drawBalance = zero;
            } else {
                Money recovered = available.min(drawBalance).max(zero);
                Money advanced = minimum.minus(available.minus(recovered));
                if (recovered.isPositive()) {
                    entries.add(new LedgerEntry("draw_recovered", recovered.negate(), null, "outstanding draw recovered"));
                }
                entries.add(new LedgerEntry("draw_advanced", advanced, null, "recoverable draw tops up to " + minimum.toPlainString()));
                payout = minimum;
                drawBalance = drawBalance.minus(recovered).plus(advanced);
            }
        } else if (draw != null) {
            Money minimum = draw.amountPerPeriod();
            if (available.compareTo(minimum) < 0) {
                Money topUp = minimum.minus(available.max(zero));
                entries.add(new LedgerEntry(in.draw() == draw ? "draw_paid" : "guarantee_paid", topUp, null,
                        "non-recoverable minimum " + minimum.toPlainString()));
                carried = available.isNegative() ? available : zero;
                payout = minimum;
            } else {
                payout = available;
            }
        } else if (available.isNegative()) {
            payout = zero;
            if (in.negativeBalance() == NegativeBalance.CARRY_FORWARD) {
                carried = available;
                entries.add(new LedgerEntry("balance_carried_forward", available.negate(), null, "never a negative payment"));
            } else {
                entries.add(new LedgerEntry("balance_written_off", available.negate(), null, "negative balance written off"));
            }
        } else {
            payout = available;
        }
        entries.add(new LedgerEntry("payout", payout, null, "paid for the period"));
        return new LedgerOutcome(entries, payout, new LedgerState(carried, drawBalance, held));
    }

    private static boolean active(DrawPolicy policy, LedgerPeriodInput in) {
        return policy != null && policy.window().contains(in.periodStart());
    }
}
