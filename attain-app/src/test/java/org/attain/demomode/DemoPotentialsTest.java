package org.attain.demomode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The demo's potentials are a function of the account alone, whole thousands, growing with the account's size. */
class DemoPotentialsTest {

    @Test
    void theSameAccountGetsTheSamePotentialInWholeThousandsAndBiggerAccountsMore() {
        assertThat(DemoPotentials.of("A0001", 120)).isEqualByComparingTo(DemoPotentials.of("A0001", 120));
        assertThat(DemoPotentials.of("A0001", 120).remainder(new BigDecimal("1000")))
                .isZero();
        assertThat(DemoPotentials.of("A0001", 120)).isBetween(new BigDecimal("76000"), new BigDecimal("143000"));
        assertThat(DemoPotentials.of("A0001", 80_000)).isGreaterThan(DemoPotentials.of("A0001", 20));
    }
}
