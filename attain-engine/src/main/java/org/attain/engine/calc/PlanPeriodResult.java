package org.attain.engine.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.attain.engine.model.TransactionId;
import org.attain.engine.money.Money;

/**
 * One plan's part of a payee-period: measure totals, the quota and attainment (full precision; see
 * {@link #attainmentShown()}), the component lines and what each deal earned under per-deal components.
 */
public record PlanPeriodResult(
        String plan,
        Map<String, Money> measures,
        Money quota,
        String quotaExplanation,
        BigDecimal attainment,
        List<EarningsLine> lines,
        Map<TransactionId, BigDecimal> dealEarnings)
        implements java.io.Serializable {

    public PlanPeriodResult {
        measures = Map.copyOf(measures);
        lines = List.copyOf(lines);
        dealEarnings = Map.copyOf(dealEarnings);
    }

    /** Attainment truncated to 4 decimals: 0.99999 shows 0.9999, never a tier not reached. */
    public BigDecimal attainmentShown() {
        return attainment == null ? null : attainment.setScale(4, RoundingMode.DOWN);
    }

    public Money total() {
        Money sum = null;
        for (EarningsLine line : lines) {
            sum = sum == null ? line.amount() : sum.plus(line.amount());
        }
        return sum;
    }
}
