package org.attain.engine.plan;

import java.math.BigDecimal;

/**
 * How a curve pays: fixed amounts read off its points, or shares of the payee's target incentive
 * ({@code pays: share_of_target_incentive}); nothing below {@code threshold} (null: only below the first
 * point); above the last point the value is held or the last segment extended ({@code above_last}).
 */
public record CurveTerms(Pays pays, BigDecimal threshold, AboveLast aboveLast) implements java.io.Serializable {

    /** What the plan language wrote before curves had terms: fixed amounts, held above the last point. */
    public static final CurveTerms FIXED = new CurveTerms(Pays.AMOUNT, null, AboveLast.HOLD);

    public enum Pays {
        AMOUNT,
        SHARE_OF_TARGET_INCENTIVE
    }

    public enum AboveLast {
        HOLD,
        EXTEND
    }

    public CurveTerms {
        pays = pays == null ? Pays.AMOUNT : pays;
        aboveLast = aboveLast == null ? AboveLast.HOLD : aboveLast;
    }

    public boolean paysShares() {
        return pays == Pays.SHARE_OF_TARGET_INCENTIVE;
    }
}
