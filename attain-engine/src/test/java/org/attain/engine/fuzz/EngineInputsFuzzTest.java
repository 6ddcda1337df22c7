package org.attain.engine.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over the engine's text inputs. In a normal test run each method replays its inputs under
 * src/test/resources/org/attain/engine/fuzz/EngineInputsFuzzTestInputs/&lt;method&gt;/ (seeds and every crash
 * found so far); {@code JAZZER_FUZZ=1} with {@code -Dtest=EngineInputsFuzzTest#method} fuzzes one of them
 * (bench/fuzz.sh). The checks are the properties' own.
 */
class EngineInputsFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void planDocument(FuzzedDataProvider data) {
        PlanDocumentProperties.compilesOrNamesItsProblems(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "60s")
    void scenarioFile(FuzzedDataProvider data) {
        ScenarioFileProperties.readsOrNamesItsProblems(data.consumeRemainingAsString());
    }

    @FuzzTest(maxDuration = "60s")
    void celExpression(FuzzedDataProvider data) {
        CelExpressionProperties.compilesOrNamesItsErrors(data.consumeRemainingAsString());
    }
}
