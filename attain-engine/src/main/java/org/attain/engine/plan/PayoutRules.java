package org.attain.engine.plan;

/** The plan's ledger rules; any of them may be null (not used). */
public record PayoutRules(
        ClawbackPolicy clawback,
        HoldbackPolicy holdback,
        DrawPolicy draw,
        DrawPolicy guarantee,
        NegativeBalance negativeBalance) {

    public static PayoutRules none() {
        return new PayoutRules(null, null, null, null, NegativeBalance.CARRY_FORWARD);
    }
}
