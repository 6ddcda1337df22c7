package org.attain.forecast;

import java.math.BigDecimal;
import java.util.Objects;

/** An opportunity as the forecast sees it: whose, how much, in which stage and forecast category. */
public record PipelineDeal(
        String id, long ownerId, String stage, BigDecimal amount, String currency, ForecastCategory category) {

    public PipelineDeal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(category, "category");
    }
}
