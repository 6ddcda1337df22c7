package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** A scenario's data is its data dictionary: its plan may read the attributes its deals carry, and only those. */
class ScenarioDictionaryTest {

    private static final String SCENARIO = """
            scenario: spiff
            periods: [2026-Q1]
            people:
              - {id: ae1, role: AE, start: 2025-01-01}
            transactions:
              - {id: D1, owner: ae1, close: 2026-01-10, amount: "1000.00", type: new_logo, attributes: {segment: smb}}
            plan:
              id: p
              currency: USD
              components:
                - {id: spiff, kind: per_deal_amount, amount: "100.00", when: "%s"}
            expected:
              - {person: ae1, period: 2026-Q1, component: spiff, amount: "100.00"}
            """;

    private final ScenarioReader reader = new ScenarioReader(new PlanCompiler());

    @Test
    void aPlanMayReadAnAttributeTheScenariosDealsCarry() {
        ScenarioParse parse = reader.read("s.yaml", SCENARIO.formatted("deal.segment == 'smb'"), null);
        assertThat(parse.problems()).isEmpty();
        assertThat(new ScenarioRunner().run(parse.scenario().orElseThrow()).passed())
                .isTrue();
    }

    @Test
    void aPlanReadingAnAttributeNoDealCarriesIsRejectedWithTheClosestOne() {
        ScenarioParse parse = reader.read("s.yaml", SCENARIO.formatted("deal.segmnt == 'smb'"), null);
        assertThat(parse.problems())
                .extracting(SourceProblem::toString)
                .containsExactly("s.yaml:11:72: unknown field 'segmnt' of deal (did you mean deal.segment?)");
    }
}
