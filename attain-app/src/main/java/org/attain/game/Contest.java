package org.attain.game;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contest over the days [startsOn, endsOn], its participants (person ids, in the order given: a bracket's seeds)
 * and prizes per place; {@code formula}: the CEL expression of a {@link Metric#FORMULA} contest, else null;
 * {@code teamScore} (SUM or AVERAGE) and {@code teams} (each participant's team) for a team battle.
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
        String formula,
        String teamScore,
        java.util.Map<Long, String> teams) {

    /**
     * Cash (with its currency), points and/or an item (non-cash, recorded and shown, never in the payout ledger) for
     * a place; {@code code}: set for a prize that exists once (no other contest offers it; one winner gets it).
     */
    public record Prize(int place, BigDecimal cash, String currency, Integer points, String item, String code) {

        public Prize(int place, BigDecimal cash, String currency, Integer points) {
            this(place, cash, currency, points, null, null);
        }
    }

    public boolean settled() {
        return "SETTLED".equals(state);
    }
}
