package org.attain.report.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.attain.fx.RateTable;
import org.attain.report.Table;

/**
 * Chart data for ECharts from report tables, as plain maps and lists so the page can inline them
 * as JSON. Each currency is its own series (or its own stack), so no chart adds currencies together.
 */
final class Charts {

    private Charts() {}

    /** Categories along x and one series per name; stack groups series that may be stacked. */
    static Map<String, Object> chart(List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("categories", categories);
        m.put("series", series);
        // Issue 21.4: the same series as plain lists for the table view under the chart.
        m.put("names", series.stream().map(s -> s.get("name")).toList());
        m.put("values", series.stream().map(s -> s.get("data")).toList());
        return m;
    }

    static Map<String, Object> series(String name, String stack, List<BigDecimal> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("stack", stack);
        m.put("data", data);
        return m;
    }

    /** Attainment per team (and currency when a team books in several) in percent. */
    static Map<String, Object> teamAttainment(Table t) {
        List<String> cats = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (List<Object> r : t.rows()) {
            if (r.get(4) == null) {
                continue;
            }
            cats.add(r.get(0) + " (" + r.get(1) + ")");
            values.add(percent((BigDecimal) r.get(4)));
        }
        Map<String, Object> m = chart(cats, List.of(series("%", null, values)));
        // Issue 21.4: a percent axis (no currency) with the 100 % target drawn across it.
        m.put("unit", "%");
        m.put("target", BigDecimal.valueOf(100));
        return m;
    }

    static Map<String, Object> distribution(Table t) {
        List<String> cats = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        t.rows().forEach(r -> {
            cats.add((String) r.get(0));
            values.add(BigDecimal.valueOf((Long) r.get(1)));
        });
        return chart(cats, List.of(series("#", null, values)));
    }

