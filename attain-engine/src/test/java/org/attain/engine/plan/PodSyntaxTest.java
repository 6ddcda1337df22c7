package org.attain.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** `attainment: pod` and `prorate: by_days_in_pod` compile where they make sense and are refused, with line and column, elsewhere. */
class PodSyntaxTest {

    private final PlanCompiler compiler = new PlanCompiler();

    private List<String> problems(String yaml) {
        PlanCompilation result = compiler.compile("plan.yaml", yaml);
        assertThat(result.ok()).as("expected the plan to be rejected").isFalse();
        return result.problems().stream().map(SourceProblem::toString).toList();
    }

    @Test
    void aPodComponentCompilesWithItsProration() {
        PlanCompilation result = compiler.compile("plan.yaml", """
                id: pod
                currency: USD
                components:
                  - {id: own, kind: rate, rate: "0.05"}
                  - {id: pod_bonus, kind: bonus, amount: "1000", when: "attainment >= 1.0", attainment: pod, prorate: by_days_in_pod}
                  - {id: pod_rate, kind: rate, rate: "0.01", attainment: pod}
                """);
        assertThat(result.problems()).isEmpty();
        CompiledPlan plan = result.orThrow();
        assertThat(plan.paysOnPods()).isTrue();
        assertThat(plan.components().get(0).basics().pod()).isNull();
        assertThat(plan.components().get(1).basics().pod().proration()).isEqualTo(PodTerms.PodProration.BY_DAYS_IN_POD);
        assertThat(plan.components().get(2).basics().pod().proration()).isEqualTo(PodTerms.PodProration.NONE);
    }

    @Test
    void attainmentSelfIsTheDefaultAndAPlanWithoutPodsSaysSo() {
        CompiledPlan plan = compiler.compile("plan.yaml", """
                id: own
                currency: USD
                components: [{id: c, kind: rate, rate: "0.05", attainment: self}]
                """).orThrow();
        assertThat(plan.paysOnPods()).isFalse();
    }

    @Test
    void anUnknownAttainmentSourceIsNamedWhereItIsWritten() {
        assertThat(problems("""
                id: p
                currency: USD
                components:
                  - id: c
                    kind: rate
                    rate: "0.05"
                    attainment: team
                """)).containsExactly("plan.yaml:7:17: 'attainment' must be self or pod");
    }

    @Test
    void aPerDealOrMboComponentCannotBeOnAPod() {
        assertThat(problems("""
                id: p
                currency: USD
                components:
                  - id: spiff
                    kind: per_deal_amount
                    amount: "100"
                    attainment: pod
                """))
                .containsExactly("plan.yaml:7:5: 'attainment: pod' applies to rate, tiered, bonus and curve"
                        + " components, not to 'per_deal_amount'");
    }

    @Test
    void prorationWithoutAPodIsRefused() {
        assertThat(problems("""
                id: p
                currency: USD
                components:
                  - {id: c, kind: rate, rate: "0.05", prorate: by_days_in_pod}
                """))
                .containsExactly("plan.yaml:4:39: 'prorate' applies only to a component with 'attainment: pod'"
                        + " (a member's share of the pod's pay)");
    }

    @Test
    void anUnknownProrationAndCumulativePodTiersAreRefused() {
        assertThat(problems("""
                id: p
                currency: USD
                components:
                  - id: c
                    kind: tiered
                    attainment: pod
                    prorate: by_days
                    cumulative: qtd
                    tiers: [{from: "0", rate: "0.02"}]
                """))
                .containsExactly(
                        "plan.yaml:7:14: 'prorate' must be none or by_days_in_pod",
                        "plan.yaml:8:5: a tiered component on 'attainment: pod' is computed per period; 'cumulative' qtd/ytd"
                                + " is not supported on pods");
    }
}
