package org.attain.report.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.attain.report.FinanceSummary;

/** The finance page's charts in the reporting currency: one currency, so one axis, labelled with it. */
final class FinanceCharts {

    private FinanceCharts() {}

    /** Commission cost per period, one stacked series per component, all in the reporting currency. */
    static Map<String, Object> cost(FinanceSummary.Summary s) {
        TreeSet<String> periods = new TreeSet<>();
        s.costByComponent().values().forEach(m -> periods.addAll(m.keySet()));
        List<String> cats = new ArrayList<>(periods);
        List<Map<String, Object>> series = new ArrayList<>();
        s.costByComponent()
                .forEach((component, perPeriod) -> series.add(Charts.series(
                        component + " (" + s.currency() + ")",
                        s.currency(),
                        cats.stream().map(perPeriod::get).toList())));
        return Charts.chart(cats, series);
    }

    /** Accrued and approved per quarter in the reporting currency. */
    static Map<String, Object> accrued(FinanceSummary.Summary s, String accruedLabel, String approvedLabel) {
        List<String> cats =
                s.quarters().stream().map(FinanceSummary.QuarterLine::period).toList();
        List<BigDecimal> accrued =
                s.quarters().stream().map(FinanceSummary.QuarterLine::accrued).toList();
        List<BigDecimal> approved =
                s.quarters().stream().map(FinanceSummary.QuarterLine::approved).toList();
        return Charts.chart(
                cats,
                List.of(
                        Charts.series(accruedLabel + " (" + s.currency() + ")", null, accrued),
                        Charts.series(approvedLabel + " (" + s.currency() + ")", null, approved)));
    }
}
