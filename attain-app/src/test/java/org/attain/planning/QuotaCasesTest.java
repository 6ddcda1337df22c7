package org.attain.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden case quota-01-top-down (../shared/cases/quota/quota-01-top-down.yaml): children add up exactly to
 * the parent; the residue goes to the child with the largest share, ties by ascending id. Amounts as strings.
 */
class QuotaCasesTest {

    @Test
    void quota01TopDownByHistoryInProportionToLastYearsBookings() {
        Map<String, BigDecimal> children = Allocation.split(
                new BigDecimal("1200000.00"),
                List.of(share("x", "400000"), share("y", "350000"), share("z", "250000")));
        assertThat(children)
                .containsExactly(
                        Map.entry("x", new BigDecimal("480000.00")),
                        Map.entry("y", new BigDecimal("420000.00")),
                        Map.entry("z", new BigDecimal("300000.00")));
    }

    @Test
    void quota01TopDownEvenSplitGivesTheResidueToTheFirstIdAmongEqualShares() {
        Map<String, BigDecimal> children = Allocation.split(
                new BigDecimal("1000000.00"), List.of(share("c", "1"), share("b", "1"), share("a", "1")));
        assertThat(children)
                .containsEntry("a", new BigDecimal("333333.34"))
                .containsEntry("b", new BigDecimal("333333.33"))
                .containsEntry("c", new BigDecimal("333333.33"));
        assertThat(sum(children)).isEqualByComparingTo("1000000.00");
    }

    @Test
    void quota01TopDownThroughTheTreeByHistoryAndEvenly() {
        // The company's 1,200,000 by history over x, y, z (ids 1, 2, 3) as in the case; x then splits its
        // 480,000 evenly over three reps (ids 11, 12, 13): 160,000 each.
        List<TopDown.Node> nodes = List.of(
                node(0, null, AllocationMethod.HISTORY, "0"),
                node(1, 0L, AllocationMethod.EVEN, "400000"),
                node(2, 0L, AllocationMethod.EVEN, "350000"),
                node(3, 0L, AllocationMethod.EVEN, "250000"),
                node(11, 1L, AllocationMethod.EVEN, "0"),
                node(12, 1L, AllocationMethod.EVEN, "0"),
                node(13, 1L, AllocationMethod.EVEN, "0"));
        TopDown.Result result = TopDown.allocate(new BigDecimal("1200000.00"), nodes, blend("0", "1", "0"));
        assertThat(result.amounts())
                .containsEntry(1L, new BigDecimal("480000.00"))
                .containsEntry(2L, new BigDecimal("420000.00"))
                .containsEntry(3L, new BigDecimal("300000.00"))
                .containsEntry(11L, new BigDecimal("160000.00"))
                .containsEntry(13L, new BigDecimal("160000.00"));
        assertThat(result.notes()).isEmpty();
    }

    static Allocation.Share<String> share(String id, String weight) {
        return new Allocation.Share<>(id, new BigDecimal(weight));
    }

    static TopDown.Node node(long id, Long parent, AllocationMethod method, String history) {
        return new TopDown.Node(id, parent, method, new BigDecimal(history), BigDecimal.ZERO);
    }

    static TopDown.Blend blend(String even, String history, String pipeline) {
        return new TopDown.Blend(new BigDecimal(even), new BigDecimal(history), new BigDecimal(pipeline));
    }

    static BigDecimal sum(Map<?, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
