package org.attain.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** A comp admin's mistakes come back with file, line, column and a reason they can act on. */
class PlanCompilerTest {

    private final PlanCompiler compiler = new PlanCompiler();

    private List<SourceProblem> problems(String yaml) {
        PlanCompilation result = compiler.compile("plan.yaml", yaml);
        assertThat(result.ok()).as("expected the plan to be rejected").isFalse();
        return result.problems();
    }

    @Test
    void aValidPlanCompilesIntoItsComponents() {
        PlanCompilation result = compiler.compile("plan.yaml", """
                id: ae-2026
                name: AE 2026
                currency: USD
                frequency: quarter
                components:
                  - {id: commission, kind: tiered, tier_mode: marginal, tiers_on: attainment, tiers: [
                      {from: "0.00", to: "1.00", rate: "0.08"}, {from: "1.00", rate: "0.12"}]}
                  - {id: bonus, kind: bonus, amount: "5000.00", when: "attainment >= 1.00"}
                """);
        assertThat(result.problems()).isEmpty();
        CompiledPlan plan = result.orThrow();
        assertThat(plan.components()).extracting(Component::id).containsExactly("commission", "bonus");
        assertThat(plan.quotaMeasure()).isEqualTo("bookings");
    }

    @Test
    void anUnknownKeyIsReportedWhereItIsWrittenWithASuggestion() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                components:
                  - id: commission
                    kind: rate
                    rat: "0.10"
                """);
        assertThat(problems)
                .extracting(SourceProblem::toString)
                .contains(
                        "plan.yaml:6:5: unknown key 'rat' (did you mean 'rate'?)",
                        "plan.yaml:4:5: missing required field 'rate'");
    }

    @Test
    void aYamlSyntaxErrorNamesLineAndColumn() {
        List<SourceProblem> problems = problems("""
                id: p
                components: [{id: c, kind: rate, rate: "0.10"}
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).source()).isEqualTo("plan.yaml");
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).reason()).startsWith("YAML syntax error");
    }

    @Test
    void aCelErrorPointsIntoTheExpressionInsideTheFile() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                components:
                  - id: spiff
                    kind: per_deal_amount
                    amount: "500.00"
                    when: "deal.type == 'new_logo' && region == 'EMEA'"
                """);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(7);
        assertThat(problems.get(0).column()).isEqualTo(39);
        assertThat(problems.get(0).reason()).contains("undeclared reference to 'region'");
    }

    @Test
    void aBadNumberAndAGapBetweenTiersAreBothReported() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                components:
                  - id: commission
                    kind: tiered
                    tiers:
                      - {from: "0.00", to: "0.50", rate: "5%"}
                      - {from: "0.60", rate: "0.08"}
                """);
        assertThat(problems)
                .extracting(SourceProblem::toString)
                .containsExactlyInAnyOrder(
                        "plan.yaml:7:42: 'rate' must be a decimal number like \"0.10\", not '5%'",
                        "plan.yaml:8:9: tiers must be contiguous: this tier starts at 0.60 but the one before ends at 0.50");
    }

    @Test
    void aComponentOnAnUnknownMeasureIsRejected() {
        List<SourceProblem> problems = problems("""
                id: p
                currency: USD
                components:
                  - {id: c, kind: rate, rate: "0.10", measure: revenue}
                """);
        assertThat(problems)
                .extracting(SourceProblem::reason)
                .containsExactly("measure 'revenue' is not defined in this plan");
    }
}
