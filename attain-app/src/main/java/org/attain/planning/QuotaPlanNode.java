package org.attain.planning;

import java.math.BigDecimal;

/**
 * A person in a plan's tree as it stood when the plan was made: their manager in the plan ({@code parentId},
 * null at the root), the method that splits their number among their reports (null: the plan's default), and
 * what the methods weigh, in the plan's currency: the subtree's won bookings of the previous fiscal year and
 * its open pipeline, and the potential of the accounts its people own.
 */
public record QuotaPlanNode(
        long personId,
        Long parentId,
        String name,
        String title,
        String currency,
        int depth,
        AllocationMethod method,
        BigDecimal history,
        BigDecimal pipeline,
        BigDecimal potential) {

    public QuotaPlanNode {
        potential = potential == null ? BigDecimal.ZERO : potential;
    }
}
