package org.attain.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.attain.engine.calc.CalculationInput;
import org.attain.engine.model.PlanAssignment;
import org.attain.engine.plan.PlanCompiler;
import org.attain.engine.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * An executor task that fails is attempted again by Spark (here: local mode allowing 3 attempts, the first
 * attempt of every task failing), and each group's outcome still comes back exactly once, equal to a run where
 * nothing failed. The caller stores what comes back, so a retried task is never stored twice.
 */
class AFailedTaskIsRetriedAndItsGroupsComeBackOnceTest {

    // Local mode: executors are threads of this JVM, so the test can count their attempts here.
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Test
    void everyGroupComesBackOnceAfterItsTaskFailedOnce() {
        CalculationInput input = new ScenarioReader(new PlanCompiler())
                .read(Path.of("..", "scenarios", "golden", "07-manager-rollup.yaml"))
                .scenario()
                .orElseThrow()
                .input();
        List<PayeeGroup> groups = new ArrayList<>();
        input.assignments().stream()
                .map(PlanAssignment::person)
                .distinct()
                .sorted()
                .forEach(p -> groups.add(new PayeeGroup(List.of(p), null)));
        assertThat(groups).hasSizeGreaterThan(1);

        List<GroupOutcome> calm;
        List<GroupOutcome> retried;
        try (EngineOnSpark spark = EngineOnSpark.start(new SparkMaster("local[2,3]"), "attain-test")) {
            calm = spark.calculate(input, input.transactions(), groups, 2);
            ATTEMPTS.set(0);
            retried = spark.collect(input, input.transactions(), groups, 2, (partition, attempt) -> {
                ATTEMPTS.incrementAndGet();
                if (attempt == 0) {
                    throw new IllegalStateException("executor lost (test)");
                }
            });
        }

        assertThat(ATTEMPTS.get()).isEqualTo(4);
        assertThat(retried).hasSameSizeAs(groups).containsExactlyElementsOf(calm);
        assertThat(retried)
                .extracting(GroupOutcome::payees)
                .containsExactlyElementsOf(
                        groups.stream().map(PayeeGroup::payees).toList());
    }
}
