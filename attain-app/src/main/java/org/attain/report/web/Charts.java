package org.attain.report.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return chart(cats, List.of(series("%", null, values)));
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

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_EVEN);
    }
}
