package org.attain.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split's rules beyond the golden case: negative residues, zero weights, blends, the reconciliation. */
class AllocationTest {

    @Test
    void roundingUpEveryChildTakesTheSurplusCentFromTheLargestShare() {
        // 2.00 / 3 = 0.666… → 0.67 each = 2.01: the largest share (tie → smallest id, 1) gives the cent back.
        Map<Long, BigDecimal> children = Allocation.split(
                new BigDecimal("2.00"),
                List.of(
                        new Allocation.Share<>(3L, BigDecimal.ONE),
                        new Allocation.Share<>(1L, BigDecimal.ONE),
                        new Allocation.Share<>(2L, BigDecimal.ONE)));
        assertThat(children)
                .containsEntry(1L, new BigDecimal("0.66"))
                .containsEntry(2L, new BigDecimal("0.67"))
                .containsEntry(3L, new BigDecimal("0.67"));
    }

    @Test
    void theResidueGoesToTheLargestWeightNotTheFirstId() {
        Map<String, BigDecimal> children = Allocation.split(
                new BigDecimal("100.00"),
                List.of(
                        QuotaCasesTest.share("a", "1"),
                        QuotaCasesTest.share("b", "1"),
                        QuotaCasesTest.share("c", "1.0001")));
        assertThat(QuotaCasesTest.sum(children)).isEqualByComparingTo("100.00");
        assertThat(children.get("c")).isEqualByComparingTo("33.34");
    }

    @Test
    void allZeroWeightsSplitEvenlyAndManyChildrenStillAddUp() {
        List<Allocation.Share<Long>> shares = new ArrayList<>();
        for (long i = 1; i <= 97; i++) {
            shares.add(new Allocation.Share<>(i, BigDecimal.valueOf(i * 7919 % 113)));
        }
        assertThat(QuotaCasesTest.sum(Allocation.split(new BigDecimal("9999999.99"), shares)))
                .isEqualByComparingTo("9999999.99");
        List<Allocation.Share<Long>> zeros =
                List.of(new Allocation.Share<>(1L, BigDecimal.ZERO), new Allocation.Share<>(2L, BigDecimal.ZERO));
        assertThat(Allocation.split(new BigDecimal("10.01"), zeros))
                .containsEntry(1L, new BigDecimal("5.01"))
                .containsEntry(2L, new BigDecimal("5.00"));
    }

    @Test
    void fractionsOfACentAndNegativeWeightsAreRefused() {
        assertThatThrownBy(() -> Allocation.split(new BigDecimal("1.005"), List.of(QuotaCasesTest.share("a", "1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuotaCasesTest.share("a", "-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBlendWeighsEachMethodsSharesAndAHistoryWithoutBookingsFallsBackToEvenWithANote() {
        List<TopDown.Node> nodes = List.of(
                new TopDown.Node(0, null, AllocationMethod.BLEND, BigDecimal.ZERO, BigDecimal.ZERO),
                new TopDown.Node(1, 0L, AllocationMethod.HISTORY, new BigDecimal("300"), new BigDecimal("0")),
                new TopDown.Node(2, 0L, AllocationMethod.EVEN, new BigDecimal("100"), new BigDecimal("100")),
                new TopDown.Node(11, 1L, AllocationMethod.EVEN, BigDecimal.ZERO, BigDecimal.ZERO),
                new TopDown.Node(12, 1L, AllocationMethod.EVEN, BigDecimal.ZERO, BigDecimal.ZERO));
        // Half history (75% / 25%), half pipeline (0% / 100%): 37.5% / 62.5% of 1,000.
        TopDown.Result result = TopDown.allocate(new BigDecimal("1000.00"), nodes, QuotaCasesTest.blend("0", "1", "1"));
        assertThat(result.amounts())
                .containsEntry(1L, new BigDecimal("375.00"))
                .containsEntry(2L, new BigDecimal("625.00"))
                .containsEntry(11L, new BigDecimal("187.50"))
                .containsEntry(12L, new BigDecimal("187.50"));
        assertThat(result.notes()).containsEntry(1L, TopDown.Note.NO_HISTORY_SPLIT_EVENLY);
    }

    @Test
    void byPotentialSharesFollowTheAccountsPotentialAndNoPotentialFallsBackToEvenWithANote() {
        List<TopDown.Node> nodes = List.of(
                new TopDown.Node(0, null, AllocationMethod.POTENTIAL, null, null, BigDecimal.ZERO),
                new TopDown.Node(1, 0L, AllocationMethod.POTENTIAL, null, null, new BigDecimal("1")),
                new TopDown.Node(2, 0L, AllocationMethod.EVEN, null, null, new BigDecimal("2")),
                new TopDown.Node(11, 1L, AllocationMethod.EVEN, null, null, BigDecimal.ZERO),
                new TopDown.Node(12, 1L, AllocationMethod.EVEN, null, null, BigDecimal.ZERO));
        TopDown.Result result = TopDown.allocate(new BigDecimal("1000.00"), nodes, QuotaCasesTest.blend("1", "0", "0"));
        // A third and two thirds of 1,000.00: the residue cent goes where the case's rule puts it; the sum is exact.
        assertThat(result.amounts().get(1L).add(result.amounts().get(2L))).isEqualByComparingTo("1000.00");
        assertThat(result.amounts().get(1L)).isBetween(new BigDecimal("333.33"), new BigDecimal("333.34"));
        assertThat(result.notes()).containsEntry(1L, TopDown.Note.NO_POTENTIAL_SPLIT_EVENLY);
        assertThat(result.amounts().get(11L).add(result.amounts().get(12L)))
                .isEqualByComparingTo(result.amounts().get(1L));
        assertThat(result.amounts().get(11L).subtract(result.amounts().get(12L)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void bottomUpIsTheUpliftedSubmissionOrTheSumOfTheReportsOnceAllHaveOne() {
        List<TopDown.Node> nodes = List.of(
                new TopDown.Node(0, null, AllocationMethod.EVEN, BigDecimal.ZERO, BigDecimal.ZERO),
                new TopDown.Node(1, 0L, AllocationMethod.EVEN, BigDecimal.ZERO, BigDecimal.ZERO),
                new TopDown.Node(2, 0L, AllocationMethod.EVEN, BigDecimal.ZERO, BigDecimal.ZERO));
        Map<Long, BigDecimal> topDown =
                Map.of(0L, new BigDecimal("1000.00"), 1L, new BigDecimal("500.00"), 2L, new BigDecimal("500.00"));
        List<Reconciliation.Line> partly =
                Reconciliation.of(nodes, topDown, Map.of(1L, new BigDecimal("400")), new BigDecimal("10"));
        assertThat(partly.get(1).bottomUp()).isEqualByComparingTo("440.00");
        assertThat(partly.get(1).gap()).isEqualByComparingTo("-60.00");
        assertThat(partly.get(0).bottomUp()).isNull();
        List<Reconciliation.Line> all = Reconciliation.of(
                nodes, topDown, Map.of(1L, new BigDecimal("400"), 2L, new BigDecimal("600.05")), new BigDecimal("10"));
        assertThat(all.get(2).bottomUp()).isEqualByComparingTo("660.06");
        assertThat(all.get(0).bottomUp()).isEqualByComparingTo("1100.06");
        assertThat(all.get(0).gap()).isEqualByComparingTo("100.06");
    }
}
