package org.attain.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code bench --preset spark}'s options; its run is checked by bench/spark-small.sh (a whole benchmark). */
class TheSparkPresetTest {

    @Test
    void generatesTheFullPresetsCompanyOf10000PeopleAnd10MillionTransactions() {
        BenchOptions o = BenchOptions.parse(new String[] {"--preset", "spark"});

        assertThat(o.spark()).isTrue();
        assertThat(o.people()).isEqualTo(10_000);
        assertThat(o.transactions()).isEqualTo(10_000_000L);
        assertThat(o.calcRuns()).isEqualTo(2);
        assertThat(o.seed())
                .isEqualTo(BenchOptions.parse(new String[] {"--preset", "full"}).seed());
    }

    @Test
    void takesASmallerSizeFromTheOptionsAfterIt() {
        BenchOptions o =
                BenchOptions.parse(new String[] {"--preset", "spark", "--people", "500", "--transactions", "100,000"});

        assertThat(o.people()).isEqualTo(500);
        assertThat(o.transactions()).isEqualTo(100_000L);
        assertThat(BenchOptions.parse(new String[] {"--preset", "full"}).spark())
                .isFalse();
    }

    @Test
    void anUnknownPresetNamesTheFourThereAre() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--preset", "cluster"}))
                .hasMessage("--preset: must be smoke, varcac, full or spark, was 'cluster'");
    }
}
