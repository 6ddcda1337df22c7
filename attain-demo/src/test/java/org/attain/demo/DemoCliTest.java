package org.attain.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCliTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2025-06-30T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    private int run(String... args) {
        return DemoCli.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8), TODAY);
    }

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generateWritesTheCsvFilesAndReportsCounts() throws Exception {
        int exit = run("generate", "--people", "50", "--transactions", "1000", "--out", temp.toString(), "--seed", "3");

        assertThat(exit).isEqualTo(DemoCli.OK);
        assertThat(output()).contains("people 50", "transactions 1000", "as of 2025-06-30", "elapsed");
        assertThat(Files.lines(temp.resolve("transactions.csv")).count()).isEqualTo(1001);
        assertThat(temp.resolve("people.csv")).exists();
    }

    @Test
    void aBadNumberNamesTheOptionAndTheReason() {
        assertThat(run("generate", "--people", "many", "--out", temp.toString()))
                .isEqualTo(DemoCli.USAGE);
        assertThat(output()).startsWith("error: --people: 'many' is not a whole number");
    }

    @Test
    void anOutOfRangeNumberNamesTheLimits() {
        assertThat(run("generate", "--people", "5", "--out", temp.toString())).isEqualTo(2);
        assertThat(output()).startsWith("error: --people: must be between 10 and 100000, was 5");
    }

    @Test
    void tooManyTransactionsAreRefused() {
        assertThat(run("generate", "--transactions", "60000000", "--out", temp.toString()))
                .isEqualTo(2);
        assertThat(output()).startsWith("error: --transactions: must be between 0 and 50000000, was 60000000");
    }

    @Test
    void theOutputDirectoryIsRequired() {
        assertThat(run("generate", "--people", "20")).isEqualTo(2);
        assertThat(output()).startsWith("error: --out: required");
    }

    @Test
    void unknownOptionsCommandsAndMissingValuesAreUsageErrors() {
        assertThat(run("generate", "--colour", "red")).isEqualTo(2);
        assertThat(run("explode")).isEqualTo(2);
        assertThat(run("generate", "--out")).isEqualTo(2);
        assertThat(output())
                .contains(
                        "error: --colour: unknown option",
                        "error: unknown command 'explode'",
                        "error: --out: missing value");
    }

    @Test
    void aMalformedDateIsExplained() {
        assertThat(run("generate", "--as-of", "30.06.2025", "--out", temp.toString()))
                .isEqualTo(2);
        assertThat(output()).startsWith("error: --as-of: '30.06.2025' is not a date like 2025-06-30");
    }
}
