package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statistics of the statistical forecast without Spring: the forecasters on series whose future is known, the
 * accuracy measures on hand-worked numbers, the backtest and pick, the Monte-Carlo range and pipeline + run-rate.
 */
class StatisticalForecastTest {

    static final double[] SEASON = {80, 90, 120, 100, 95, 105, 85, 70, 110, 125, 130, 150};

    static double[] additive(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 1000 + 5 * t + SEASON[t % 12] - 105;
        }
        return y;
    }

    static double[] multiplicative(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = (1000 + 5 * t) * SEASON[t % 12] / 105.0;
        }
        return y;
    }

    @Test
    void seasonalNaiveRepeatsTheSameMonthLastYear() {
        double[] y = additive(30);
        double[] f = StatisticalForecast.seasonalNaive(y).forecast(24, 14);
        for (int h = 0; h < 14; h++) {
            assertThat(f[h]).isEqualTo(y[12 + h % 12]);
        }
        assertThat(StatisticalForecast.seasonalNaive(y).forecast(11, 3))
                .as("less than a season")
                .isNull();
    }

    @Test
    void holtWintersFollowsTrendAndSeasonOfAnAdditiveSeries() {
        double[] y = additive(48);
        double[] f =
                StatisticalForecast.holtWinters(y, HoltWinters.Season.ADDITIVE).forecast(36, 12);
        for (int h = 0; h < 12; h++) {
            assertThat(f[h]).as("month %d", h + 1).isCloseTo(y[36 + h], within(y[36 + h] * 0.02));
        }
    }

    @Test
    void holtWintersFollowsAMultiplicativeSeasonAndRefusesValuesOfZero() {
        double[] y = multiplicative(48);
        double[] f = StatisticalForecast.holtWinters(y, HoltWinters.Season.MULTIPLICATIVE)
                .forecast(36, 12);
        for (int h = 0; h < 12; h++) {
            assertThat(f[h]).as("month %d", h + 1).isCloseTo(y[36 + h], within(y[36 + h] * 0.02));
        }
        double[] withZero = y.clone();
        withZero[5] = 0;
        assertThat(StatisticalForecast.holtWinters(withZero, HoltWinters.Season.MULTIPLICATIVE)
                        .forecast(36, 3))
                .isNull();
        assertThat(StatisticalForecast.holtWinters(y, HoltWinters.Season.ADDITIVE)
                        .forecast(15, 3))
                .as("fewer than a season and four months")
                .isNull();
    }

    @Test
    void theFitIsTheSameEveryTime() {
        double[] y = multiplicative(40);
        HoltWinters.Fit a = HoltWinters.fit(y, 12, HoltWinters.Season.ADDITIVE);
        HoltWinters.Fit b = HoltWinters.fit(y.clone(), 12, HoltWinters.Season.ADDITIVE);
        assertThat(b.alpha()).isEqualTo(a.alpha());
        assertThat(b.forecast(6)).containsExactly(a.forecast(6));
    }

    @Test
    void accuracyMeasuresAsWorkedByHand() {
        // |e| = 10 and 20; MAPE (10 % + 10 %) / 2; sMAPE (200·10/210 + 200·20/380) / 2 = 10.025…; bias (290 − 300) /
        // 300.
        StatisticalForecast.Accuracy a =
                StatisticalForecast.accuracy(new double[] {100, 200}, new double[] {110, 180}, 15);
        assertThat(a.mape()).isEqualByComparingTo("10.00");
        assertThat(a.smape()).isEqualByComparingTo("10.03");
        assertThat(a.mase()).isEqualByComparingTo("1.000");
        assertThat(a.bias()).isEqualByComparingTo("-3.33");
        assertThat(a.points()).isEqualTo(2);
        // The scale: mean |y_t − y_{t−12}| when longer than a season, else mean |y_t − y_{t−1}|.
        assertThat(StatisticalForecast.scale(new double[] {1, 3, 2})).isEqualTo(1.5);
        assertThat(StatisticalForecast.scale(additive(14))).isEqualTo(60.0);
    }

    @Test
    void theBacktestPicksTheMethodThatErredLeastAndGivesAnIntervalFromItsErrors() {
        double[] y = additive(30);
        double scale = StatisticalForecast.scale(y);
        StatisticalForecast.Backtest naive = StatisticalForecast.backtest(
                        StatisticalMethod.SEASONAL_NAIVE, y, StatisticalForecast.seasonalNaive(y), 16, 3, scale)
                .orElseThrow();
        StatisticalForecast.Backtest hw = StatisticalForecast.backtest(
                        StatisticalMethod.HOLT_WINTERS_ADDITIVE,
                        y,
                        StatisticalForecast.holtWinters(y, HoltWinters.Season.ADDITIVE),
                        16,
                        3,
                        scale)
                .orElseThrow();
        // Origins 16..29, up to three months each: 12 × 3 + 2 + 1.
        assertThat(naive.accuracy().points()).isEqualTo(39);
        assertThat(naive.oneAhead()).hasSize(14);
        assertThat(naive.quarterErrors()).hasSize(12);
        // The series grows 60 a year: last year's month is always 60 short.
        assertThat(naive.accuracy().bias()).isNegative();
        assertThat(StatisticalForecast.pick(List.of(naive, hw)).orElseThrow().method())
                .isEqualTo(StatisticalMethod.HOLT_WINTERS_ADDITIVE);
        assertThat(StatisticalForecast.interval(1000, new double[] {-0.2, -0.1, 0, 0.1, 0.2})
                        .orElseThrow())
                .containsExactly(new BigDecimal("840.00"), new BigDecimal("1160.00"));
        assertThat(StatisticalForecast.interval(1000, new double[] {0.1, 0.2}))
                .as("too few errors")
                .isEmpty();
        // Every backtest under-forecast (actual 10..50 % above): the percentiles alone give 1040..1360, beside the
        // point; the interval reaches down to the point instead of excluding it.
        assertThat(StatisticalForecast.interval(1000, new double[] {0.1, 0.2, 0.3, 0.4, 0.5})
                        .orElseThrow())
                .containsExactly(new BigDecimal("1000.00"), new BigDecimal("1460.00"));
        assertThat(StatisticalForecast.interval(1000, new double[] {-0.5, -0.4, -0.3, -0.2, -0.1})
                        .orElseThrow())
                .containsExactly(new BigDecimal("540.00"), new BigDecimal("1000.00"));
    }

    @Test
    void theMonteCarloRangeIsDeterministicAndBoundedByItsDeals() {
        List<MonteCarloRange.Deal> deals = List.of(
                new MonteCarloRange.Deal(new BigDecimal("1000.00"), new BigDecimal("0.5")),
                new MonteCarloRange.Deal(new BigDecimal("2000.00"), new BigDecimal("0.2")),
                new MonteCarloRange.Deal(new BigDecimal("500.00"), new BigDecimal("0.9")));
        MonteCarloRange.Range a = MonteCarloRange.of(new BigDecimal("300.00"), deals, 7, 10_000);
        MonteCarloRange.Range b = MonteCarloRange.of(new BigDecimal("300.00"), deals, 7, 10_000);
        assertThat(b).isEqualTo(a);
        assertThat(a.p10()).isLessThanOrEqualTo(a.p50());
        assertThat(a.p50()).isLessThanOrEqualTo(a.p90());
        assertThat(a.p10()).isGreaterThanOrEqualTo(new BigDecimal("300.00"));
        assertThat(a.p90()).isLessThanOrEqualTo(new BigDecimal("3800.00"));
        // Certain deals: no spread.
        MonteCarloRange.Range sure = MonteCarloRange.of(
                BigDecimal.ZERO, List.of(new MonteCarloRange.Deal(new BigDecimal("10.01"), BigDecimal.ONE)), 1, 100);
        assertThat(sure.p10()).isEqualByComparingTo("10.01");
        assertThat(sure.p90()).isEqualByComparingTo("10.01");
    }

    @Test
    void pipelinePlusRunRateWeighsThePipelineByTheWinRateAndAddsWhatTheRunRateBrings() {
        YearMonth first = YearMonth.of(2026, 1);
        // Origin July 2026 (six months in).
        // Run-rate for July: deals won in Jan..Jun created in their own month: 60 in March only: 60 / 6 = 10.
        // Pipeline for July: created before July, closing in July: 200 (the deal created in July is not in it).
        // Win rate from what closed in the year before July: (300 + 60) / (300 + 60 + 100).
        List<PipelineRunRate.Opp> opps = List.of(
                opp(1, "2025-12-01", "2026-02-10", 300, ForecastCategory.CLOSED),
                opp(2, "2026-01-05", "2026-04-10", 100, ForecastCategory.OMITTED),
                opp(3, "2026-03-02", "2026-03-20", 60, ForecastCategory.CLOSED),
                opp(4, "2026-06-01", "2026-07-15", 200, ForecastCategory.PIPELINE),
                opp(5, "2026-07-02", "2026-07-20", 999, ForecastCategory.PIPELINE));
        double[] f = PipelineRunRate.forecaster(opps, first).forecast(6, 1);
        assertThat(f[0]).isCloseTo(360.0 / 460 * 200 + 10, within(1e-9));
        assertThat(PipelineRunRate.forecaster(opps, first).forecast(5, 1))
                .as("less than six months to take a run-rate from")
                .isNull();
    }

    private static PipelineRunRate.Opp opp(long id, String created, String close, double amount, ForecastCategory c) {
        return new PipelineRunRate.Opp(
                id, LocalDate.parse(created), LocalDate.parse(close), amount, BigDecimal.valueOf(amount), "Stage", c);
    }
}
