package org.attain.engine.cel;

import java.math.BigDecimal;

/**
 * CEL has no decimal type: a BigDecimal in a condition's input matches no comparison at all, so the
 * condition is quietly false. Exact numbers become what YAML gives a scenario: a whole number a long,
 * any other a double (conditions only; never used for pay).
 */
public final class CelNumbers {

    private CelNumbers() {}

    public static Object plain(Object value) {
        return value instanceof BigDecimal d ? plain(d) : value;
    }

    public static Object plain(BigDecimal d) {
        if (d.signum() == 0) {
            return 0L;
        }
        if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return d.doubleValue();
            }
        }
        return d.doubleValue();
    }
}
