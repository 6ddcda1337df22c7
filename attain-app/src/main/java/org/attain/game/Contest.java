package org.attain.game;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contest over the days [startsOn, endsOn], its participants (person ids) and prizes per place; {@code formula}: the
 * CEL expression of a {@link Metric#FORMULA} contest, else null.
 */
public record Contest(
        long id,
        String name,
        ContestKind kind,
        Metric metric,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal target,
        Integer intervalDays,
        String state,
        String createdBy,
        Instant createdAt,
        List<Long> participants,
        List<Prize> prizes,
        String formula) {

    /** Cash (with its currency) and/or points for a place. */
    public record Prize(int place, BigDecimal cash, String currency, Integer points) {}

    public boolean settled() {
        return "SETTLED".equals(state);
    }
}
