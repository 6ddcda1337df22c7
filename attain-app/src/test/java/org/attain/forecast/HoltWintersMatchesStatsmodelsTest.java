package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attain's own Holt-Winters held to a maintained reference: statsmodels' {@code ExponentialSmoothing}, whose values
 * {@code bench/holt-winters-reference.py} wrote once into {@code bench/holt-winters-statsmodels.csv} (version and
 * command in its header; no Python runs here). Same series, same fixed smoothing parameters and the same start, so
 * the model is compared, not the fitting: the start, every one-step fitted value, the state at the end, the SSE and
 * every forecast 1..12 months ahead must agree within 1e-9, relative (measured: 4e-15), for an additive and a multiplicative
 * season, damped and not. The forecasts are held to Hyndman & Athanasopoulos' forecast equation evaluated on
 * statsmodels' end state; statsmodels' own {@code forecast()} agrees except a whole season ahead (its known bug, below).
 */
class HoltWintersMatchesStatsmodelsTest {

    static final double RELATIVE = 1e-9;

    record Case(
            String name,
            double[] y,
            HoltWinters.Season season,
            double alpha,
            double beta,
            double gamma,
            double phi,
            List<Double> start,
            Map<Integer, Double> fitted,
            List<Double> end,
            Map<Integer, Double> forecast,
            Map<Integer, Double> textbook,
            double[] sse) {}

    record Optimum(
            HoltWinters.Season season,
            double phiMax,
            double alpha,
            double beta,
            double gamma,
            double phi,
            double sse) {}

    @Test
    void everyFittedValueAndForecastEqualsStatsmodels() throws IOException {
        Reference ref = Reference.read();
        assertThat(ref.cases).hasSize(8);
        for (Case c : ref.cases.values()) {
            int m = StatisticalForecast.SEASON;
            HoltWinters.Start start = HoltWinters.start(c.y(), m, c.season());
            assertClose(c.name() + " start level", start.level(), c.start().get(0));
            assertClose(c.name() + " start trend", start.trend(), c.start().get(1));
            for (int i = 0; i < m; i++) {
                assertClose(
                        c.name() + " start s" + i,
                        start.seasonal()[i],
                        c.start().get(2 + i));
            }
            double[] fitted = new double[c.y().length];
            HoltWinters.Fit fit =
                    HoltWinters.run(c.y(), m, c.season(), c.alpha(), c.beta(), c.gamma(), c.phi(), fitted);
            assertThat(c.fitted()).as(c.name()).hasSize(c.y().length - m);
            c.fitted().forEach((t, v) -> assertClose(c.name() + " fitted t=" + t, fitted[t], v));
            assertClose(c.name() + " end level", fit.level(), c.end().get(0));
            assertClose(c.name() + " end trend", fit.trend(), c.end().get(1));
            for (int i = 0; i < m; i++) {
                assertClose(c.name() + " end s" + i, fit.seasonal()[i], c.end().get(2 + i));
            }
            double[] forecast = fit.forecast(12);
            assertThat(c.textbook()).as(c.name()).hasSize(12);
            c.textbook().forEach((h, v) -> assertClose(c.name() + " forecast h=" + h, forecast[h - 1], v));
            // statsmodels' own forecast() agrees at every horizon but a whole season ahead, where 0.13.5 (before
            // statsmodels PR #10230, issue #9538) takes the seasonal index of one season earlier: s(T-m), the index
            // the last month was forecast with, which our run without the last month ends on.
            for (int h = 1; h < 12; h++) {
                assertClose(
                        c.name() + " statsmodels forecast h=" + h,
                        forecast[h - 1],
                        c.forecast().get(h));
            }
            double stale = HoltWinters.run(
                            Arrays.copyOf(c.y(), c.y().length - 1),
                            m,
                            c.season(),
                            c.alpha(),
                            c.beta(),
                            c.gamma(),
                            c.phi())
                    .seasonal()[0];
            double damp = 0;
            for (int h = 1; h <= 12; h++) {
                damp += Math.pow(c.phi(), h);
            }
            double base = fit.level() + damp * fit.trend();
            double statsmodels12 = c.season() == HoltWinters.Season.ADDITIVE ? base + stale : base * stale;
            assertClose(
                    c.name() + " statsmodels 0.13.5 forecast h=12",
                    statsmodels12,
                    c.forecast().get(12));
            assertClose(c.name() + " sse", fit.sse(), c.sse()[0]);
        }
        System.out.println("Holt-Winters against statsmodels: largest relative difference " + largest);
    }

