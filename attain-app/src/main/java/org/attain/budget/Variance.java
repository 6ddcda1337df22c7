package org.attain.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budget against actual, pure: the variance (actual less budget, positive = over budget), its share of the budget in
 * percent (null without a budget) and whether it is over the alert threshold (spending or headcount above the budget
 * by more than the threshold's percent; an actual with no budget at all is always flagged).
 */
public record Variance(BigDecimal budget, BigDecimal actual, BigDecimal variance, BigDecimal percent, boolean alert) {

    public static Variance of(BigDecimal budget, BigDecimal actual, BigDecimal thresholdPercent) {
        if (budget == null || actual == null) {
            return new Variance(budget, actual, null, null, false);
        }
        BigDecimal variance = actual.subtract(budget);
        if (budget.signum() == 0) {
            return new Variance(budget, actual, variance, null, actual.signum() > 0);
        }
        BigDecimal percent = variance.multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_EVEN);
        return new Variance(budget, actual, variance, percent, percent.compareTo(thresholdPercent) > 0);
    }
}
