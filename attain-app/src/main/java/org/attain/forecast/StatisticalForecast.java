package org.attain.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The statistics of the statistical forecast, pure: the seasonal naive and Holt-Winters forecasters, a
 * rolling-origin backtest of any forecaster on a monthly series, the accuracy measures (MAPE, sMAPE, MASE, bias),
 * the pick of the best method and prediction intervals from the backtest's errors.
 *
 * <p>Series are money (bookings per month) but their statistics are estimates: they are computed in {@code double}
 * (deterministic: strict IEEE arithmetic, fixed order of summation, no randomness) and every figure leaves this class
 * rounded once — money to cents, percentages to two decimals, MASE to three — HALF_EVEN, from the double's shortest
 * decimal form ({@link BigDecimal#valueOf(double)}), so the same history always gives the same digits.
 *
 * <p>Definitions (Hyndman and Koehler 2006; M4 competition): sMAPE = mean of 200·|y−f|/(|y|+|f|); MAPE = mean of
 * 100·|y−f|/|y| over the points where y is not zero; MASE = mean |y−f| over the in-sample mean absolute seasonal
 * difference |y_t − y_{t−12}| of the history (the one-month difference when the history is not longer than a
 * season); bias = (Σf − Σy) / Σy × 100, positive when the forecast ran high.
 */
public final class StatisticalForecast {

    /** Months in a season. */
    public static final int SEASON = 12;

    /** The first backtest origin: every method can forecast from this many months (Holt-Winters' minimum). */
    public static final int FIRST_ORIGIN = HoltWinters.minimumLength(SEASON);

    /** Months ahead the backtest measures from each origin (a quarter). */
    public static final int BACKTEST_HORIZON = 3;

    /** Fewest backtest errors an interval is read from. */
    public static final int MINIMUM_ERRORS = 5;

    /** A forecast from the first {@code trainLength} values of a series; null when the method cannot forecast there. */
    @FunctionalInterface
    public interface Forecaster {
        double[] forecast(int trainLength, int horizon);
    }

    public record Accuracy(BigDecimal mape, BigDecimal smape, BigDecimal mase, BigDecimal bias, int points) {}

    /** A one-month-ahead forecast made in the backtest for the month {@code index} of the series, and what came. */
    public record Check(int index, double forecast, double actual) {}

    /**
     * A method's backtest: its accuracy over every (origin, horizon) pair, its one-month-ahead forecasts, the
     * relative errors (actual / forecast − 1) of its monthly forecasts and of its three-month totals.
     */
    public record Backtest(
            StatisticalMethod method,
            Accuracy accuracy,
            List<Check> oneAhead,
            double[] monthErrors,
            double[] quarterErrors,
            double meanAbsoluteError) {}

    private StatisticalForecast() {}

    public static Forecaster seasonalNaive(double[] y) {
        return (n, h) -> {
            if (n < SEASON) {
                return null;
            }
            double[] out = new double[h];
            for (int i = 0; i < h; i++) {
                out[i] = y[n - SEASON + (i % SEASON)];
            }
            return out;
        };
    }

    public static Forecaster holtWinters(double[] y, HoltWinters.Season season) {
        return (n, h) -> {
            if (n < HoltWinters.minimumLength(SEASON)) {
                return null;
            }
            double[] train = Arrays.copyOf(y, n);
            if (season == HoltWinters.Season.MULTIPLICATIVE
                    && Arrays.stream(train).anyMatch(v -> !(v > 0))) {
                return null;
            }
            double[] f = HoltWinters.fit(train, SEASON, season).forecast(h);
            return Arrays.stream(f).allMatch(Double::isFinite) ? f : null;
        };
    }

    /** The in-sample mean absolute seasonal difference of y (lag 12, or lag 1 when y is not longer than 12); 0 if flat. */
    public static double scale(double[] y) {
        int lag = y.length > SEASON ? SEASON : 1;
        double sum = 0;
        int count = 0;
        for (int t = lag; t < y.length; t++) {
            sum += Math.abs(y[t] - y[t - lag]);
            count++;
        }
        return count == 0 ? 0 : sum / count;
    }

    /** The accuracy of forecasts against actuals, MASE on the given scale (null when the scale is zero). */
    public static Accuracy accuracy(double[] actual, double[] forecast, double scale) {
        double ape = 0;
        int apeCount = 0;
        double sape = 0;
        double ae = 0;
        double sumF = 0;
        double sumY = 0;
        for (int i = 0; i < actual.length; i++) {
            double y = actual[i];
            double f = forecast[i];
            double e = Math.abs(y - f);
            if (y != 0) {
                ape += 100 * e / Math.abs(y);
                apeCount++;
            }
            double d = Math.abs(y) + Math.abs(f);
            sape += d == 0 ? 0 : 200 * e / d;
            ae += e;
            sumF += f;
            sumY += y;
        }
        int n = actual.length;
        return new Accuracy(
                apeCount == 0 ? null : round(ape / apeCount, 2),
                n == 0 ? null : round(sape / n, 2),
                n == 0 || scale == 0 ? null : round(ae / n / scale, 3),
                sumY == 0 ? null : round((sumF - sumY) / Math.abs(sumY) * 100, 2),
                n);
    }

    /**
     * Rolling origin: for every origin from {@code firstOrigin} to the series' end, forecast up to {@code horizon}
     * months and compare each with what came. Empty when the method could not forecast at every origin.
     */
    public static Optional<Backtest> backtest(
            StatisticalMethod method, double[] y, Forecaster forecaster, int firstOrigin, int horizon, double scale) {
        List<Double> actuals = new ArrayList<>();
        List<Double> forecasts = new ArrayList<>();
        List<Check> oneAhead = new ArrayList<>();
        List<Double> monthErrors = new ArrayList<>();
        List<Double> quarterErrors = new ArrayList<>();
        for (int origin = firstOrigin; origin < y.length; origin++) {
            int h = Math.min(horizon, y.length - origin);
            double[] f = forecaster.forecast(origin, Math.max(h, 3));
            if (f == null) {
                return Optional.empty();
            }
            for (int i = 0; i < h; i++) {
                actuals.add(y[origin + i]);
                forecasts.add(f[i]);
                if (f[i] != 0) {
                    monthErrors.add(y[origin + i] / f[i] - 1);
                }
            }
            oneAhead.add(new Check(origin, f[0], y[origin]));
            if (origin + 3 <= y.length) {
                double fq = f[0] + f[1] + f[2];
                double yq = y[origin] + y[origin + 1] + y[origin + 2];
                if (fq != 0) {
                    quarterErrors.add(yq / fq - 1);
                }
            }
        }
        if (actuals.isEmpty()) {
            return Optional.empty();
        }
        double[] a = actuals.stream().mapToDouble(Double::doubleValue).toArray();
        double[] f = forecasts.stream().mapToDouble(Double::doubleValue).toArray();
        double mae = 0;
        for (int i = 0; i < a.length; i++) {
            mae += Math.abs(a[i] - f[i]);
        }
        return Optional.of(new Backtest(
                method,
                accuracy(a, f, scale),
                List.copyOf(oneAhead),
                monthErrors.stream().mapToDouble(Double::doubleValue).toArray(),
                quarterErrors.stream().mapToDouble(Double::doubleValue).toArray(),
                mae / a.length));
    }

    /** The best method now: the lowest mean absolute error (the same order as MASE, whose scale they share); ties to the simpler method. */
    public static Optional<Backtest> pick(List<Backtest> backtests) {
        return backtests.stream()
                .min(Comparator.comparingDouble(Backtest::meanAbsoluteError)
                        .thenComparing(b -> b.method().ordinal()));
    }

    /** The p-quantile (0..1) of the values, linear between order statistics (Hyndman-Fan type 7, R's default). */
    public static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = p * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }

    /**
     * An 80 % interval around a forecast from relative errors (10th and 90th percentiles); empty with too few errors.
     * It always holds its own point: when a method's backtest errors all lean one way (it under-forecast every time,
     * say), the percentiles alone would give a range beside the point, so the interval is stretched to reach the point
     * and the page says the errors lean.
     */
    public static Optional<BigDecimal[]> interval(double forecast, double[] relativeErrors) {
        if (relativeErrors.length < MINIMUM_ERRORS) {
            return Optional.empty();
        }
        double point = Math.max(0, forecast);
        double low = Math.min(point, Math.max(0, forecast * (1 + quantile(relativeErrors, 0.1))));
        double high = Math.max(point, Math.max(low, forecast * (1 + quantile(relativeErrors, 0.9))));
        return Optional.of(new BigDecimal[] {cents(low), cents(high)});
    }

    public static BigDecimal cents(double v) {
        return round(v, 2);
    }

    private static BigDecimal round(double v, int scale) {
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
