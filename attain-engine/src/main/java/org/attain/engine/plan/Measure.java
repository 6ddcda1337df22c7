package org.attain.engine.plan;

import java.util.List;
import java.util.Set;

/**
 * A number the plan pays on: the credited amount (or count) of transactions with one of {@code statuses},
 * collected by the credit rules. A transaction matched by several rules is credited once, by the first.
 */
public record Measure(String id, Set<String> statuses, boolean count, List<CreditRule> creditRules)
        implements java.io.Serializable {

    public Measure {
        statuses = Set.copyOf(statuses);
        creditRules = List.copyOf(creditRules);
    }

    public static Measure bookings() {
        return new Measure("bookings", Set.of("won"), false, List.of(CreditRule.self()));
    }
}
