package org.attain.planning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A quota plan: a target for a fiscal year or quarter and a measure, in a currency, over the reporting tree
 * below {@code rootPersonId} as it stood on {@code treeAsOf}; who moved it through its states and when.
 * {@code target} is null for a manager, who sees only their subtree's numbers.
 */
public record QuotaPlan(
        long id,
        String name,
        String periodId,
        String measure,
        String currency,
        BigDecimal target,
        long rootPersonId,
        LocalDate treeAsOf,
        AllocationMethod defaultMethod,
        BigDecimal blendEven,
        BigDecimal blendHistory,
        BigDecimal blendPipeline,
        BigDecimal upliftPercent,
        PlanState state,
        String createdBy,
        Instant createdAt,
        String reviewedBy,
        Instant reviewedAt,
        String approvedBy,
        Instant approvedAt,
        String publishedBy,
        Instant publishedAt,
        int version) {

    QuotaPlan withoutTarget() {
        return new QuotaPlan(
                id,
                name,
                periodId,
                measure,
                currency,
                null,
                rootPersonId,
                treeAsOf,
                defaultMethod,
                blendEven,
                blendHistory,
                blendPipeline,
                upliftPercent,
                state,
                createdBy,
                createdAt,
                reviewedBy,
                reviewedAt,
                approvedBy,
                approvedAt,
                publishedBy,
                publishedAt,
                version);
    }
}
