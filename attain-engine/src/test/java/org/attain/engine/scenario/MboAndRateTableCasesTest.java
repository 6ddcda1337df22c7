package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.TraceStep;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.testing.Scenarios;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** Golden case 20: MBOs scored by the manager and a rate table by product family and segment. */
class MboAndRateTableCasesTest {

    private static final Path CASE = Path.of("..", "scenarios", "golden", "20-mbo-and-rate-table.yaml");

    private static final String PEOPLE = """
            currency: USD
            periods: [2026-Q1]
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
              - {id: m1, role: Manager, start: 2024-01-01}
            """;

    @Test
    void mboAndRateTable20PaysTheCasesNumbersAndReportsTheUnmatchedDeal() {
        ScenarioReport report = new ScenarioRunner().run(CASE);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ScenarioCli.print(report, new PrintStream(text, true, StandardCharsets.UTF_8));
        assertThat(report.passed()).as(text.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(report.results()).hasSize(4);

        CalculationResult result =
                new org.attain.engine.calc.Engine().calculate(report(CASE).input());
        EarningsLine commission = result.statement("ae1", "2026-Q1")
                .orElseThrow()
                .line("commission")
                .orElseThrow();
        // The trace names the row each deal was paid by.
        assertThat(commission.trace().render(""))
                .contains("D1 2026-01-10", "tier 1 [Software, Enterprise]: 100000.00 x 0.06")
                .contains("row [Services, *] at 0.03: 1 deal(s), 50000.00 x 0.03 = 1500.00")
                .contains("deal D4 has no rate table row for [Hardware, SMB]");
        assertThat(steps(commission, "trace.ratetable.unmatched")).containsExactly(List.of("D4", "[Hardware, SMB]"));
        assertThat(result.issues())
                .anyMatch(i ->
                        i.startsWith("deal D4: no rate table row for [Hardware, SMB]") && i.contains("ae1 2026-Q1"));
        EarningsLine mbo =
                result.statement("ae1", "2026-Q1").orElseThrow().line("mbo").orElseThrow();
        assertThat(steps(mbo, "trace.mbo.total")).containsExactly(List.of("5000.00", "0.65", "3250.00"));
    }

    @Test
    void mboAndRateTable20AnUnscoredObjectiveCountsZeroAndTheTraceSaysUnscored() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                plan:
                  id: p
                  components:
                    - {id: mbo, kind: mbo, target: "5000.00", objectives: [{id: o1, weight: "0.50"}, {id: o2, weight: "0.50"}]}
                objective_scores:
                  - {person: ae1, period: 2026-Q1, objective: o1, score: "0.80", by: m1}
                """);
        EarningsLine mbo =
                result.statement("ae1", "2026-Q1").orElseThrow().line("mbo").orElseThrow();
        assertThat(mbo.amount().toPlainString()).isEqualTo("2000.00");
        assertThat(steps(mbo, "trace.mbo.unscored")).containsExactly(List.of("o2", "0.50"));
        assertThat(mbo.trace().render("")).contains("o2: unscored, counts 0 until it is scored");
    }

    @Test
    void mboAndRateTable20TheMostSpecificRowWinsAndAWildcardMatchesAMissingValue() {
        CalculationResult result = Scenarios.run(PEOPLE + """
                plan:
                  id: p
                  components:
                    - id: commission
                      kind: rate_table
                      keys: [deal.product_family, account.segment]
                      rows:
                        - {key: ["*", "*"], rate: "0.01"}
                        - {key: ["*", SMB], rate: "0.02"}
                        - {key: [Software, "*"], rate: "0.04"}
                        - {key: [Software, SMB], rate: "0.08"}
                transactions:
                  - {id: A, owner: ae1, close: 2026-01-10, amount: "1000.00", product_family: Software, segment: SMB}
                  - {id: B, owner: ae1, close: 2026-01-10, amount: "1000.00", product_family: software, segment: Enterprise}
                  - {id: C, owner: ae1, close: 2026-01-10, amount: "1000.00", product_family: Hardware, segment: SMB}
                  - {id: D, owner: ae1, close: 2026-01-10, amount: "1000.00"}
                """);
        // A exact 80; B [Software, *] 40 (case does not matter); C [*, SMB] 20; D [*, *] 10.
        EarningsLine line = result.statement("ae1", "2026-Q1")
                .orElseThrow()
                .line("commission")
                .orElseThrow();
        assertThat(line.amount().toPlainString()).isEqualTo("150.00");
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void mboAndRateTable20WeightsNotSummingToOneAreAnErrorNamingLineAndField() {
        List<SourceProblem> problems =
                new PlanCompiler().compile("plan.yaml", """
                        id: p
                        currency: USD
                        components:
                          - id: mbo
                            kind: mbo
                            target: "5000.00"
                            objectives: [{id: o1, weight: "0.50"}, {id: o2, weight: "0.30"}]
                        """).problems();
        assertThat(problems)
                .extracting(SourceProblem::toString)
                .containsExactly("plan.yaml:7:5: objective weights add up to 0.80, not 1.00");
        assertThat(problems.get(0).code()).isEqualTo("plan.mbo.weights");
    }

    @Test
    void mboAndRateTable20ABadRateTableIsAnErrorNamingTheRowsLineAndField() {
        List<SourceProblem> problems =
                new PlanCompiler().compile("plan.yaml", """
                        id: p
                        currency: USD
                        components:
                          - id: commission
                            kind: rate_table
                            keys: [deal.product_family, segment]
                            rows:
                              - {key: [Software, Enterprise], rate: "0.06"}
                              - {key: [Software], rate: "0.08"}
                              - {key: [Software, Enterprise], rate: "0.07"}
                              - {key: [Services, "*"], rate: "-0.03"}
                        """).problems();
        assertThat(problems)
                .extracting(SourceProblem::toString)
                .containsExactly(
                        "plan.yaml:6:5: rate table key 'segment' must be a deal or account field, like"
                                + " deal.product_family or account.segment",
                        "plan.yaml:9:10: row 2 has 1 key cell(s) but the table has 2 key(s) [deal.product_family,"
                                + " segment]",
                        "plan.yaml:10:10: row 3 repeats the key of row 1 [Software, Enterprise]",
                        "plan.yaml:11:32: row 4 has a negative rate -0.03");
    }

    private static Scenario report(Path file) {
        return new ScenarioReader(new PlanCompiler()).read(file).scenario().orElseThrow();
    }

    private static List<List<String>> steps(EarningsLine line, String code) {
        return line.trace().steps().stream()
                .filter(s -> code.equals(s.code()))
                .map(TraceStep::args)
                .toList();
    }
}
