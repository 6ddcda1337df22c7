package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The golden forecast case of ../shared/cases/forecast, numbers exactly as the case states them. */
class ForecastCasesTest {

    static final long REP = 2;
    static final long MANAGER = 1;

    @Test
    @DisplayName("forecast-01-pipeline: weighted pipeline, cumulative categories, a manager override, accuracy")
    void forecast01PipelineWeighsStagesCumulatesCategoriesKeepsTheOverriddenCommitAndScoresAccuracy() {
        StageProbabilities stages = StageProbabilities.of(
                Map.of("Proposal", "0.5", "Negotiation", "0.8", "Discovery", "0.1", "Closed Won", "1.0"));
        List<PipelineDeal> deals = List.of(
                deal("A", "Proposal", "100000", ForecastCategory.BEST_CASE),
                deal("B", "Negotiation", "50000", ForecastCategory.COMMIT),
                deal("C", "Discovery", "200000", ForecastCategory.PIPELINE),
                deal("D", "Closed Won", "80000", ForecastCategory.CLOSED));

        PipelineForecast.Figures figures = PipelineForecast.figures(deals, stages);
        assertThat(figures.weighted()).hasToString("190000.00");
        assertThat(figures.of(ForecastCategory.CLOSED)).hasToString("80000.00");
        assertThat(figures.of(ForecastCategory.COMMIT)).hasToString("130000.00");
        assertThat(figures.of(ForecastCategory.BEST_CASE)).hasToString("230000.00");
        assertThat(figures.of(ForecastCategory.PIPELINE)).hasToString("430000.00");

        // The rep's deals roll up to the manager, who calls a commit of 150,000.
        Map<Long, RollUp.PersonRollUp> rolled = RollUp.of(
                List.of(new RollUp.Node(MANAGER, null), new RollUp.Node(REP, MANAGER)),
                Map.of(REP, figures),
                Map.of(MANAGER, Map.of(ForecastCategory.COMMIT, new BigDecimal("150000"))));
        RollUp.Line commit = rolled.get(MANAGER).of(ForecastCategory.COMMIT);
        assertThat(commit.called()).hasToString("150000.00");
        assertThat(commit.rolledUp()).as("the roll-up shows the call").hasToString("150000.00");
        assertThat(commit.computed()).as("kept for audit").hasToString("130000.00");
        assertThat(rolled.get(MANAGER).of(ForecastCategory.BEST_CASE).rolledUp())
                .as("other categories unchanged")
                .hasToString("230000.00");
        assertThat(rolled.get(MANAGER).weighted()).isEqualByComparingTo("190000");

        assertThat(PipelineForecast.accuracy(figures.weighted(), new BigDecimal("171000")))
                .hasValueSatisfying(a -> assertThat(a).hasToString("0.8889"));
    }

    private static PipelineDeal deal(String id, String stage, String amount, ForecastCategory category) {
        return new PipelineDeal(id, REP, stage, new BigDecimal(amount), "USD", category);
    }
}
