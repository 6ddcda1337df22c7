package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Superstore benchmark (docs/benchmarks.md): monthly sales of the public Superstore data set, trained on
 * 2014–2016 and tested on the twelve months of 2017 forecast from the end of 2016. Attain picks its method by the
 * same rolling-origin backtest it runs on a company's history (on the training years only); that method must beat
 * seasonal naive on the test year, whose sMAPE 28.77 and MASE 1.546 are the published reference (28.8 / 1.55).
 */
class SuperstoreBenchmarkTest {

    static final int TRAIN = 36;

    @Test
    void theMethodPickedByBacktestBeatsSeasonalNaiveOn2017() throws IOException {
        double[] y = monthlySales();
        assertThat(y).hasSize(48);
        double[] train = Arrays.copyOf(y, TRAIN);
        double[] test = Arrays.copyOfRange(y, TRAIN, 48);
        double scale = StatisticalForecast.scale(train);

        Map<StatisticalMethod, StatisticalForecast.Forecaster> methods = new EnumMap<>(StatisticalMethod.class);
        methods.put(StatisticalMethod.SEASONAL_NAIVE, StatisticalForecast.seasonalNaive(train));
        methods.put(
                StatisticalMethod.HOLT_WINTERS_ADDITIVE,
                StatisticalForecast.holtWinters(train, HoltWinters.Season.ADDITIVE));
        methods.put(
                StatisticalMethod.HOLT_WINTERS_MULTIPLICATIVE,
                StatisticalForecast.holtWinters(train, HoltWinters.Season.MULTIPLICATIVE));

        List<StatisticalForecast.Backtest> backtests = new ArrayList<>();
        Map<StatisticalMethod, StatisticalForecast.Accuracy> onTest = new EnumMap<>(StatisticalMethod.class);
        StringBuilder table = new StringBuilder(
                "| method | backtest sMAPE | backtest MASE | 2017 sMAPE | 2017 MASE | 2017 bias % |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<StatisticalMethod, StatisticalForecast.Forecaster> m : methods.entrySet()) {
            StatisticalForecast.Backtest b = StatisticalForecast.backtest(
                            m.getKey(),
                            train,
                            m.getValue(),
                            StatisticalForecast.FIRST_ORIGIN,
                            StatisticalForecast.BACKTEST_HORIZON,
                            scale)
                    .orElseThrow();
            backtests.add(b);
            StatisticalForecast.Accuracy a =
                    StatisticalForecast.accuracy(test, m.getValue().forecast(TRAIN, 12), scale);
            onTest.put(m.getKey(), a);
            table.append("| %s | %s | %s | %s | %s | %s |%n"
                    .formatted(
                            m.getKey().key(),
                            b.accuracy().smape(),
                            b.accuracy().mase(),
                            a.smape(),
                            a.mase(),
                            a.bias()));
        }
        StatisticalMethod picked =
                StatisticalForecast.pick(backtests).orElseThrow().method();
        System.out.println("Superstore monthly sales, train 2014-2016, test 2017 (12 months ahead)\n" + table
                + "picked by backtest: " + picked.key());

        StatisticalForecast.Accuracy naive = onTest.get(StatisticalMethod.SEASONAL_NAIVE);
        assertThat(naive.smape()).isEqualByComparingTo("28.77");
        assertThat(naive.mase()).isEqualByComparingTo("1.546");
        assertThat(picked).isNotEqualTo(StatisticalMethod.SEASONAL_NAIVE);
        assertThat(onTest.get(picked).smape()).isLessThan(naive.smape());
        assertThat(onTest.get(picked).mase()).isLessThan(naive.mase());
    }

    static double[] monthlySales() throws IOException {
        try (InputStream in =
                SuperstoreBenchmarkTest.class.getResourceAsStream("/bench/superstore-monthly-sales.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .strip()
                    .split("\n");
            return Arrays.stream(lines)
                    .skip(1)
                    .mapToDouble(l -> new BigDecimal(l.split(",")[1]).doubleValue())
                    .toArray();
        }
    }
}
