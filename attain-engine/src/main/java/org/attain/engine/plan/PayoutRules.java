package org.attain.engine.plan;

/** The plan's ledger rules; any of them may be null (not used) except {@code returns}. */
public record PayoutRules(
        ClawbackPolicy clawback,
        HoldbackPolicy holdback,
        DrawPolicy draw,
        DrawPolicy guarantee,
        NegativeBalance negativeBalance,
        ReturnPolicy returns)
        implements java.io.Serializable {

    public PayoutRules {
        returns = returns == null ? ReturnPolicy.CLAW_BACK_ORIGINAL_COMMISSION : returns;
    }

    /** Rules with the default treatment of linked returns (the shape before plans could choose it). */
    public PayoutRules(
            ClawbackPolicy clawback,
            HoldbackPolicy holdback,
            DrawPolicy draw,
            DrawPolicy guarantee,
            NegativeBalance negativeBalance) {
        this(clawback, holdback, draw, guarantee, negativeBalance, null);
    }

    public static PayoutRules none() {
        return new PayoutRules(null, null, null, null, NegativeBalance.CARRY_FORWARD);
    }
}