    /** Rows of (category, currency, amount) as one series per currency. */
    static Map<String, Object> byCurrency(Table t, int categoryCol, int currencyCol, int amountCol) {
        Set<String> cats = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        t.rows().forEach(r -> {
            cats.add(String.valueOf(r.get(categoryCol)));
            currencies.add(String.valueOf(r.get(currencyCol)));
        });
        List<String> catList = new ArrayList<>(cats);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String c : currencies) {
            List<BigDecimal> data = new ArrayList<>(java.util.Collections.nCopies(catList.size(), (BigDecimal) null));
            t.rows().stream()
                    .filter(r -> c.equals(r.get(currencyCol)))
                    .forEach(r -> data.set(
                            catList.indexOf(String.valueOf(r.get(categoryCol))), money((BigDecimal) r.get(amountCol))));
            series.add(series(c, null, data));
        }
        return chart(catList, series);
    }

    /** Commission cost per period, one stack per currency and one series per component in it. */
    static Map<String, Object> costByPeriod(Table t) {
        Set<String> periods = new LinkedHashSet<>();
        Map<String, Map<String, BigDecimal>> byKey = new LinkedHashMap<>();
        for (List<Object> r : t.rows()) {
            String period = (String) r.get(0);
            periods.add(period);
            String key = r.get(3) + "|" + r.get(2);
            byKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .merge(period, (BigDecimal) r.get(4), BigDecimal::add);
        }
        List<String> cats = new ArrayList<>(periods);
        List<Map<String, Object>> series = new ArrayList<>();
        byKey.forEach((key, perPeriod) -> {
            String[] k = key.split("\\|", -1);
            List<BigDecimal> data = cats.stream()
                    .map(p -> perPeriod.get(p) == null ? null : money(perPeriod.get(p)))
                    .toList();
            series.add(series(k[1] + " (" + k[0] + ")", k[0], data));
        });
        return chart(cats, series);
    }

    /** Accrued and approved per period, side by side, per currency. */
    static Map<String, Object> accruedVsPaid(Table t, String accruedLabel, String approvedLabel) {
        Set<String> periods = new LinkedHashSet<>();
        Set<String> currencies = new LinkedHashSet<>();
        t.rows().forEach(r -> {
            periods.add((String) r.get(0));
            currencies.add((String) r.get(1));
        });
        List<String> cats = new ArrayList<>(periods);
        List<Map<String, Object>> series = new ArrayList<>();
        for (String c : currencies) {
            for (int col : new int[] {2, 3}) {
                List<BigDecimal> data = new ArrayList<>(java.util.Collections.nCopies(cats.size(), (BigDecimal) null));
                t.rows().stream()
                        .filter(r -> c.equals(r.get(1)))
                        .forEach(r -> data.set(cats.indexOf((String) r.get(0)), money((BigDecimal) r.get(col))));
                series.add(series((col == 2 ? accruedLabel : approvedLabel) + " " + c, null, data));
            }
        }
        return chart(cats, series);
    }

    /**
     * Converts an amount to the company currency at the rate in force on a day (issue 21.4: one currency per axis);
     * empty when no rate says, and the caller counts it as left out.
     */
    record Converter(String currency, RateTable rates, int[] leftOut) {

        Converter(String currency, RateTable rates) {
            this(currency, rates, new int[1]);
        }

        BigDecimal convert(BigDecimal amount, String from, LocalDate day) {
            if (amount == null) {
                return null;
            }
            Optional<BigDecimal> rate = rates.rate(from, currency, day);
            if (rate.isEmpty()) {
                leftOut[0]++;
                return null;
            }
            return amount.multiply(rate.get()).setScale(2, RoundingMode.HALF_EVEN);
        }

        /** The axis name: the currency and where other currencies were converted. */
        Map<String, Object> label(Map<String, Object> chart, String axis) {
            chart.put("axis", axis);
            chart.put("leftOut", leftOut[0]);
            return chart;
        }
    }

    /** Rows of (category, currency, amount) converted on one day to the company currency: one series, summed per category. */
    static Map<String, Object> converted(
            Table t, int categoryCol, int currencyCol, int amountCol, Converter fx, LocalDate day, String axis) {
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        for (List<Object> r : t.rows()) {
            BigDecimal v = fx.convert((BigDecimal) r.get(amountCol), String.valueOf(r.get(currencyCol)), day);
            sums.merge(String.valueOf(r.get(categoryCol)), v == null ? BigDecimal.ZERO : v, BigDecimal::add);
        }
        return fx.label(
                chart(
                        new ArrayList<>(sums.keySet()),
                        List.of(series(fx.currency(), null, new ArrayList<>(sums.values())))),
                axis);
    }

    /** Commission cost per period converted to the company currency at each period's end: one stacked series per component. */
    static Map<String, Object> costByPeriodConverted(
            Table t, Converter fx, Function<String, LocalDate> endOf, String axis) {
        Set<String> periods = new LinkedHashSet<>();
        Map<String, Map<String, BigDecimal>> byComponent = new LinkedHashMap<>();
        for (List<Object> r : t.rows()) {
            String period = (String) r.get(0);
            periods.add(period);
            BigDecimal v = fx.convert((BigDecimal) r.get(4), (String) r.get(3), endOf.apply(period));
            byComponent
                    .computeIfAbsent((String) r.get(2), k -> new LinkedHashMap<>())
                    .merge(period, v == null ? BigDecimal.ZERO : v, BigDecimal::add);
        }
        List<String> cats = new ArrayList<>(periods);
        List<Map<String, Object>> series = new ArrayList<>();
        byComponent.forEach((component, perPeriod) -> series.add(series(
                component, "cost", cats.stream().map(p -> perPeriod.get(p)).toList())));
        return fx.label(chart(cats, series), axis);
    }

    /** Accrued and approved per period converted to the company currency at each period's end, side by side. */
    static Map<String, Object> accruedVsPaidConverted(
            Table t,
            String accruedLabel,
            String approvedLabel,
            Converter fx,
            Function<String, LocalDate> endOf,
            String axis) {
        Map<String, BigDecimal[]> byPeriod = new LinkedHashMap<>();
        for (List<Object> r : t.rows()) {
            String period = (String) r.get(0);
            BigDecimal[] s = byPeriod.computeIfAbsent(period, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            for (int i = 0; i < 2; i++) {
                BigDecimal v = fx.convert((BigDecimal) r.get(2 + i), (String) r.get(1), endOf.apply(period));
                s[i] = s[i].add(v == null ? BigDecimal.ZERO : v);
            }
        }
        List<String> cats = new ArrayList<>(byPeriod.keySet());
        return fx.label(
                chart(
                        cats,
                        List.of(
                                series(
                                        accruedLabel,
                                        null,
                                        cats.stream()
                                                .map(p -> byPeriod.get(p)[0])
                                                .toList()),
                                series(
                                        approvedLabel,
                                        null,
                                        cats.stream()
                                                .map(p -> byPeriod.get(p)[1])
                                                .toList()))),
                axis);
    }

    /**
     * One series of a table's converted column (issue 21.8, {@code ConvertedReports}) summed per category: every
     * amount already in the reporting currency, so one axis; rows without a rate add nothing (the page names them).
     */
    static Map<String, Object> convertedColumn(Table t, int categoryCol, String convertedKey) {
        int col = -1;
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).key().equals(convertedKey)) {
                col = i;
            }
        }
        Map<String, BigDecimal> sums = new LinkedHashMap<>();
        String currency = "";
        for (List<Object> r : t.rows()) {
            BigDecimal v = col < 0 ? null : (BigDecimal) r.get(col);
            sums.merge(String.valueOf(r.get(categoryCol)), v == null ? BigDecimal.ZERO : v, BigDecimal::add);
            currency = String.valueOf(r.get(col - 1));
        }
        return chart(new ArrayList<>(sums.keySet()), List.of(series(currency, null, new ArrayList<>(sums.values()))));
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
