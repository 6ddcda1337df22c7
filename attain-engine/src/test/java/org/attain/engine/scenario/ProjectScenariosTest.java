package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's own scenarios (every file under scenarios/ outside scenarios/golden, which
 * {@link GoldenScenariosTest} runs) pass through the engine, so `./mvnw verify` runs them all.
 */
class ProjectScenariosTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final Path GOLDEN = SCENARIOS.resolve("golden");

    private static List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(SCENARIOS)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(GOLDEN))
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProjectScenarioPasses() throws IOException {
        ScenarioRunner runner = new ScenarioRunner();
        return files().stream()
                .map(file -> DynamicTest.dynamicTest(SCENARIOS.relativize(file).toString(), () -> {
                    ScenarioReport report = runner.run(file);
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    ScenarioCli.print(report, new PrintStream(text, true, StandardCharsets.UTF_8));
                    assertThat(report.passed())
                            .as(text.toString(StandardCharsets.UTF_8))
                            .isTrue();
                }));
    }

    @Test
    void thePodScenariosAreThere() throws IOException {
        assertThat(files())
                .extracting(p -> p.getFileName().toString())
                .contains("pod-quota-basics.yaml", "pod-movers-and-zero-quota.yaml");
    }
}