    @Test
    void ourGridFitsTheSuperstoreTrainingYearsAboutAsWellAsStatsmodelsOptimiser() throws IOException {
        Reference ref = Reference.read();
        double[] train = ref.series.get("superstore-train");
        assertThat(train).hasSize(SuperstoreBenchmarkTest.TRAIN);
        StringBuilder table = new StringBuilder(
                "Superstore 2014-2016, one-step SSE over months 13-36 from the same start\n"
                        + "| season | fitted by | alpha | beta | gamma | phi | SSE | vs ours |\n|---|---|---|---|---|---|---|---|\n");
        for (HoltWinters.Season season : HoltWinters.Season.values()) {
            HoltWinters.Fit ours = HoltWinters.fit(train, StatisticalForecast.SEASON, season);
            table.append(row(
                    season,
                    "Attain grid (phi <= 0.98)",
                    ours.alpha(),
                    ours.beta(),
                    ours.gamma(),
                    ours.phi(),
                    ours.sse(),
                    ours.sse()));
            for (Optimum o : ref.optima) {
                if (o.season() == season) {
                    table.append(row(
                            season,
                            "statsmodels (phi <= " + o.phiMax() + ")",
                            o.alpha(),
                            o.beta(),
                            o.gamma(),
                            o.phi(),
                            o.sse(),
                            ours.sse()));
                    // The deterministic grid comes within half a percent of the optimiser's SSE or beats it
                    // (measured: +0.06 % additive, -0.8 % multiplicative; docs/benchmarks.md).
                    assertThat(ours.sse()).as(season + " vs " + o).isLessThan(o.sse() * 1.005);
                }
            }
        }
        System.out.println(table);
    }

    private static String row(
            HoltWinters.Season season, String by, double a, double b, double g, double p, double sse, double ours) {
        return "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4e | %+.2f %% |%n"
                .formatted(season, by, a, b, g, p, sse, 100 * (sse - ours) / ours);
    }

    private static double largest;

    private static void assertClose(String what, double actual, double expected) {
        largest = Math.max(largest, Math.abs(actual - expected) / Math.max(1, Math.abs(expected)));
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected))));
    }

    /** The committed reference file, parsed. */
    static final class Reference {
        final Map<String, double[]> series = new LinkedHashMap<>();
        final Map<String, Case> cases = new LinkedHashMap<>();
        final List<Optimum> optima = new ArrayList<>();

        static Reference read() throws IOException {
            String text;
            try (InputStream in = HoltWintersMatchesStatsmodelsTest.class.getResourceAsStream(
                    "/bench/holt-winters-statsmodels.csv")) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Reference ref = new Reference();
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (String line : text.strip().split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",");
                switch (f[0]) {
                    case "series" ->
                        values.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
                    case "case" -> {
                        double[] y = values.get(f[2]).stream()
                                .mapToDouble(Double::doubleValue)
                                .toArray();
                        ref.series.putIfAbsent(f[2], y);
                        ref.cases.put(
                                f[1],
                                new Case(
                                        f[1],
                                        y,
                                        season(f[3]),
                                        Double.parseDouble(f[4]),
                                        Double.parseDouble(f[5]),
                                        Double.parseDouble(f[6]),
                                        Double.parseDouble(f[7]),
                                        new ArrayList<>(),
                                        new LinkedHashMap<>(),
                                        new ArrayList<>(),
                                        new LinkedHashMap<>(),
                                        new LinkedHashMap<>(),
                                        new double[1]));
                    }
                    case "start" -> ref.cases.get(f[1]).start().add(Double.parseDouble(f[3]));
                    case "fitted" -> ref.cases.get(f[1]).fitted().put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
                    case "state" -> ref.cases.get(f[1]).end().add(Double.parseDouble(f[3]));
                    case "textbook" ->
                        ref.cases.get(f[1]).textbook().put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
                    case "forecast" ->
                        ref.cases.get(f[1]).forecast().put(Integer.parseInt(f[2]), Double.parseDouble(f[3]));
                    case "sse" -> ref.cases.get(f[1]).sse()[0] = Double.parseDouble(f[3]);
                    case "optimum" ->
                        ref.optima.add(new Optimum(
                                season(f[2]),
                                Double.parseDouble(f[3]),
                                Double.parseDouble(f[4]),
                                Double.parseDouble(f[5]),
                                Double.parseDouble(f[6]),
                                Double.parseDouble(f[7]),
                                Double.parseDouble(f[8])));
                    default -> throw new IllegalStateException("unknown row: " + line);
                }
            }
            values.forEach((k, v) -> ref.series.putIfAbsent(
                    k, v.stream().mapToDouble(Double::doubleValue).toArray()));
            return ref;
        }

        private static HoltWinters.Season season(String s) {
            return s.equals("add") ? HoltWinters.Season.ADDITIVE : HoltWinters.Season.MULTIPLICATIVE;
        }
    }
}
