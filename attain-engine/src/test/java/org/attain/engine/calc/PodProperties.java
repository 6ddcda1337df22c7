package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.attain.engine.testing.Scenarios;

/**
 * For any deals and any join day: the pod counts exactly the deals whose owner was a member on the close
 * date, every member reads the same pod total, and the order deals arrive in changes nothing.
 */
class PodProperties {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Property(tries = 60)
    void thePodCountsDealsOfMembersOnTheirCreditDate(
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 1, max = 5_000_000) Long> cents,
            @ForAll @IntRange(min = 0, max = 89) int joinDay,
            @ForAll long seed) {
        LocalDate joins = JAN_1.plusDays(joinDay);
        Random random = new Random(seed);
        List<String> deals = new ArrayList<>();
        BigDecimal podTotal = BigDecimal.ZERO;
        for (int i = 0; i < cents.size(); i++) {
            String owner = random.nextBoolean() ? "a" : "b";
            LocalDate close = JAN_1.plusDays(random.nextInt(90));
            BigDecimal amount = BigDecimal.valueOf(cents.get(i), 2);
            deals.add("  - {id: T" + i + ", owner: " + owner + ", close: " + close + ", amount: \""
                    + amount.toPlainString() + "\"}\n");
            if (owner.equals("a") || !close.isBefore(joins)) {
                podTotal = podTotal.add(amount);
            }
        }
        BigDecimal expected = podTotal.multiply(new BigDecimal("0.10")).setScale(2, java.math.RoundingMode.HALF_EVEN);
        BigDecimal first = null;
        for (int round = 0; round < 2; round++) {
            List<String> shuffled = new ArrayList<>(deals);
            Collections.shuffle(shuffled, random);
            CalculationResult result = Scenarios.run("""
                    periods: [2026-Q1]
                    people: [{id: a, start: 2025-01-01}, {id: b, start: 2025-01-01}]
                    team_memberships:
                      - {person: a, team: p}
                      - {person: b, team: p, from: %s}
                    team_quotas: [{team: p, period: 2026-Q1, amount: "100000.00"}]
                    plan: {id: pod, frequency: quarter, components: [{id: pod_rate, kind: rate, rate: "0.10", attainment: pod}]}
                    transactions:
                    """.formatted(joins) + String.join("", shuffled));
            BigDecimal a = result.statement("a", "2026-Q1")
                    .orElseThrow()
                    .amountOf("pod_rate")
                    .amount();
            BigDecimal b = result.statement("b", "2026-Q1")
                    .orElseThrow()
                    .amountOf("pod_rate")
                    .amount();
            assertThat(a).isEqualByComparingTo(expected);
            assertThat(b).isEqualByComparingTo(a);
            if (first != null) {
                assertThat(a).isEqualByComparingTo(first);
            }
            first = a;
        }
    }
}
