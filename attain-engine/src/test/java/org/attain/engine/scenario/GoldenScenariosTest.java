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

/** Every golden case of ../shared/cases/icm, translated into scenarios/golden, passes through the engine. */
class GoldenScenariosTest {

    private static final Path GOLDEN = Path.of("..", "scenarios", "golden");

    @TestFactory
    Stream<DynamicTest> everyGoldenScenarioPasses() throws IOException {
        ScenarioRunner runner = new ScenarioRunner();
        List<Path> files;
        try (Stream<Path> list = Files.list(GOLDEN)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    ScenarioReport report = runner.run(file);
                    ByteArrayOutputStream text = new ByteArrayOutputStream();
                    ScenarioCli.print(report, new PrintStream(text, true, StandardCharsets.UTF_8));
                    assertThat(report.passed())
                            .as(text.toString(StandardCharsets.UTF_8))
                            .isTrue();
                }));
    }

    @Test
    void thereIsOneScenarioPerGoldenCase() throws IOException {
        try (Stream<Path> list = Files.list(GOLDEN)) {
            assertThat(list.filter(p -> p.toString().endsWith(".yaml")).count()).isEqualTo(20);
        }
    }

    @Test
    void theCliRunsTheFolderAndSummarises() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code = ScenarioCli.run(
                new String[] {"run", GOLDEN.toString()}, new PrintStream(text, true, StandardCharsets.UTF_8));
        String output = text.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("scenarios: 20 passed, 0 failed");
        assertThat(code).isZero();
    }
}
