package org.attain.engine.cel;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What a period-level condition can read: attainment, quota and measure totals (exact), plus the payee's
 * and period's attributes.
 */
public record PeriodFacts(
        BigDecimal attainment,
        BigDecimal quota,
        Map<String, BigDecimal> measures,
        Map<String, Object> person,
        Map<String, Object> period) {

    public PeriodFacts {
        measures = Map.copyOf(measures);
        person = Map.copyOf(person);
        period = Map.copyOf(period);
    }

    /** The exact value of a name a comparison may use: attainment, quota or a measure id. */
    public BigDecimal exact(String name) {
        return switch (name) {
            case "attainment" -> attainment;
            case "quota" -> quota;
            default -> measures.get(name);
        };
    }

    /** CEL has no decimal type; it sees doubles, which is why simple comparisons are evaluated exactly instead. */
    Map<String, Object> celVariables() {
        Map<String, Object> measureDoubles = new HashMap<>();
        measures.forEach((k, v) -> measureDoubles.put(k, v.doubleValue()));
        return Map.of(
                "attainment",
                attainment.doubleValue(),
                "quota",
                quota.doubleValue(),
                "measure",
                measureDoubles,
                "person",
                person,
                "period",
                period);
    }
}
