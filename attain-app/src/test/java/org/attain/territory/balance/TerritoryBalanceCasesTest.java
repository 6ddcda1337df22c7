package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The golden balancing cases of ../shared/cases/territory, run through the solver as written there. */
class TerritoryBalanceCasesTest {

    /**
     * territory-01-balance: twelve accounts with potential 90, 80, 70, 60, 50, 40, 40, 30, 30, 20, 10, 10 (total 530,
     * mean 176.67, band 159.0..194.3), a90 locked to T1 and a80 to T2. Any answer is accepted if every territory lies in
     * the band, the locks hold and every account is assigned once.
     */
    @Test
    void territory01BalanceThreeTerritoriesWithinTenPercentOfTheMeanKeepingTheLocks() {
        Map<String, Integer> potential = new LinkedHashMap<>();
        potential.put("a90", 90);
        potential.put("a80", 80);
        potential.put("a70", 70);
        potential.put("a60", 60);
        potential.put("a50", 50);
        potential.put("a40a", 40);
        potential.put("a40b", 40);
        potential.put("a30a", 30);
        potential.put("a30b", 30);
        potential.put("a20", 20);
        potential.put("a10a", 10);
        potential.put("a10b", 10);
        List<BalanceProblem.Account> accounts = potential.entrySet().stream()
                .map(e -> new BalanceProblem.Account(
                        e.getKey(), Map.of("potential", BigDecimal.valueOf(e.getValue())), null))
                .toList();
        BalanceProblem problem = new BalanceProblem(
                accounts,
                List.of("T1", "T2", "T3"),
                Map.of("a90", "T1", "a80", "T2"),
                List.of(),
                List.of(new BalanceProblem.Metric("potential", null)),
                new BigDecimal("0.10"),
                null,
                10);

        BalanceResult result = TerritoryBalancer.prepare(problem).solve(TerritoryBalancer.Progress.NONE);

        assertThat(result.feasible()).isTrue();
        assertThat(result.bands()).singleElement().satisfies(band -> {
            assertThat(band.low()).isEqualByComparingTo("159.0");
            assertThat(band.high()).isEqualByComparingTo("194.3333");
        });
        assertThat(result.territories()).hasSize(3).allSatisfy(t -> {
            assertThat(t.after().get("potential")).isBetween(new BigDecimal("159.0"), new BigDecimal("194.3"));
            assertThat(t.withinBand()).isTrue();
        });
        assertThat(result.assignment()).containsEntry("a90", "T1").containsEntry("a80", "T2");
        assertThat(result.assignment().keySet()).containsExactlyElementsOf(potential.keySet());
        Map<String, Integer> placements = result.territories().stream()
                .collect(Collectors.toMap(
                        BalanceResult.TerritoryTotals::territory, BalanceResult.TerritoryTotals::accountsAfter));
        assertThat(placements.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(12);
        BigDecimal sum = result.territories().stream()
                .map(t -> t.after().get("potential"))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("530");
        assertThat(result.closest()).isEmpty();
        assertThat(result.reasons()).isEmpty();
        // Nothing had a territory before, so placing the accounts moves nothing.
        assertThat(result.moveCount()).isZero();
        assertThat(result.moves()).hasSize(12);
    }
}
