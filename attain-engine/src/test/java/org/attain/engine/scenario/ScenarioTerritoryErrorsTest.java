package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.engine.yaml.SourceProblem;
import org.junit.jupiter.api.Test;

/** Bad territory input in a scenario: each mistake named with its line and reason, nothing run. */
class ScenarioTerritoryErrorsTest {

    private static final String BASE = """
            periods: [2026-Q1]
            people:
              - {id: r1, start: 2025-01-01}
              - {id: r2, start: 2025-01-01}
            plan:
              id: ae
              components: [{id: commission, kind: rate, rate: "0.05"}]
            accounts:
              - {id: A-SE, country: SE}
            """;

    private static List<String> problems(String yaml) {
        ScenarioParse parse =
                new ScenarioReader(new org.attain.engine.plan.PlanCompiler()).read("t.yaml", BASE + yaml, null);
        assertThat(parse.scenario()).isEmpty();
        return parse.problems().stream().map(SourceProblem::toString).toList();
    }

    @Test
    void unknownPeopleAndAccountsAreNamed() {
        assertThat(problems("""
                territories:
                  - {id: NORDICS, rule: "account.country == 'SE'", owner: r9, overlays: [s9]}
                transactions:
                  - {id: D1, owner: r1, account: A-XX, close: 2026-01-15, amount: "10.00"}
                """))
                .containsExactly(
                        "t.yaml:13:34: names unknown account 'A-XX' (not under 'accounts')",
                        "t.yaml:11:52: names unknown person 'r9'",
                        "t.yaml:11:63: names unknown person 's9'");
    }

    @Test
    void equalPrecedenceTerritoriesClaimingOneAccountAreAnError() {
        assertThat(problems("""
                territories:
                  - {id: NORDICS, rule: "account.country in ['SE', 'NO']", owner: r1}
                  - {id: SWEDEN, rule: "account.country == 'SE'", owner: r2}
                """))
                .containsExactly("t.yaml:12:5: territories NORDICS and SWEDEN have the same precedence 0, are in force"
                        + " at the same time and both claim account 'A-SE'; give one a higher precedence");
        // A higher precedence, or validity that does not overlap, settles it.
        ScenarioParse ok =
                new ScenarioReader(new org.attain.engine.plan.PlanCompiler()).read("t.yaml", BASE + """
                territories:
                  - {id: NORDICS, rule: "account.country in ['SE', 'NO']", owner: r1, until: 2026-01-01}
                  - {id: SWEDEN, rule: "account.country == 'SE'", owner: r2, from: 2026-01-01}
                  - {id: NAMED, rule: "account.id == 'A-SE'", owner: r2, precedence: 10}
                """, null);
        assertThat(ok.problems()).isEmpty();
    }

    @Test
    void badRulesPoliciesAndOwnersAreNamed() {
        assertThat(problems("""
                territories:
                  - {id: NORDICS, rule: "account.contry == 'SE'", owner: r1}
                  - id: DACH
                    rule: "account.country == 'DE'"
                    members: [{person: r1, role: owner}, {person: r2, role: owner, from: 2026-02-01}, {person: r2, role: boss}]
                crediting: {precedence: [territory, manager]}
                """))
                .anySatisfy(p -> assertThat(p).startsWith("t.yaml:11:").contains("unknown field 'contry' of account"))
                .anySatisfy(p -> assertThat(p).contains("'role' must be owner or overlay"))
                .anySatisfy(p ->
                        assertThat(p).contains("territory DACH has two owners at once (r1 and r2 from 2026-02-01)"))
                .anySatisfy(p -> assertThat(p).contains("unknown credit source 'manager' (territory, owner)"));
    }
}
