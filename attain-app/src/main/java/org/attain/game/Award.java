package org.attain.game;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a settled contest gives a winner: cash waits for approval and is then paid as a SPIFF through payout's
 * adjustments ({@code adjustmentId}); points are granted at once; an item is recorded and shown, never paid through
 * the ledger. One per contest and winner; a coded prize ({@code code}) once ever.
 */
public record Award(
        long id,
        long contestId,
        long personId,
        String personName,
        int place,
        BigDecimal metricValue,
        BigDecimal cash,
        String currency,
        Integer points,
        String state,
        String trace,
        Long adjustmentId,
        String approvedBy,
        Instant approvedAt,
        String item,
        String code) {}
