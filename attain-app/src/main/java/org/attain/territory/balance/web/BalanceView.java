package org.attain.territory.balance.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.territory.balance.BalanceResult;
import org.attain.territory.balance.CompanyBalance;
import org.springframework.context.MessageSource;

/**
 * What the balancing page shows of a finished run, ready to render: per metric the chart's bars before and after with
 * the band, the table per territory, every move with its account and territory names and whether it was accepted, and
 * when no plan lies within the band, how close it got and why, in the page's language.
 */
record BalanceView(
        boolean feasible,
        boolean stoppedEarly,
        String score,
        List<Chart> charts,
        List<Row> rows,
        List<MoveRow> moves,
        List<String> closest,
        List<String> reasons,
        int pending) {

    /** One metric's chart: territory labels, totals before and after, the band's bounds. */
    record Chart(
            String metric,
            String title,
            List<String> territories,
            List<BigDecimal> before,
            List<BigDecimal> after,
            BigDecimal low,
            BigDecimal high) {}

    record Cell(String before, String after, boolean within) {}

    record Row(String code, String name, List<Cell> cells, int accountsBefore, int accountsAfter, boolean within) {}

    record MoveRow(
            String account,
            String name,
            String from,
            String fromName,
            String to,
            String toName,
            List<String> deltas,
            LocalDate acceptedFrom) {}

    static BalanceView of(
            BalanceResult result,
            CompanyBalance.Context context,
            Map<String, LocalDate> accepted,
            MessageSource messages,
            Locale locale) {
        NumberFormat fmt = NumberFormat.getNumberInstance(locale);
        fmt.setMaximumFractionDigits(0);
        NumberFormat pct = NumberFormat.getNumberInstance(locale);
        pct.setMaximumFractionDigits(1);
        Map<String, BalanceResult.Band> bands = new LinkedHashMap<>();
        result.bands().forEach(b -> bands.put(b.metric(), b));
        List<Chart> charts = new ArrayList<>();
        for (String metric : context.metrics()) {
            BalanceResult.Band band = bands.get(metric);
            List<String> labels = new ArrayList<>();
            List<BigDecimal> before = new ArrayList<>();
            List<BigDecimal> after = new ArrayList<>();
            for (BalanceResult.TerritoryTotals t : result.territories()) {
                labels.add(t.territory());
                before.add(rounded(t.before().get(metric)));
                after.add(rounded(t.after().get(metric)));
            }
            String label = messages.getMessage("territory.balance.metric." + metric, null, metric, locale);
            charts.add(new Chart(
                    metric,
                    messages.getMessage("territory.balance.chart.title", new Object[] {label}, label, locale),
                    labels,
                    before,
                    after,
                    band == null ? null : rounded(band.low()),
                    band == null ? null : rounded(band.high())));
        }
        List<Row> rows = new ArrayList<>();
        for (BalanceResult.TerritoryTotals t : result.territories()) {
            List<Cell> cells = new ArrayList<>();
            for (String metric : context.metrics()) {
                BalanceResult.Band band = bands.get(metric);
                BigDecimal a = t.after().get(metric);
                boolean within = band == null || (a.compareTo(band.low()) >= 0 && a.compareTo(band.high()) <= 0);
                cells.add(new Cell(fmt.format(t.before().get(metric)), fmt.format(a), within));
            }
            CompanyBalance.TerritoryRef ref = context.territories().get(t.territory());
            rows.add(new Row(
                    t.territory(),
                    ref == null ? t.territory() : ref.name(),
                    cells,
                    t.accountsBefore(),
                    t.accountsAfter(),
                    t.withinBand()));
        }
        List<MoveRow> moves = new ArrayList<>();
        int pending = 0;
        for (BalanceResult.Move m : result.moves()) {
            CompanyBalance.AccountRef account = context.accounts().get(m.account());
            List<String> deltas = new ArrayList<>();
            for (String metric : context.metrics()) {
                BigDecimal d = m.deltas().get(metric);
                deltas.add(d == null ? "" : fmt.format(d));
            }
            LocalDate acceptedFrom = accepted.get(m.account());
            if (acceptedFrom == null) {
                pending++;
            }
            moves.add(new MoveRow(
                    m.account(),
                    account == null ? m.account() : account.name(),
                    m.from(),
                    name(context, m.from()),
                    m.to(),
                    name(context, m.to()),
                    deltas,
                    acceptedFrom));
        }
        List<String> closest = new ArrayList<>();
        for (BalanceResult.Distance d : result.closest()) {
            String label = messages.getMessage("territory.balance.metric." + d.metric(), null, d.metric(), locale);
            closest.add(messages.getMessage(
                    "territory.balance.closest.row",
                    new Object[] {
                        label,
                        d.territory(),
                        fmt.format(d.total()),
                        fmt.format(d.low()),
                        fmt.format(d.high()),
                        fmt.format(d.distance()),
                        pct.format(d.percentOfMean())
                    },
                    locale));
        }
        List<String> reasons = result.reasons().stream()
                .map(r -> messages.getMessage(r.code(), r.args().toArray(), r.detail(), locale))
                .toList();
        return new BalanceView(
                result.feasible(),
                result.stoppedEarly(),
                result.score(),
                charts,
                rows,
                moves,
                closest,
                reasons,
                pending);
    }

    private static String name(CompanyBalance.Context context, String code) {
        if (code == null) {
            return "–";
        }
        CompanyBalance.TerritoryRef ref = context.territories().get(code);
        return ref == null ? code : ref.name();
    }

    private static BigDecimal rounded(BigDecimal v) {
        return v == null ? null : v.setScale(0, RoundingMode.HALF_EVEN);
    }
}
