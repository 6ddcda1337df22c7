package org.attain.demomode;

import java.math.BigDecimal;

/**
 * The demo company's account potentials: what an account could buy in a year, from its size (10,000 per square
 * root of its employees, so a 20-person shop is worth about 45,000 and an 80,000-person group about 2.8 million)
 * varied by ±30 % per account, rounded to whole thousands in the account's region currency. A function of the
 * account alone: the same company gets the same potentials on every load.
 */
final class DemoPotentials {

    private static final long PER_SQRT_EMPLOYEE = 10_000L;

    private DemoPotentials() {}

    static BigDecimal of(String externalId, int employees) {
        int percent = 70 + Math.floorMod(externalId.hashCode(), 61);
        long thousands = Math.round(Math.sqrt(Math.max(1, employees)) * PER_SQRT_EMPLOYEE * percent / 100_000.0);
        return BigDecimal.valueOf(Math.max(1, thousands) * 1000L).setScale(4);
    }
}
