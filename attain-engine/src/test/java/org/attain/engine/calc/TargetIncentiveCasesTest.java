package org.attain.engine.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.attain.engine.testing.Scenarios;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** Case 17 (a curve paying shares of each payee's target incentive) and the mistakes around it. */
class TargetIncentiveCasesTest {

    private static final String PLAN = """
            periods: [2026-Q1]
            currency: USD
            quotas:
              - {person: a, period: 2026-Q1, amount: "100000.00"}
            plan:
              id: ote
              components:
                - id: variable
                  kind: curve
                  pays: share_of_target_incentive
                  threshold: "0.50"
                  points: [{at: "0.50", share: "0.25"}, {at: "1.00", share: "1.00"}, {at: "1.50", share: "2.00"}]
            transactions:
              - {id: A1, owner: a, close: 2026-02-01, amount: "80000.00", status: won}
            """;

    @Test
    void targetIncentive17PaysEachPayeeAShareOfTheirOwnTargetReadOffOneCurve() {
        ScenarioReport report =
                new ScenarioRunner().run(Path.of("..", "scenarios", "golden", "17-target-incentive-curve.yaml"));
        assertThat(report.passed()).as(report.toString()).isTrue();

        CalculationResult result = Scenarios.run("""
                people:
                  - {id: a, role: AE, start: 2025-01-01, target_incentive: {2026-Q1: "20000.00"}}
                """ + PLAN);
        EarningsLine line =
                result.statement("a", "2026-Q1").orElseThrow().line("variable").orElseThrow();
        assertThat(line.amount().toPlainString()).isEqualTo("14000.00");
        List<TraceStep> steps = line.trace().steps();
        assertThat(steps)
                .extracting(TraceStep::code)
                .contains(
                        TargetIncentiveCurve.ATTAINMENT,
                        TargetIncentiveCurve.SEGMENT,
                        TargetIncentiveCurve.INTERPOLATED,
                        TargetIncentiveCurve.AMOUNT);
        assertThat(steps)
                .extracting(TraceStep::detail)
                .contains(
                        "80000.00 / 100000.00 = 0.8000",
                        "0.80 lies between 0.50 (0.25) and 1.00 (1.00)",
                        "0.25 + (0.30 / 0.50) x 0.75 = 0.70",
                        "share 0.70 x target incentive 20000.00 USD = 14000.00 (2026-Q1 20000.00)");
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void anAnnualTargetIsSpreadOverItsQuartersAndExtendContinuesTheLastSegment() {
        CalculationResult result = Scenarios.run("""
                people:
                  - {id: a, role: AE, start: 2025-01-01, target_incentive: {2026: "80000.00"}, base_salary: {2026: "120000.00"}}
                """
                + PLAN.replace("\"0.50\"\n", "\"0.50\"\n      above_last: extend\n")
                        .replace("80000.00", "200000.00"));
        // attainment 2.00 on a curve extended past 1.50 (slope 2): 2.00 + 0.50 x 2 = 3.00 x (80000 / 4)
        assertThat(result.statement("a", "2026-Q1")
                        .orElseThrow()
                        .amountOf("variable")
                        .toPlainString())
                .isEqualTo("60000.00");
    }

    @Test
    void aPayeeWithoutATargetIncentiveIsARunIssueNamingThemNeverASilentZero() {
        CalculationResult result = Scenarios.run("""
                people:
                  - {id: a, role: AE, start: 2025-01-01}
                """ + PLAN);
        EarningsLine line =
                result.statement("a", "2026-Q1").orElseThrow().line("variable").orElseThrow();
        assertThat(line.amount().isZero()).isTrue();
        assertThat(line.trace().steps()).extracting(TraceStep::code).contains(TargetIncentiveCurve.MISSING);
        assertThat(result.issues())
                .containsExactly("a 2026-Q1: component variable of plan ote pays a share of the target incentive"
                        + " but a has no target incentive for 2026-Q1; it pays 0");
    }

    @Test
    void curvePointsNotIncreasingAndBadSharesAreNamedWithLineAndField() {
        assertThat(problems("""
                periods: [2026-Q1]
                people:
                  - {id: a, start: 2025-01-01, target_incentive: {2026-Q5: "10.00"}}
                plan:
                  id: ote
                  components:
                    - id: variable
                      kind: curve
                      pays: share_of_target_incentive
                      points:
                        - {at: "1.00", share: "1.00"}
                        - {at: "0.50", share: "-0.25"}
                        - {at: "1.50", pay: "2.00"}
                """))
                .contains(
                        "t.yaml:3:51: 'target_incentive' names '2026-Q5', not a period like 2026-Q1, 2026-02 or 2026",
                        "t.yaml:12:24: a curve point's 'share' must not be negative",
                        "t.yaml:12:12: curve points must be in ascending order of 'at': 0.50 does not come after 1.00",
                        "t.yaml:13:11: missing required field 'share'",
                        "t.yaml:13:24: unknown key 'pay' (did you mean 'at'?)");
        assertThat(problems("""
                periods: [2026-Q1]
                people: [{id: a, start: 2025-01-01}]
                plan:
                  id: ote
                  components:
                    - {id: v, kind: curve, pays: shares, points: [{at: "0.5", share: "1"}, {at: "1", share: "2"}]}
                """))
                .anySatisfy(p -> assertThat(p).contains("'pays'").contains("share_of_target_incentive"));
    }

    @Test
    void aBonusAndAnMboTargetPayTheirShareOfEachPayeesTargetIncentive() {
        // One plan for two payees with different targets: a bonus of 10 % of the target incentive at 100 % attainment
        // and an MBO worth 20 % of it, objectives scored 1.00 and 0.50 (weights 0.60 / 0.40 -> 0.80).
        String plan = """
                periods: [2026-Q1]
                currency: USD
                people:
                  - {id: a, role: AE, start: 2025-01-01, target_incentive: {2026-Q1: "20000.00"}}
                  - {id: b, role: AE, start: 2025-01-01, target_incentive: {2026-Q1: "12000.00"}}
                quotas:
                  - {person: a, period: 2026-Q1, amount: "100000.00"}
                  - {person: b, period: 2026-Q1, amount: "100000.00"}
                plan:
                  id: ote
                  components:
                    - {id: club, kind: bonus, when: "attainment >= 1.00", share_of_target_incentive: "0.10"}
                    - id: mbo
                      kind: mbo
                      share_of_target_incentive: "0.20"
                      objectives: [{id: o1, weight: "0.60"}, {id: o2, weight: "0.40"}]
                objective_scores:
                  - {person: a, period: 2026-Q1, objective: o1, score: "1.00"}
                  - {person: a, period: 2026-Q1, objective: o2, score: "0.50"}
                  - {person: b, period: 2026-Q1, objective: o1, score: "1.00"}
                  - {person: b, period: 2026-Q1, objective: o2, score: "0.50"}
                transactions:
                  - {id: A1, owner: a, close: 2026-02-01, amount: "120000.00", status: won}
                  - {id: B1, owner: b, close: 2026-02-01, amount: "90000.00", status: won}
                """;
        CalculationResult result = Scenarios.run(plan);
        PayeePeriodResult a = result.statement("a", "2026-Q1").orElseThrow();
        PayeePeriodResult b = result.statement("b", "2026-Q1").orElseThrow();
        assertThat(a.amountOf("club").toPlainString()).isEqualTo("2000.00"); // 0.10 x 20,000
        assertThat(b.amountOf("club").toPlainString()).isEqualTo("0.00"); // 90 % attainment: not met
        assertThat(a.amountOf("mbo").toPlainString()).isEqualTo("3200.00"); // 0.20 x 20,000 x 0.80
        assertThat(b.amountOf("mbo").toPlainString()).isEqualTo("1920.00"); // 0.20 x 12,000 x 0.80
        assertThat(a.line("club").orElseThrow().trace().steps())
                .extracting(TraceStep::detail)
                .contains("share 0.10 x target incentive 20000.00 USD = 2000.00 (2026-Q1 20000.00)");
        assertThat(b.line("mbo").orElseThrow().trace().steps())
                .extracting(TraceStep::detail)
                .contains("share 0.20 x target incentive 12000.00 USD = 2400.00 (2026-Q1 12000.00)");
        assertThat(result.issues()).isEmpty();

        // Without a target incentive the same plan pays 0 and names the payee in the run's issues.
        CalculationResult missing = Scenarios.run(plan.replace(", target_incentive: {2026-Q1: \"12000.00\"}", ""));
        assertThat(missing.statement("b", "2026-Q1")
                        .orElseThrow()
                        .amountOf("mbo")
                        .isZero())
                .isTrue();
        assertThat(missing.issues())
                .anySatisfy(i -> assertThat(i).startsWith("b 2026-Q1: component mbo of plan ote pays a share"));
    }

    @Test
    void aBonusNamingBothAnAmountAndAShareIsRefusedAtTheField() {
        assertThat(problems("""
                periods: [2026-Q1]
                people: [{id: a, start: 2025-01-01}]
                plan:
                  id: ote
                  components:
                    - {id: club, kind: bonus, when: "attainment >= 1.00", amount: "500.00", share_of_target_incentive: "-0.10"}
                """))
                .anySatisfy(p -> assertThat(p).contains("give either 'amount' or 'share_of_target_incentive'"))
                .anySatisfy(p -> assertThat(p).contains("'share_of_target_incentive' must not be negative: -0.10"));
    }

    private static List<String> problems(String yaml) {
        ScenarioParse parse = new ScenarioReader(Scenarios.compiler()).read("t.yaml", yaml, null);
        assertThat(parse.scenario()).isEmpty();
        return parse.problems().stream().map(SourceProblem::toString).toList();
    }
}
