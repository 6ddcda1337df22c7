package org.attain.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner names the file, line and column of a bad scenario, and shows the trace of a wrong number. */
class ScenarioCliTest {

    @TempDir
    Path dir;

    private String run(Path file, int expectedCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ScenarioCli.run(
                new String[] {"run", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(expectedCode);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBadScenarioFileIsReportedWithLineAndColumn() throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                periods: [2026-Q1]
                people: [{id: ae1, start: 2025-01-01}]
                plan:
                  id: p
                  components: [{id: c, kind: rate, rate: "ten percent"}]
                expected: [{person: ae1, period: 2026-Q1, component: c, amount: "1.00"}]
                """);
        String out = run(file, 1);
        assertThat(out).contains(file + ":5:42: 'rate' must be a decimal number like \"0.10\", not 'ten percent'");
        assertThat(out).contains("scenarios: 0 passed, 1 failed");
    }

    @Test
    void aWrongExpectationShowsExpectedActualAndTheTrace() throws IOException {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, """
                periods: [2026-Q1]
                people: [{id: ae1, start: 2025-01-01}]
                plan: {id: p, components: [{id: commission, kind: rate, rate: "0.10"}]}
                transactions: [{id: D1, owner: ae1, close: 2026-02-01, amount: "1000.00"}]
                expected: [{person: ae1, period: 2026-Q1, component: commission, amount: "99.00"}]
                """);
        String out = run(file, 1);
        assertThat(out).contains("expected: 99.00", "actual:   100.00", "D1 2026-02-01 source 1000.00 USD");
    }

    @Test
    void aPlanChangeMidQuarterPaysEachDealUnderThePlanInForceOnItsDate() throws IOException {
        Path file = dir.resolve("change.yaml");
        Files.writeString(file, """
                periods: [2026-Q1]
                people: [{id: ae1, start: 2025-01-01}]
                plans:
                  - {applies_to: [ae1], to: 2026-02-14, plan: {id: old, components: [{id: commission, kind: rate, rate: "0.10"}]}}
                  - {applies_to: [ae1], from: 2026-02-15, plan: {id: new, components: [{id: commission, kind: rate, rate: "0.20"}]}}
                transactions:
                  - {id: D1, owner: ae1, close: 2026-02-14, amount: "1000.00"}
                  - {id: D2, owner: ae1, close: 2026-02-15, amount: "1000.00"}
                expected: [{person: ae1, period: 2026-Q1, component: commission, amount: "300.00", payout: "300.00"}]
                """);
        assertThat(run(file, 0)).contains("scenarios: 1 passed, 0 failed");
    }
}
