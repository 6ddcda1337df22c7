package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class TerritoryBalancerTest {

    private static final List<BalanceProblem.Metric> POTENTIAL = List.of(new BalanceProblem.Metric("potential", null));

    private static BalanceProblem.Account account(String id, String potential, String territory) {
        return new BalanceProblem.Account(id, Map.of("potential", new BigDecimal(potential)), territory);
    }

    @Test
    void aLockedAccountAboveTheBandMakesThePlanInfeasibleAndTheAnswerSaysHowCloseAndWhy() {
        List<BalanceProblem.Account> accounts = new ArrayList<>();
        accounts.add(account("big", "500", null));
        for (int i = 1; i <= 10; i++) {
            accounts.add(account("small" + i, "10", null));
        }
        // Total 600, mean 200, band 180..220: T1 holds the locked 500 whatever happens.
        BalanceProblem problem = new BalanceProblem(
                accounts, List.of("T1", "T2", "T3"), Map.of("big", "T1"), List.of(), POTENTIAL, null, null, 10);

        BalanceResult result = TerritoryBalancer.prepare(problem).solve(TerritoryBalancer.Progress.NONE);

        assertThat(result.feasible()).isFalse();
        assertThat(result.assignment()).containsEntry("big", "T1").hasSize(11);
        assertThat(result.closest()).singleElement().satisfies(d -> {
            assertThat(d.metric()).isEqualTo("potential");
            assertThat(d.territory()).isEqualTo("T1");
            assertThat(d.total()).isEqualByComparingTo("500");
            assertThat(d.low()).isEqualByComparingTo("180");
            assertThat(d.high()).isEqualByComparingTo("220");
            assertThat(d.distance()).isEqualByComparingTo("280");
            assertThat(d.percentOfMean()).isEqualByComparingTo("140.00");
        });
        assertThat(result.reasons())
                .extracting(BalanceResult.Reason::code)
                .containsExactly(
                        "territory.balance.reason.locked-account-above-band", "territory.balance.reason.cannot-fill");
        assertThat(result.reasons().get(0).args()).containsExactly("big", "T1", "potential", "500", "220");
        assertThat(result.reasons().get(0).detail())
                .isEqualTo("locked account big alone gives T1 500 potential, above the band's upper bound 220");
        // Lifting T2 and T3 to 180 each needs 360 from the ten movable accounts, which hold 100.
        assertThat(result.reasons().get(1).args()).containsExactly("potential", "360", "100");
        // The small accounts are shared out as evenly as they can be: 50 each in T2 and T3.
        assertThat(result.territories())
                .extracting(t -> t.after().get("potential").stripTrailingZeros().toPlainString())
                .containsExactly("500", "50", "50");
    }

    /** T1 190, T2 180, T3 170: all within 162..198, yet moving the 5 from T1 to T3 would narrow the spread. */
    private static BalanceProblem balancedButNotEven(String disruptionWeight) {
        List<BalanceProblem.Account> accounts = List.of(
                account("a100", "100", "T1"),
                account("a50", "50", "T1"),
                account("a35", "35", "T1"),
                account("a5", "5", "T1"),
                account("b90", "90", "T2"),
                account("b60", "60", "T2"),
                account("b30", "30", "T2"),
                account("c80", "80", "T3"),
                account("c70", "70", "T3"),
                account("c20", "20", "T3"));
        return new BalanceProblem(
                accounts,
                List.of("T1", "T2", "T3"),
                Map.of(),
                List.of(),
                POTENTIAL,
                null,
                new BigDecimal(disruptionWeight),
                10);
    }

    @Test
    void withAHighDisruptionWeightAnAlreadyBalancedPlanMakesNoMoves() {
        BalanceResult result =
                TerritoryBalancer.prepare(balancedButNotEven("1000")).solve(TerritoryBalancer.Progress.NONE);

        assertThat(result.feasible()).isTrue();
        assertThat(result.moves()).isEmpty();
        assertThat(result.moveCount()).isZero();
        assertThat(result.territories()).allSatisfy(t -> assertThat(t.after()).isEqualTo(t.before()));
    }

    @Test
    void withoutADisruptionWeightTheSamePlanIsEvenedOutByMoves() {
        BalanceResult result =
                TerritoryBalancer.prepare(balancedButNotEven("0")).solve(TerritoryBalancer.Progress.NONE);

        assertThat(result.feasible()).isTrue();
        assertThat(result.moveCount()).isPositive();
        assertThat(result.moves()).allSatisfy(m -> {
            assertThat(m.from()).isNotEqualTo(m.to());
            assertThat(m.deltas()).containsKey("potential");
        });
        BigDecimal spreadBefore = spread(result, true);
        assertThat(spread(result, false)).isLessThan(spreadBefore);
    }

    private static BigDecimal spread(BalanceResult result, boolean before) {
        List<BigDecimal> totals = result.territories().stream()
                .map(t -> (before ? t.before() : t.after()).get("potential"))
                .toList();
        return totals.stream()
                .max(BigDecimal::compareTo)
                .orElseThrow()
                .subtract(totals.stream().min(BigDecimal::compareTo).orElseThrow());
    }

    /**
     * The disruption weight is the price of a move in percent of the mean: 0 makes moves free, and on the same input a
     * higher weight never moves more accounts; every plan keeps the band whatever the weight.
     */
    @Test
    void aHigherDisruptionWeightMovesFewerOrEqualAccountsOnTheSameInput() {
        List<Integer> moves = new java.util.ArrayList<>();
        for (String weight : List.of("0", "0.5", "2", "10", "100")) {
            BalanceResult result = TerritoryBalancer.prepare(
                            TerritoryBalanceBench.generate(300, 10, 7, 60, new BigDecimal(weight)))
                    .solve(TerritoryBalancer.Progress.NONE);
            assertThat(result.feasible()).as("weight " + weight).isTrue();
            assertThat(result.stoppedEarly()).isFalse();
            moves.add(result.moveCount());
        }
        assertThat(moves).as("moves at weights 0, 0.5, 2, 10, 100").isSortedAccordingTo((a, b) -> b - a);
        assertThat(moves.get(0)).isGreaterThan(moves.get(moves.size() - 1));
    }

    @Test
    void theSameProblemGivesTheSameAnswer() {
        BalanceProblem problem = TerritoryBalanceBench.generate(300, 10, 7, 60, new BigDecimal("0.05"));

        BalanceResult first = TerritoryBalancer.prepare(problem).solve(TerritoryBalancer.Progress.NONE);
        BalanceResult second = TerritoryBalancer.prepare(problem).solve(TerritoryBalancer.Progress.NONE);

        assertThat(first.feasible()).isTrue();
        assertThat(second.assignment()).isEqualTo(first.assignment());
        assertThat(second.score()).isEqualTo(first.score());
        assertThat(first.stoppedEarly()).isFalse();
    }

    @Test
    void namedAndLockedAccountsStayWhereTheyMustBe() {
        BalanceProblem generated = TerritoryBalanceBench.generate(300, 10, 11, 60, new BigDecimal("0.05"));

        BalanceResult result = TerritoryBalancer.prepare(generated).solve(TerritoryBalancer.Progress.NONE);

        generated
                .locks()
                .forEach((account, territory) -> assertThat(result.assignment()).containsEntry(account, territory));
        Map<String, String> current = new java.util.HashMap<>();
        generated.accounts().forEach(a -> current.put(a.id(), a.territory()));
        generated
                .named()
                .forEach(account -> assertThat(result.assignment()).containsEntry(account, current.get(account)));
        assertThat(result.assignment()).hasSize(300);
    }

    @Test
    void badInputIsRefusedAsAWholeNamingEachField() {
        BalanceProblem problem = new BalanceProblem(
                List.of(
                        account("a", "10.12345", "T1"),
                        account("b", "-1", "T9"),
                        account("a", "5", null),
                        new BalanceProblem.Account("c", Map.of(), null)),
                List.of("T1", "T2", "T1"),
                Map.of("zz", "T1"),
                List.of("c"),
                POTENTIAL,
                new BigDecimal("1.5"),
                null,
                0);

        assertThatThrownBy(() -> TerritoryBalancer.prepare(problem))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::reason)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "territories[2]", "territory 'T1' is listed twice"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "band",
                                                "the band must be at least 0 and below 1 (0.10 = ±10 % of the mean), not 1.5"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "timeLimitSeconds",
                                                "the time limit must lie between 1 and 600 seconds, not 0"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "accounts[0].values.potential",
                                                "account 'a' has more than 4 decimals in potential (10.12345)"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "accounts[1].territory",
                                                "territory 'T9' of account 'b' is not among the territories"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "accounts[1].values.potential",
                                                "account 'b' has a negative potential (-1)"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "accounts[2].id", "account 'a' is listed twice"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "accounts[3].values.potential",
                                                "account 'c' has no value for metric 'potential'"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "locks.zz", "locked account 'zz' is not among the accounts"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "named[0]", "named account 'c' has no territory to stay in")));
    }
}
