package org.attain.engine.ledger;

import static org.attain.engine.ledger.LedgerEntryKind.BALANCE_CARRIED_FORWARD;
import static org.attain.engine.ledger.LedgerEntryKind.BALANCE_CARRIED_IN;
import static org.attain.engine.ledger.LedgerEntryKind.BALANCE_WRITTEN_OFF;
import static org.attain.engine.ledger.LedgerEntryKind.DRAW_ADVANCED;
import static org.attain.engine.ledger.LedgerEntryKind.DRAW_PAID;
import static org.attain.engine.ledger.LedgerEntryKind.DRAW_RECOVERED;
import static org.attain.engine.ledger.LedgerEntryKind.EARNINGS;
import static org.attain.engine.ledger.LedgerEntryKind.GUARANTEE_PAID;
import static org.attain.engine.ledger.LedgerEntryKind.HOLDBACK_RELEASED;
import static org.attain.engine.ledger.LedgerEntryKind.HOLDBACK_WITHHELD;
import static org.attain.engine.ledger.LedgerEntryKind.PAYOUT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;
import org.attain.engine.plan.DrawPolicy;
import org.attain.engine.plan.NegativeBalance;

/**
 * Posts one period to a payee's ledger, as an ordered list of steps, each adding its own entries:
 * earnings, holdbacks withheld, holdbacks released, the negative balance carried in, then the draw
 * or guarantee, or else what a negative remainder becomes (carried forward or written off), and
 * finally the payout. A payment is never negative.
 */
public final class PayoutLedger {

    private PayoutLedger() {}

    public static LedgerOutcome post(LedgerState before, LedgerPeriodInput in) {
        Posting p = new Posting(before, in);
        p.earnings();
        p.withholdNewHoldbacks();
        p.releaseHoldbacks();
        p.carryInNegativeBalance();
        DrawPolicy draw = active(in.draw(), in) ? in.draw() : active(in.guarantee(), in) ? in.guarantee() : null;
        if (draw != null && draw.recoverable()) {
            p.recoverableDraw(draw);
        } else if (draw != null) {
            p.minimumPayment(draw, draw == in.draw() ? DRAW_PAID : GUARANTEE_PAID);
        } else {
            p.settleRemainder();
        }
        return p.pay();
    }

    private static boolean active(DrawPolicy policy, LedgerPeriodInput in) {
        return policy != null && policy.window().contains(in.periodStart());
    }

    /** One period's posting while it is being built; each method is one step of {@link #post}. */
    private static final class Posting {

        private final LedgerPeriodInput in;
        private final List<LedgerEntry> entries = new ArrayList<>();
        private final Map<TransactionId, Money> held;
        private final Money zero;
        private final Money carriedIn;
        private Money available;
        private Money carried;
        private Money drawBalance;
        private Money payout;

        Posting(LedgerState before, LedgerPeriodInput in) {
            this.in = in;
            this.zero = Money.zero(in.earnings().currency());
            this.held = new TreeMap<>(before.held());
            this.carriedIn = before.carried();
            this.drawBalance = before.drawBalance();
            this.carried = zero;
        }

        void earnings() {
            available = in.earnings();
            entries.add(new LedgerEntry(EARNINGS, in.earnings(), null, "sum of earnings lines"));
        }

        void withholdNewHoldbacks() {
            for (Map.Entry<TransactionId, Money> hold : new TreeMap<>(in.newHolds()).entrySet()) {
                if (hold.getValue().isZero()) {
                    continue;
                }
                held.merge(hold.getKey(), hold.getValue(), Money::plus);
                available = available.minus(hold.getValue());
                entries.add(new LedgerEntry(
                        HOLDBACK_WITHHELD, hold.getValue().negate(), hold.getKey(), "held until released"));
            }
        }

        void releaseHoldbacks() {
            for (TransactionId id : new TreeMap<>(held).keySet()) {
                if (in.releasable().contains(id)) {
                    Money released = held.remove(id);
                    available = available.plus(released);
                    entries.add(new LedgerEntry(HOLDBACK_RELEASED, released, id, "release event recorded"));
                }
            }
        }

        void carryInNegativeBalance() {
            if (carriedIn.isNegative()) {
                available = available.plus(carriedIn);
                entries.add(
                        new LedgerEntry(BALANCE_CARRIED_IN, carriedIn, null, "negative balance from earlier periods"));
            }
        }

        /** Pays at least the draw; what the payee earns above it first recovers what was advanced before. */
        void recoverableDraw(DrawPolicy draw) {
            Money due = available.minus(drawBalance);
            Money minimum = draw.amountPerPeriod();
            if (due.compareTo(minimum) >= 0) {
                if (drawBalance.isPositive()) {
                    entries.add(
                            new LedgerEntry(DRAW_RECOVERED, drawBalance.negate(), null, "outstanding draw recovered"));
                }
                payout = due;
                drawBalance = zero;
                return;
            }
            Money recovered = available.min(drawBalance).max(zero);
            Money advanced = minimum.minus(available.minus(recovered));
            if (recovered.isPositive()) {
                entries.add(new LedgerEntry(DRAW_RECOVERED, recovered.negate(), null, "outstanding draw recovered"));
            }
            entries.add(new LedgerEntry(
                    DRAW_ADVANCED, advanced, null, "recoverable draw tops up to " + minimum.toPlainString()));
            payout = minimum;
            drawBalance = drawBalance.minus(recovered).plus(advanced);
        }

        /** A non-recoverable draw or guarantee: tops up to the minimum and never asks it back. */
        void minimumPayment(DrawPolicy policy, LedgerEntryKind kind) {
            Money minimum = policy.amountPerPeriod();
            if (available.compareTo(minimum) >= 0) {
                payout = available;
                return;
            }
            Money topUp = minimum.minus(available.max(zero));
            entries.add(new LedgerEntry(kind, topUp, null, "non-recoverable minimum " + minimum.toPlainString()));
            carried = available.isNegative() ? available : zero;
            payout = minimum;
        }

        /** Without a draw, a negative remainder is never paid: it is carried forward or written off. */
        void settleRemainder() {
            if (!available.isNegative()) {
                payout = available;
                return;
            }
            payout = zero;
            if (in.negativeBalance() == NegativeBalance.CARRY_FORWARD) {
                carried = available;
                entries.add(
                        new LedgerEntry(BALANCE_CARRIED_FORWARD, available.negate(), null, "never a negative payment"));
            } else {
                entries.add(
                        new LedgerEntry(BALANCE_WRITTEN_OFF, available.negate(), null, "negative balance written off"));
            }
        }

        LedgerOutcome pay() {
            entries.add(new LedgerEntry(PAYOUT, payout, null, "paid for the period"));
            return new LedgerOutcome(entries, payout, new LedgerState(carried, drawBalance, held));
        }
    }
}
