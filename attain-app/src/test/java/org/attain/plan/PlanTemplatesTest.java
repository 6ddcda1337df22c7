package org.attain.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;
import org.attain.engine.scenario.ScenarioReport;
import org.attain.engine.scenario.ScenarioRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's plans ship with scenarios, and those scenarios pass against them in every demo currency. */
class PlanTemplatesTest {

    private static ScenarioReport run(String scenario, String plan) {
        ScenarioParse parse =
                new ScenarioReader(new PlanCompiler()).read("demo", PlanScenarios.withPlan(scenario, plan), null);
        assertThat(parse.problems()).isEmpty();
        return new ScenarioRunner().run(parse.scenario().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "GBP", "AUD"})
    void theAccountExecutivePlansScenarioPasses(String currency) {
        ScenarioReport report = run(
                PlanTemplates.accountExecutiveScenario(currency),
                PlanTemplates.accountExecutiveWithSpiff("ae", "AE", currency));
        assertThat(report.results())
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "GBP", "AUD"})
    void theManagerPlansScenarioPasses(String currency) {
        ScenarioReport report = run(
                PlanTemplates.managerOverrideScenario(currency),
                PlanTemplates.managerOverride("mgr", "Manager", currency));
        assertThat(report.results())
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.06", "0.015"})
    void aChangedRateFailsTheScenario(String rate) {
        String changed = PlanTemplates.accountExecutiveWithSpiff("ae", "AE", "USD")
                .replace("rate: \"0.05\"", "rate: \"" + rate + "\"");
        assertThat(run(PlanTemplates.accountExecutiveScenario("USD"), changed).passed())
                .isFalse();
    }
}
