package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code calc run} refuses an engine, a Spark master or a way to read it cannot use with one line and exit code 2, before
 * anything starts.
 */
class CalcRunRefusesAnEngineOrMasterItCannotUseTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int calc(String... args) {
        return CalcCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMasterSparkCannotReadIsRefused() {
        assertThat(calc("run", "--engine", "spark", "--master", "yarn")).isEqualTo(2);
        assertThat(errors()).contains("yarn").contains("spark://").hasLineCount(1);
    }

    @Test
    void anEngineOtherThanSparkIsRefused() {
        assertThat(calc("run", "--engine", "flink")).isEqualTo(2);
        assertThat(errors()).contains("flink").hasLineCount(1);
    }

    @Test
    void aMasterWithoutTheSparkEngineIsRefused() {
        assertThat(calc("run", "--master", "local[2]")).isEqualTo(2);
        assertThat(errors())
                .contains("--master local[2]")
                .contains("--engine spark")
                .hasLineCount(1);
    }

    @Test
    void anEngineWithoutItsNameIsRefused() {
        assertThat(calc("run", "--engine")).isEqualTo(2);
        assertThat(errors()).startsWith("--engine").hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aWayToReadOtherThanDriverOrExecutorsIsRefused() {
        assertThat(calc("run", "--engine", "spark", "--read", "parquet")).isEqualTo(2);
        assertThat(errors()).contains("parquet").contains("--read executors").hasLineCount(1);
    }

    @Test
    void aWayToReadWithoutTheSparkEngineIsRefused() {
        assertThat(calc("run", "--read", "executors")).isEqualTo(2);
        assertThat(errors())
                .contains("--read executors")
                .contains("--engine spark")
                .hasLineCount(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
