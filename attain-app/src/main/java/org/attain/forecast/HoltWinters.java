package org.attain.forecast;

/**
 * Exponential smoothing with a damped additive trend and an additive or multiplicative season (damped Holt-Winters,
 * ETS(A,Ad,A) and ETS(A,Ad,M) in Hyndman's notation, point forecasts only), pure.
 *
 * <p>Written here because no maintained JVM library offers Holt-Winters/ETS (checked {@code maven-partial.tsv}:
 * commons-math3 has none; smile has none and is GPL). Instead it is held equal to a maintained reference,
 * statsmodels 0.13.5's {@code ExponentialSmoothing} (Debian's python3-statsmodels): given the same series, fixed
 * parameters and start, every one-step fitted value, the end state, the SSE and every forecast 1..12 months ahead
 * agree within 1e-9 relative (measured 4e-15), additive and multiplicative, damped and not
 * ({@code HoltWintersMatchesStatsmodelsTest}; regenerate its reference with
 * {@code /usr/bin/python3 bench/holt-winters-reference.py > attain-app/src/test/resources/bench/holt-winters-statsmodels.csv}).
 * The forecasts follow Hyndman &amp; Athanasopoulos' equation; statsmodels before its PR #10230 (issue #9538) takes a
 * season-old seasonal index exactly m steps ahead, the only place its {@code forecast()} differs from this class.
 *
 * <p>The smoothing parameters (alpha, beta, gamma, phi; beta in Holt's form, beta &lt;= alpha and gamma &lt;= 1 -
 * alpha as statsmodels constrains them, phi 0.8..0.98 as R's forecast::ets) are fitted by a fixed coarse grid
 * followed by a finer grid around the best point, minimising the sum of squared one-step errors: deterministic, no
 * random start. On the Superstore training years its SSE is within 0.06 % of statsmodels' own optimiser from the same
 * start (additive) and 0.8 % below it (multiplicative; docs/benchmarks.md).
 *
 * <p>The fit works in {@code double} — a statistical estimate, not money; Java's floating point is strict since 17,
 * so the same series gives the same bits on every machine — and callers round the forecasts to cents once,
 * HALF_EVEN, at the boundary ({@link StatisticalForecast}).
 *
 * <p>Initial state from the first season: trend the difference of the first two seasons' means per period (zero
 * with less than two seasons), seasonal indices the first season's deviations (additive) or ratios (multiplicative)
 * from the trend line through its mean, level that line at the season's end. The one-step errors are summed from the
 * second season on. This start is Attain's own (statsmodels' heuristic start decomposes the first years instead), so
 * the reference comparison hands statsmodels this start as "known" and the series from the second season on.
 */
public final class HoltWinters {

    /** How the season combines with level and trend. */
    public enum Season {
        ADDITIVE,
        MULTIPLICATIVE
    }

    /** The fitted parameters and the state at the end of the series. */
    public record Fit(
            Season season,
            int period,
            double alpha,
            double beta,
            double gamma,
            double phi,
            double sse,
            double level,
            double trend,
            double[] seasonal) {

        /** Point forecasts 1..horizon steps after the series' end. */
        public double[] forecast(int horizon) {
            double[] out = new double[horizon];
            double damp = 0;
            double power = 1;
            for (int h = 1; h <= horizon; h++) {
                power *= phi;
                damp += power;
                double s = seasonal[(h - 1) % period];
                double base = level + damp * trend;
                out[h - 1] = season == Season.ADDITIVE ? base + s : base * s;
            }
            return out;
        }
    }

    /** Fewest observations a fit accepts: one season to start from and four one-step errors to fit against. */
    public static int minimumLength(int period) {
        return period + 4;
    }

