package org.attain.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.calc.Engine;
import org.attain.engine.calc.PayeePeriodResult;
import org.attain.engine.model.PersonId;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every scenario in scenarios/ (plans with CEL conditions, territories, pods, clawbacks, draws, currencies)
 * computed in Spark local mode, one payee per task, gives the statements of the engine in this JVM: the
 * inputs survive the broadcast and the results the trip back, to the last digit and trace step.
 */
class GoldenScenariosOnSparkMatchOneJvmTest {

    private static EngineOnSpark spark;

    @BeforeAll
    static void start() {
        spark = EngineOnSpark.start(new SparkMaster("local[2]"), "attain-test");
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void everyScenarioGivesTheSameStatementsOnSparkAsInOneJvm() throws IOException {
        ScenarioReader reader = new ScenarioReader(new PlanCompiler());
        List<Path> files;
        try (var walk = Files.walk(Path.of("..", "scenarios"))) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        Engine engine = new Engine();
        for (Path file : files) {
            CalculationInput input = reader.read(file).scenario().orElseThrow().input();
            Set<PersonId> payees = new TreeSet<>();
            for (PlanAssignment a : input.assignments()) {
                payees.add(a.person());
            }
            List<PayeePeriodResult> here = engine.calculate(engine.prepare(input), input.transactions(), payees)
                    .statements();
            List<PayeeGroup> groups = new ArrayList<>();
            payees.forEach(p -> groups.add(new PayeeGroup(List.of(p), null)));
            List<PayeePeriodResult> there = new ArrayList<>();
            spark.calculate(input, input.transactions(), groups, 2).forEach(o -> {
                assertThat(o.failed()).as(file.toString()).isEmpty();
                there.addAll(o.statements());
            });
            assertThat(sorted(there)).as(file.toString()).isEqualTo(sorted(here));
        }
    }

    private static List<PayeePeriodResult> sorted(List<PayeePeriodResult> results) {
        return results.stream()
                .sorted(Comparator.comparing((PayeePeriodResult r) -> r.person().value())
                        .thenComparing(r -> r.period().toString()))
                .toList();
    }
}
