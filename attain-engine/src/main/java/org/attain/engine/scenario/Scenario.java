package org.attain.engine.scenario;

import java.util.List;
import org.attain.engine.calc.CalculationInput;

/** A parsed scenario: the engine input it describes and the values it expects. */
public record Scenario(String id, String title, String source, CalculationInput input, List<Check> checks) {

    public Scenario {
        checks = List.copyOf(checks);
    }
}
