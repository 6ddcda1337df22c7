package org.attain.pay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A payee's on-target earnings for a quarter as a statement shows them: base + target incentive (read from
 * quota's {@code quota_target_incentive_v}, which spreads an annual target over its quarters), the pay mix, and
 * what the quarter earned against the target incentive.
 */
@Service
public class OnTargetEarnings {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;

    OnTargetEarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param source the period the figures were set for (the quarter itself, its months, or the fiscal year)
     * @param earned the quarter's earnings in {@code earnedCurrency} (null: not calculated yet)
     */
    public record Figures(
            BigDecimal target,
            BigDecimal base,
            String currency,
            String source,
            BigDecimal earned,
            String earnedCurrency) {

        public BigDecimal ote() {
            return target.add(base == null ? BigDecimal.ZERO : base);
        }

        /** Base share of OTE in whole percent (the "60" of 60/40); null without a base. */
        public Integer basePercent() {
            if (base == null || ote().signum() == 0) {
                return null;
            }
            return base.multiply(HUNDRED)
                    .divide(ote(), 0, RoundingMode.HALF_EVEN)
                    .intValue();
        }

        /** Variable share of OTE in whole percent (the "40" of 60/40); null without a base. */
        public Integer variablePercent() {
            Integer b = basePercent();
            return b == null ? null : 100 - b;
        }

        /** Earned over target incentive as a fraction (1.10 = 110 %); null when not comparable. */
        public BigDecimal earnedShare() {
            if (earned == null || target.signum() == 0 || !currency.equals(earnedCurrency)) {
                return null;
            }
            return earned.divide(target, 4, RoundingMode.HALF_EVEN);
        }
    }

    public Optional<Figures> of(long personId, String quarter, BigDecimal earned, String earnedCurrency) {
        return jdbc.sql("""
                select target, base, currency, source_period from quota_target_incentive_v
                where person_id = :p and period_id = :q""")
                .param("p", personId)
                .param("q", quarter)
                .query((rs, n) -> new Figures(
                        rs.getBigDecimal(1),
                        rs.getBigDecimal(2),
                        rs.getString(3).strip(),
                        rs.getString(4),
                        earned,
                        earnedCurrency == null ? null : earnedCurrency.strip()))
                .optional();
    }
}
