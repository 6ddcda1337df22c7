package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.EarningsLine;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.time.PeriodId;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** Golden case 16: a plan's versions in force by date, in the scenario format and through the engine. */
class PlanVersionCasesTest {

    private static final String PEOPLE = """
            periods: [2026-Q1]
            currency: USD
            people:
              - {id: ae1, start: 2025-01-01}
            """;

    private static ScenarioParse parse(String yaml) {
        return new ScenarioReader(new PlanCompiler()).read("t.yaml", PEOPLE + yaml, null);
    }

    private static PayeePeriodResult q1(String yaml) {
        ScenarioParse parse = parse(yaml);
        assertThat(parse.problems()).isEmpty();
        CalculationResult result =
                new Engine().calculate(parse.scenario().orElseThrow().input());
        return result.statement(PersonId.of("ae1"), PeriodId.parse("2026-Q1")).orElseThrow();
    }

    private static List<String> problems(String yaml) {
        ScenarioParse parse = parse(yaml);
        assertThat(parse.scenario()).isEmpty();
        return parse.problems().stream().map(SourceProblem::toString).toList();
    }

    @Test
    void planVersion16MidQuarterPaysEachDealByTheVersionInForceOnItsCloseDate() {
        ScenarioReport report =
                new ScenarioRunner().run(Path.of("..", "scenarios", "golden", "16-plan-version-mid-quarter.yaml"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.results()).hasSize(6);
    }

    @Test
    void planVersion16EachLineNamesItsVersionAndTheDaysItWasInForce() {
        PayeePeriodResult s = q1("""
                plan:
                  id: ae
                  versions:
                    - {version: 1, effective_from: 2026-01-01, components: [{id: commission, kind: rate, rate: "0.05"}]}
                    - {version: 2, effective_from: 2026-02-16, components: [{id: commission, kind: rate, rate: "0.07"}]}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "40000.00", status: won}
                  - {id: D2, owner: ae1, close: 2026-02-15, amount: "10000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-02-16, amount: "50000.00", status: won}
                """);
        assertThat(s.lines()).extracting(l -> l.amount().toPlainString()).containsExactly("2500.00", "3500.00");
        EarningsLine v1 = s.lines().get(0);
        assertThat(v1.planVersion()).contains("1");
        assertThat(v1.trace().render(""))
                .contains(
                        "plan version: version 1, in force 2026-01-01..2026-02-15: pays the deals credited on those days");
        assertThat(v1.trace().steps().get(0).code()).isEqualTo("trace.version.byDeal");
        assertThat(v1.trace().steps().get(0).args()).containsExactly("1", "2026-01-01", "2026-02-15");
        assertThat(s.lines().get(1).planVersion()).contains("2");
        assertThat(s.lines().get(1).qualifying()).extracting(t -> t.value()).containsExactly("D3");
    }

    @Test
    void planVersion16PeriodLevelTiersArePaidByTheVersionInForceAtPeriodEndOnTheWholePeriod() {
        // Tiers read the quarter's attainment: split by version they would see 40% and 60%, not 100%.
        PayeePeriodResult s = q1("""
                quotas:
                  - {person: ae1, period: 2026-Q1, amount: "100000.00"}
                plan:
                  id: ae
                  versions:
                    - version: 1
                      effective_from: 2026-01-01
                      components:
                        - {id: commission, kind: rate, rate: "0.05"}
                        - id: accelerator
                          kind: tiered
                          tier_mode: marginal
                          tiers_on: attainment
                          tiers: [{from: "0", to: "1.0", rate: "0"}, {from: "1.0", rate: "0.10"}]
                    - version: 2
                      effective_from: 2026-02-16
                      components:
                        - {id: commission, kind: rate, rate: "0.07"}
                        - id: accelerator
                          kind: tiered
                          tier_mode: marginal
                          tiers_on: attainment
                          tiers: [{from: "0", to: "0.8", rate: "0"}, {from: "0.8", rate: "0.10"}]
                transactions:
                  - {id: D1, owner: ae1, close: 2026-01-20, amount: "40000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-02-16, amount: "60000.00", status: won}
                """);
        // Version 2's tiers over the whole quarter's 100,000: 20,000 above 80% x 10% = 2,000.
        assertThat(s.amountOf("accelerator").toPlainString()).isEqualTo("2000.00");
        EarningsLine accelerator = s.line("accelerator").orElseThrow();
        assertThat(accelerator.planVersion()).contains("2");
        assertThat(accelerator.trace().steps().get(0).code()).isEqualTo("trace.version.period");
        assertThat(accelerator.trace().steps().get(0).args()).containsExactly("2", "2026-03-31");
        // The rates stay per deal: 40,000 x 5% + 60,000 x 7%.
        assertThat(s.amountOf("commission").toPlainString()).isEqualTo("6200.00");
    }

    @Test
    void planVersion16AVersionEffectiveBeforeThePlansFirstIsAnErrorNamingLineAndField() {
        assertThat(problems("""
                plan:
                  id: ae
                  versions:
                    - {version: 1, effective_from: 2026-01-01, components: [{id: c, kind: rate, rate: "0.05"}]}
                    - {version: 2, effective_from: 2025-12-01, components: [{id: c, kind: rate, rate: "0.07"}]}
                """))
                .containsExactly("t.yaml:9:20: 'effective_from' 2025-12-01 of version 2 is before the plan's first"
                        + " version (version 1, effective from 2026-01-01)");
    }

    @Test
    void planVersion16ARepeatedPlanIdWithoutAVersionIsAnErrorNotASilentDrop() {
        assertThat(problems("""
                plans:
                  - plan: {id: ae, components: [{id: c, kind: rate, rate: "0.05"}]}
                  - plan: {id: ae, components: [{id: c, kind: rate, rate: "0.07"}]}
                """))
                .containsExactly("t.yaml:7:5: plan 'ae' is defined again without a new version (version 1 is at line"
                        + " 6): give this one its own 'version' and 'effective' date, or write both under 'versions:'");
    }

    @Test
    void planVersion16RepeatedPlanIdsWithTheirOwnVersionsAndDatesAreVersions() {
        PayeePeriodResult s = q1("""
                plans:
                  - plan: {id: ae, version: "1", effective: {from: 2026-01-01}, components: [{id: c, kind: rate, rate: "0.05"}]}
                  - plan: {id: ae, version: "2", effective: {from: 2026-02-16}, components: [{id: c, kind: rate, rate: "0.07"}]}
                transactions:
                  - {id: D2, owner: ae1, close: 2026-02-15, amount: "10000.00", status: won}
                  - {id: D3, owner: ae1, close: 2026-02-16, amount: "50000.00", status: won}
                """);
        assertThat(s.amountOf("c").toPlainString()).isEqualTo("4000.00");
        assertThat(s.lines()).extracting(l -> l.planVersion().orElse("")).containsExactly("1", "2");
    }

    @Test
    void planVersion16TheSameVersionTwiceOrTwoVersionsFromOneDayAreErrors() {
        assertThat(problems("""
                plan:
                  id: ae
                  versions:
                    - {version: 1, effective_from: 2026-01-01, components: [{id: c, kind: rate, rate: "0.05"}]}
                    - {version: 1, effective_from: 2026-02-01, components: [{id: c, kind: rate, rate: "0.07"}]}
                    - {version: 3, effective_from: 2026-01-01, components: [{id: c, kind: rate, rate: "0.07"}]}
                """))
                .containsExactly(
                        "t.yaml:9:8: version 1 is listed twice (first at line 8)",
                        "t.yaml:10:20: versions 1 and 3 are both effective from 2026-01-01");
    }
}
