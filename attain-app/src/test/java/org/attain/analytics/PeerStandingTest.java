package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percentiles, medians and the funnel's arithmetic, by hand. */
class PeerStandingTest {

    private static List<BigDecimal> values(String... v) {
        return Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void theBestIsThe100thPercentileTheWorstThe0thAndTiesShareOne() {
        List<BigDecimal> peers = values("0.50", "0.80", "0.80", "1.10", "1.40");
        assertThat(PeerStanding.of("attainment", new BigDecimal("1.40"), peers, false)
                        .percentile())
                .isEqualByComparingTo("100");
        assertThat(PeerStanding.of("attainment", new BigDecimal("0.50"), peers, false)
                        .percentile())
                .isEqualByComparingTo("0");
        // two tied at 0.80: one worse, two equal → (2·1 + 2 − 1) ÷ (2·4) = 37.5 → 38 (half even)
        PeerStanding tied = PeerStanding.of("attainment", new BigDecimal("0.80"), peers, false);
        assertThat(tied.percentile()).isEqualByComparingTo("38");
        assertThat(tied.median()).isEqualByComparingTo("0.80");
        assertThat(tied.fromMedian()).isEqualByComparingTo("0");
    }

    @Test
    void fewerIsBetterForTheSalesCycle() {
        List<BigDecimal> peers = values("20", "30", "40", "50");
        PeerStanding fastest = PeerStanding.of("sales_cycle_days", new BigDecimal("20"), peers, true);
        assertThat(fastest.percentile()).isEqualByComparingTo("100");
        assertThat(fastest.fromMedian()).isEqualByComparingTo("-15");
    }

    @Test
    void tooFewPeersOrNoValueGiveNoPercentile() {
        assertThat(PeerStanding.of("calls", BigDecimal.ONE, values("1", "2", "3"), false)
                        .percentile())
                .isNull();
        assertThat(PeerStanding.of("win_rate", null, values("1", "2", "3", "4"), false)
                        .percentile())
                .isNull();
    }

    @Test
    void figuresAddUpAndDeriveTheirRatios() {
        Figures a = new Figures(Map.of("EUR", new BigDecimal("1000.00")), Map.of("EUR", 2L), 4, 1, 1, 30, 40, 10, 5, 0);
        Figures b = new Figures(Map.of("EUR", new BigDecimal("500.00")), Map.of("EUR", 1L), 2, 2, 0, 60, 20, 5, 0, 1);
        Figures sum = a.plus(b);
        assertThat(sum.bookings().get("EUR")).isEqualByComparingTo("1500.00");
        assertThat(sum.averageDealSize().get("EUR")).isEqualByComparingTo("500.00");
        assertThat(sum.winRate()).isEqualByComparingTo("0.75");
        assertThat(sum.salesCycleDays()).isEqualByComparingTo("30.0");
        assertThat(sum.funnel()).extracting(Figures.Step::count).containsExactly(60L, 15L, 6L, 3L);
        assertThat(sum.funnel().get(1).conversion()).isEqualByComparingTo("0.25");
        assertThat(Figures.NONE.isEmpty()).isTrue();
        assertThat(Figures.NONE.winRate()).isNull();
        assertThat(Figures.NONE.funnel().get(3).conversion()).isNull();
    }
}
