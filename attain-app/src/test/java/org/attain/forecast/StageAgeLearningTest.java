package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attain.forecast.StageAgeLearning.AgeBand;
import org.attain.forecast.StageAgeLearning.Outcome;
import org.junit.jupiter.api.Test;

/** Win rates by stage and deal age, and the deal-level weighting they feed; pure. */
class StageAgeLearningTest {

    private static List<Outcome> outcomes(String stage, long age, int won, int lost) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < won; i++) {
            out.add(new Outcome(stage, age, true));
        }
        for (int i = 0; i < lost; i++) {
            out.add(new Outcome(stage, age, false));
        }
        return out;
    }

    @Test
    void bandsAreTheDealsAgeWhenSeenWithTheirEdgesIncluded() {
        assertThat(AgeBand.of(-3)).isEqualTo(AgeBand.UP_TO_30);
        assertThat(AgeBand.of(0)).isEqualTo(AgeBand.UP_TO_30);
        assertThat(AgeBand.of(30)).isEqualTo(AgeBand.UP_TO_30);
        assertThat(AgeBand.of(31)).isEqualTo(AgeBand.UP_TO_90);
        assertThat(AgeBand.of(90)).isEqualTo(AgeBand.UP_TO_90);
        assertThat(AgeBand.of(180)).isEqualTo(AgeBand.UP_TO_180);
        assertThat(AgeBand.of(181)).isEqualTo(AgeBand.OVER_180);
        assertThat(AgeBand.OVER_180.to()).isNull();
    }

    @Test
    void aYoungProposalAndAStaleOneLearnDifferentRatesAndAThinBandLearnsNothing() {
        List<Outcome> all = new ArrayList<>();
        all.addAll(outcomes("Proposal", 12, 6, 4)); // 10 young: 60 %
        all.addAll(outcomes("proposal", 200, 1, 9)); // 10 stale (case ignored): 10 %
        all.addAll(outcomes("Proposal", 60, 3, 2)); // 5: below the minimum of 10
        List<StageAgeLearning.Learned> learned = StageAgeLearning.learn(all, 10);
        assertThat(learned)
                .extracting(l -> l.band() + " " + l.value().toPlainString() + " of " + l.sample())
                .containsExactly("UP_TO_30 0.6000 of 10", "OVER_180 0.1000 of 10");
        assertThat(learned.get(0).stage()).isEqualTo("Proposal");
    }

    @Test
    void aDealIsWeighedWithItsOwnProbability() {
        List<PipelineDeal> deals = List.of(
                new PipelineDeal("young", 1, "Proposal", new BigDecimal("1000.00"), "EUR", ForecastCategory.BEST_CASE),
                new PipelineDeal("stale", 1, "Proposal", new BigDecimal("1000.00"), "EUR", ForecastCategory.BEST_CASE),
                new PipelineDeal("won", 1, "Closed Won", new BigDecimal("500.00"), "EUR", ForecastCategory.CLOSED));
        Map<String, BigDecimal> p = Map.of("young", new BigDecimal("0.6"), "stale", new BigDecimal("0.1"));
        PipelineForecast.Figures f = PipelineForecast.figures(deals, d -> p.get(d.id()));
        // 600 + 100 + 500 (closed counts whole)
        assertThat(f.weighted()).isEqualByComparingTo("1200.00");
        assertThat(f.of(ForecastCategory.BEST_CASE)).isEqualByComparingTo("2500.00");
    }
}
