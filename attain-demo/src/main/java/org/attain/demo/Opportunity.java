package org.attain.demo;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A deal in the pipeline; maps to table {@code opportunity}. Closed opportunities carry their
 * actual close date, open ones the expected one.
 *
 * @param amount      total contract value in {@code currency}, scale 2
 * @param probability 0..1, scale 2, from the stage
 */
public record Opportunity(
        String externalId,
        String name,
        String accountId,
        String ownerId,
        Stage stage,
        DealType dealType,
        String productCode,
        BigDecimal amount,
        String currency,
        LocalDate createdOn,
        LocalDate closeDate,
        BigDecimal probability,
        int termMonths) {}
