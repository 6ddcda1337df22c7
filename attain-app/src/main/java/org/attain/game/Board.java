package org.attain.game;

import java.time.Instant;

/**
 * A stored leaderboard definition; {@code formula}: the CEL expression of a {@link Metric#FORMULA} board, else null;
 * {@code window}: the days it measures ({@code periodId} is set for a period window, else null).
 */
public record Board(
        long id,
        String name,
        Metric metric,
        RankingBasis basis,
        boolean bands,
        BoardScope scope,
        BoardVisibility visibility,
        String periodId,
        String createdBy,
        Instant createdAt,
        String formula,
        Window window) {

    /**
     * Whether another rep's value on this board would tell their pay or quota: percent of goal shows value
     * and percent together (value / percent = quota) and attainment is pay data itself.
     */
    public boolean compensationPrivate() {
        return basis == RankingBasis.PERCENT_OF_GOAL || metric == Metric.ATTAINMENT;
    }
}
