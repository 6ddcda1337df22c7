package org.attain.engine.testing;

import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.CalculationResult;
import org.attain.engine.calc.Engine;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioParse;
import org.attain.engine.scenario.ScenarioReader;

/** Builds engine inputs from scenario YAML written inside a test, so tests read like the business. */
public final class Scenarios {

    private static final PlanCompiler COMPILER = new PlanCompiler();

    private Scenarios() {}

    public static CalculationInput input(String yaml) {
        ScenarioParse parse = new ScenarioReader(COMPILER).read("test.yaml", yaml, null);
        if (parse.scenario().isEmpty()) {
            throw new IllegalArgumentException("bad test scenario:\n" + parse.problems());
        }
        return parse.scenario().get().input();
    }

    public static CalculationResult run(String yaml) {
        return new Engine().calculate(input(yaml));
    }

    public static PlanCompiler compiler() {
        return COMPILER;
    }
}