    private static final double[] ALPHA = {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final double[] BETA = {0.0, 0.01, 0.05, 0.1, 0.2, 0.3};
    private static final double[] GAMMA = {0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final double[] PHI = {0.8, 0.85, 0.9, 0.95, 0.98};

    private HoltWinters() {}

    /**
     * Fits the model to the series; a multiplicative season needs every value above zero.
     *
     * @throws IllegalArgumentException when the series is shorter than {@link #minimumLength} or a multiplicative
     *     season meets a value of zero or less
     */
    public static Fit fit(double[] y, int period, Season season) {
        if (y.length < minimumLength(period)) {
            throw new IllegalArgumentException(
                    "Holt-Winters needs " + minimumLength(period) + " observations, has " + y.length);
        }
        if (season == Season.MULTIPLICATIVE) {
            for (double v : y) {
                if (!(v > 0)) {
                    throw new IllegalArgumentException("a multiplicative season needs every value above zero");
                }
            }
        }
        double[] best = {Double.NaN, 0, 0, 0, Double.POSITIVE_INFINITY};
        for (double a : ALPHA) {
            for (double b : BETA) {
                if (b > a) {
                    continue;
                }
                for (double g : GAMMA) {
                    if (g > 1 - a) {
                        continue;
                    }
                    for (double p : PHI) {
                        consider(best, y, period, season, a, b, g, p);
                    }
                }
            }
        }
        // A finer grid around the best coarse point (steps of a fifth of the coarse ones, kept inside the bounds).
        double a0 = best[0];
        double b0 = best[1];
        double g0 = best[2];
        double p0 = best[3];
        for (int i = -4; i <= 4; i++) {
            double a = clamp(a0 + i * 0.02, 0.01, 0.99);
            for (int j = -2; j <= 2; j++) {
                double b = clamp(b0 + j * 0.01, 0, a);
                for (int k = -4; k <= 4; k++) {
                    double g = clamp(g0 + k * 0.02, 0, 1 - a);
                    for (int l = -2; l <= 2; l++) {
                        double p = clamp(p0 + l * 0.01, 0.8, 0.98);
                        consider(best, y, period, season, a, b, g, p);
                    }
                }
            }
        }
        return run(y, period, season, best[0], best[1], best[2], best[3]);
    }

    private static void consider(
            double[] best, double[] y, int period, Season season, double a, double b, double g, double p) {
        double sse = run(y, period, season, a, b, g, p).sse();
        // Strictly better only: ties keep the earlier (smaller) parameters, so the grid's order decides, not chance.
        if (sse < best[4]) {
            best[0] = a;
            best[1] = b;
            best[2] = g;
            best[3] = p;
            best[4] = sse;
        }
    }

    private static double clamp(double v, double low, double high) {
        return Math.max(low, Math.min(high, v));
    }

    /** Runs the recursions over the series with these parameters: the one-step SSE and the final state. */
    static Fit run(double[] y, int m, Season season, double alpha, double beta, double gamma, double phi) {
        return run(y, m, season, alpha, beta, gamma, phi, null);
    }

    /**
     * The state the recursions start from at the end of the first season: level, trend and the seasonal indices of
     * the next {@code m} periods (index 0 is the period right after the first season).
     */
    record Start(double level, double trend, double[] seasonal) {}

    static Start start(double[] y, int m, Season season) {
        double first = 0;
        for (int i = 0; i < m; i++) {
            first += y[i];
        }
        first /= m;
        double trend = 0;
        if (y.length >= 2 * m) {
            double second = 0;
            for (int i = m; i < 2 * m; i++) {
                second += y[i];
            }
            trend = (second / m - first) / m;
        }
        // The first season's mean is the level at its middle; the seasonal indices are read against the trend line
        // through it (else the first year's trend is taken for season), and the level starts at the season's end.
        // s[i] is the seasonal index of the period i steps after the current time, modulo m.
        double middle = (m - 1) / 2.0;
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            double line = first + (i - middle) * trend;
            s[i] = season == Season.ADDITIVE ? y[i] - line : (line == 0 ? 1 : y[i] / line);
        }
        return new Start(first + middle * trend, trend, s);
    }

    /**
     * The recursions from {@link #start}; when {@code fitted} is given (length of the series), the one-step forecast
     * of each period from the second season on is written into it.
     */
    static Fit run(
            double[] y, int m, Season season, double alpha, double beta, double gamma, double phi, double[] fitted) {
        Start start = start(y, m, season);
        double[] s = start.seasonal();
        double level = start.level();
        double trend = start.trend();
        double sse = 0;
        boolean additive = season == Season.ADDITIVE;
        for (int t = m; t < y.length; t++) {
            double si = s[0];
            double base = level + phi * trend;
            double predicted = additive ? base + si : base * si;
            if (fitted != null) {
                fitted[t] = predicted;
            }
            double e = y[t] - predicted;
            sse += e * e;
            double newLevel =
                    additive ? alpha * (y[t] - si) + (1 - alpha) * base : alpha * (y[t] / si) + (1 - alpha) * base;
            double newTrend = beta * (newLevel - level) + (1 - beta) * phi * trend;
            double newSeason =
                    additive ? gamma * (y[t] - base) + (1 - gamma) * si : gamma * (y[t] / base) + (1 - gamma) * si;
            System.arraycopy(s, 1, s, 0, m - 1);
            s[m - 1] = newSeason;
            level = newLevel;
            trend = newTrend;
        }
        if (Double.isNaN(sse) || Double.isInfinite(sse)) {
            sse = Double.POSITIVE_INFINITY;
        }
        return new Fit(season, m, alpha, beta, gamma, phi, sse, level, trend, s);
    }
}
