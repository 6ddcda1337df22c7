package org.attain.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.engine.time.PeriodKind;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** {@code measurement:} next to {@code frequency:}: what compiles, and what is refused at its line and field. */
class PayFrequencySyntaxTest {

    private final PlanCompiler compiler = new PlanCompiler();

    private List<SourceProblem> problems(String yaml) {
        PlanCompilation result = compiler.compile("plan.yaml", yaml);
        assertThat(result.ok()).as("expected the plan to be rejected").isFalse();
        return result.problems();
    }

    @Test
    void aMonthlyPlanMeasuredOnTheQuarterCompilesAndAPlanWithoutMeasurementIsUnchanged() {
        CompiledPlan plan = compiler.compile("plan.yaml", """
                        id: p
                        currency: USD
                        frequency: month
                        measurement: quarter
                        components: [{id: c, kind: rate, rate: "0.10"}]
                        """).orThrow();
        assertThat(plan.measuredOver(PeriodKind.MONTH)).contains(PeriodKind.QUARTER);
        assertThat(plan.measuredOver(PeriodKind.QUARTER)).isEmpty();
        CompiledPlan plain = compiler.compile("plan.yaml", """
                        id: p
                        currency: USD
                        frequency: month
                        components: [{id: c, kind: rate, rate: "0.10"}]
                        """).orThrow();
        assertThat(plain.measurement()).isEmpty();
        assertThat(plain.measuredOver(PeriodKind.MONTH)).isEmpty();
    }

    @Test
    void aPayoutFrequencyLongerThanTheMeasurementIsRefusedAtFrequency() {
        assertThat(problems("""
                        id: p
                        currency: USD
                        frequency: year
                        measurement: quarter
                        components: [{id: c, kind: rate, rate: "0.10"}]
                        """))
                .extracting(SourceProblem::toString)
                .containsExactly("plan.yaml:3:1: 'frequency: year' is longer than 'measurement: quarter': a plan pays"
                        + " once per measurement period or more often (month, quarter or year)");
    }

    @Test
    void aMeasurementPeriodThatIsNoPeriodIsRefusedAtMeasurement() {
        assertThat(problems("""
                        id: p
                        currency: USD
                        frequency: month
                        measurement: fortnight
                        components: [{id: c, kind: rate, rate: "0.10"}]
                        """))
                .extracting(SourceProblem::toString)
                .containsExactly(
                        "plan.yaml:4:14: 'measurement' unknown period kind 'fortnight' (month, quarter or year)");
    }

    @Test
    void aMeasurementWithoutFrequencyIsRefused() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                measurement: quarter
                components: [{id: c, kind: rate, rate: "0.10"}]
                """);
        assertThat(problems).extracting(SourceProblem::line).containsExactly(3);
        assertThat(problems.get(0).reason()).contains("needs 'frequency'");
        assertThat(problems.get(0).code()).isEqualTo("plan.payfreq.noFrequency");
    }

    @Test
    void cumulativeTiersAndMbosAreRefusedInAPlanPaidMoreOftenThanMeasured() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                frequency: month
                measurement: quarter
                components:
                  - id: c
                    kind: tiered
                    cumulative: qtd
                    tiers: [{from: "0.00", rate: "0.10"}]
                  - id: m
                    kind: mbo
                    target: "1000.00"
                    objectives: [{kpi: nps, weight: "1.00"}]
                """);
        assertThat(problems)
                .extracting(p -> p.line() + " " + p.code())
                .containsExactly("8 plan.payfreq.cumulative", "11 plan.payfreq.mbo");
    }
}
