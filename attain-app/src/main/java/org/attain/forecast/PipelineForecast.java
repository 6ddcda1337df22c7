package org.attain.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The arithmetic of a pipeline forecast, pure: the stage-weighted amount (amount × the stage's probability)
 * and the cumulative category figures of a set of deals. Amounts are summed exactly and rounded to cents
 * once, at the end (HALF_EVEN).
 */
public final class PipelineForecast {

    /** The figures of one set of deals: weighted and the cumulative category totals (omitted is the sum of omitted deals). */
    public record Figures(BigDecimal weighted, Map<ForecastCategory, BigDecimal> cumulative, int deals) {

        public BigDecimal of(ForecastCategory category) {
            return cumulative.get(category);
        }
    }

    private PipelineForecast() {}

    public static Figures figures(Collection<PipelineDeal> deals, StageProbabilities probabilities) {
        return figures(deals, d -> probabilities.of(d.stage()));
    }

    /** The same with a probability per deal (a stage's probability may depend on the deal's age). */
    public static Figures figures(
            Collection<PipelineDeal> deals, java.util.function.Function<PipelineDeal, BigDecimal> probability) {
        BigDecimal weighted = BigDecimal.ZERO;
        Map<ForecastCategory, BigDecimal> cumulative = new EnumMap<>(ForecastCategory.class);
        for (ForecastCategory c : ForecastCategory.values()) {
            cumulative.put(c, BigDecimal.ZERO);
        }
        for (PipelineDeal d : deals) {
            if (d.category() == ForecastCategory.OMITTED) {
                cumulative.merge(ForecastCategory.OMITTED, d.amount(), BigDecimal::add);
                continue;
            }
            BigDecimal p = d.category() == ForecastCategory.CLOSED ? BigDecimal.ONE : probability.apply(d);
            weighted = weighted.add(d.amount().multiply(p));
            for (ForecastCategory level : ForecastCategory.values()) {
                if (d.category().countsIn(level)) {
                    cumulative.merge(level, d.amount(), BigDecimal::add);
                }
            }
        }
        cumulative.replaceAll((c, v) -> cents(v));
        return new Figures(cents(weighted), Map.copyOf(cumulative), deals.size());
    }

    /**
     * How close a forecast came: {@code 1 - |forecast - actual| / actual}, four decimals (HALF_UP); empty when
     * the actual is zero (no ratio to take), never below zero is not enforced: a forecast three times the actual
     * scores -1, which says what happened.
     */
    public static java.util.Optional<BigDecimal> accuracy(BigDecimal forecast, BigDecimal actual) {
        if (actual.signum() == 0) {
            return java.util.Optional.empty();
        }
        BigDecimal error = forecast.subtract(actual).abs().divide(actual.abs(), 10, RoundingMode.HALF_EVEN);
        return java.util.Optional.of(BigDecimal.ONE.subtract(error).setScale(4, RoundingMode.HALF_UP));
    }

    static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
