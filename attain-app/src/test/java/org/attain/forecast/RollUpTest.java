package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollUpTest {

    static final StageProbabilities STAGES = StageProbabilities.of(Map.of("Proposal", "0.4"));

    @Test
    void aCallOfAFirstLineManagerRollsUpToTheDirectorInsteadOfTheDealsAndTheDirectorKeepsBoth() {
        var figures = PipelineForecast.figures(
                List.of(new PipelineDeal("x", 3, "Proposal", new BigDecimal("1000"), "USD", ForecastCategory.COMMIT)),
                STAGES);
        var other = PipelineForecast.figures(
                List.of(new PipelineDeal("y", 4, "Proposal", new BigDecimal("500"), "USD", ForecastCategory.COMMIT)),
                STAGES);
        var rolled = RollUp.of(
                List.of(
                        new RollUp.Node(1, null),
                        new RollUp.Node(2, 1L),
                        new RollUp.Node(3, 2L),
                        new RollUp.Node(4, 1L)),
                Map.of(3L, figures, 4L, other),
                Map.of(2L, Map.of(ForecastCategory.COMMIT, new BigDecimal("800"))));
        assertThat(rolled.get(2L).of(ForecastCategory.COMMIT).computed()).hasToString("1000.00");
        assertThat(rolled.get(1L).of(ForecastCategory.COMMIT).computed()).hasToString("1300.00");
        assertThat(rolled.get(1L).of(ForecastCategory.COMMIT).overridden()).isFalse();
        assertThat(rolled.get(1L).of(ForecastCategory.PIPELINE).rolledUp()).hasToString("1500.00");
        assertThat(rolled.get(1L).weighted()).isEqualByComparingTo("600");
    }

    @Test
    void aLoopInTheReportingLinesIsNamedNotFollowedForever() {
        assertThatThrownBy(() -> RollUp.of(List.of(new RollUp.Node(1, 2L), new RollUp.Node(2, 1L)), Map.of(), Map.of()))
                .hasMessageContaining("loop");
    }

    @Test
    void omittedDealsCountNowhereAndAnUnknownStageWeighsNothing() {
        var f = PipelineForecast.figures(
                List.of(
                        new PipelineDeal("a", 1, "Proposal", new BigDecimal("100"), "USD", ForecastCategory.OMITTED),
                        new PipelineDeal("b", 1, "Mystery", new BigDecimal("100"), "USD", ForecastCategory.PIPELINE)),
                STAGES);
        assertThat(f.weighted()).hasToString("0.00");
        assertThat(f.of(ForecastCategory.PIPELINE)).hasToString("100.00");
        assertThat(f.of(ForecastCategory.OMITTED)).hasToString("100.00");
    }

    @Test
    void stagesLearnTheirWinRateOnlyFromEnoughClosedDeals() {
        var learned = StageLearning.learn(
                List.of(
                        new StageLearning.Outcome("Proposal", true),
                        new StageLearning.Outcome("Proposal", false),
                        new StageLearning.Outcome("Proposal", false),
                        new StageLearning.Outcome("Negotiation", true)),
                3);
        assertThat(learned).singleElement().satisfies(p -> {
            assertThat(p.stage()).isEqualTo("Proposal");
            assertThat(p.value()).hasToString("0.3333");
            assertThat(p.sample()).isEqualTo(3);
        });
    }
}
