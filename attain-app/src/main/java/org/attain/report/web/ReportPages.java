package org.attain.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.report.EarningsExport;
import org.attain.report.ReportKind;
import org.attain.report.Reports;
import org.attain.report.StatementPdf;
import org.attain.report.Table;
import org.attain.report.TableExport;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The reports page (managers and back office), the finance page, their downloads and statement PDFs. */
@Controller
class ReportPages {

    private final Reports reports;
    private final TableExport export;
    private final StatementPdf statements;
    private final Periods periods;
    private final MessageSource messages;
    private final EarningsExport earnings;
    private final org.attain.calc.CalcRuns runs;
    private final org.attain.fx.FxRates fx;
    private final String companyCurrency;
    private final org.attain.report.FinanceSummary financeSummary;
    private final org.attain.report.ConvertedReports converted;

    ReportPages(
            Reports reports,
            TableExport export,
            StatementPdf statements,
            Periods periods,
            MessageSource messages,
            EarningsExport earnings,
            org.attain.calc.CalcRuns runs,
            org.attain.fx.FxRates fx,
            @org.springframework.beans.factory.annotation.Value("${attain.company-currency:USD}")
                    String companyCurrency,
            org.attain.report.FinanceSummary financeSummary,
            org.attain.report.ConvertedReports converted) {
        this.converted = converted;
        this.financeSummary = financeSummary;
        this.runs = runs;
        this.fx = fx;
        this.companyCurrency = companyCurrency;
        this.reports = reports;
        this.export = export;
        this.statements = statements;
        this.periods = periods;
        this.messages = messages;
        this.earnings = earnings;
    }

    @GetMapping("/reports")
    String reports(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            Locale locale,
            Model model) {
        String p = period == null || period.isBlank() ? reports.defaultPeriod(ReportKind.TEAM_TARGETS) : period.strip();
        // Issue 21.8: each money column beside its amount in the reporting currency at the quarter's rates.
        org.attain.report.ConvertedReports.Converted targets =
                converted.convert(reports.build(user, ReportKind.TEAM_TARGETS, p), p);
        Table distribution = reports.build(user, ReportKind.ATTAINMENT_DISTRIBUTION, p);
        org.attain.report.ConvertedReports.Converted components =
                converted.convert(reports.build(user, ReportKind.PAYOUTS_BY_COMPONENT, p), p);
        org.attain.report.ConvertedReports.Converted performers =
                converted.convert(reports.build(user, ReportKind.PERFORMERS, p), p);
        Map<String, Object> charts = new LinkedHashMap<>();
        Map<String, Object> targetChart = Charts.teamAttainment(targets.table());
        targetChart.put("targetName", messages.getMessage("chart.target", null, locale));
        targetChart.put("axis", "%");
        charts.put("targets", targetChart);
        Map<String, Object> distributionChart = Charts.distribution(distribution);
        distributionChart.put("axis", messages.getMessage("chart.axis.people", null, locale));
        charts.put("distribution", distributionChart);
        // Issue 21.4 and 21.8: one currency per axis, the reporting currency at the quarter's rates (the converted
        // column of the table below), and the axis says so.
        Map<String, Object> componentChart = Charts.convertedColumn(components.table(), 0, "amountConverted");
        componentChart.put("axis", messages.getMessage("reporting.axis", new Object[] {components.currency()}, locale));
        componentChart.put("leftOut", components.missingRates().size());
        charts.put("components", componentChart);
        java.util.TreeSet<org.attain.fx.Conversion.MissingRate> missing = new java.util.TreeSet<>();
        missing.addAll(targets.missingRates());
        missing.addAll(components.missingRates());
        missing.addAll(performers.missingRates());
        model.addAttribute("reportingCurrency", components.currency());
        model.addAttribute("reportingMinorUnit", components.minorUnit());
        model.addAttribute("missingRates", org.attain.fx.Conversion.describe(List.copyOf(missing)));
        model.addAttribute("period", p);
        model.addAttribute("quarters", quarters());
        model.addAttribute("tables", List.of(targets.table(), distribution, components.table()));
        model.addAttribute("performers", performers.table());
        model.addAttribute("charts", charts);
        return "report/reports";
    }

    @GetMapping("/finance")
    String finance(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String period,
            Locale locale,
            Model model) {
        String y = year == null || year.isBlank() ? reports.defaultPeriod(ReportKind.COMMISSION_COST) : year.strip();
        String q =
                period == null || period.isBlank() ? reports.defaultPeriod(ReportKind.COST_OF_SALES) : period.strip();
        Table cost = reports.build(user, ReportKind.COMMISSION_COST, y);
        Table accrued = reports.build(user, ReportKind.ACCRUED_VS_PAID, y);
        Table costOfSales = reports.build(user, ReportKind.COST_OF_SALES, q);
        // One currency per axis: the charts show the reporting currency (local amounts stay in the tables).
        org.attain.report.FinanceSummary.Summary summary = financeSummary.summarize(cost, accrued, costOfSales, q);
        Map<String, Object> charts = new LinkedHashMap<>();
        // Issue 21.4 and 21.8: one currency per axis, the reporting currency at each quarter's last day's rates
        // (FinanceSummary converts); the axis says so, and each chart has its table view.
        Charts.Converter fxc = new Charts.Converter(companyCurrency, new org.attain.fx.RateTable(fx.all()));
        String axis = messages.getMessage("chart.axis.convertedPerPeriod", new Object[] {companyCurrency}, locale);
        charts.put("cost", fxc.label(FinanceCharts.cost(summary), axis));
        charts.put(
                "accrued",
                fxc.label(
                        FinanceCharts.accrued(
                                summary,
                                messages.getMessage("report.col.accrued", null, locale),
                                messages.getMessage("report.col.approved", null, locale)),
                        axis));
        model.addAttribute("summary", summary);
        model.addAttribute("year", y);
        model.addAttribute("period", q);
        model.addAttribute(
                "years",
                periods.list(PeriodKind.YEAR, null).stream()
                        .map(Periods.PeriodRow::id)
                        .filter(id -> id.compareTo(reports.defaultPeriod(ReportKind.COMMISSION_COST)) <= 0)
                        .sorted(java.util.Comparator.reverseOrder())
                        .limit(3)
                        .toList());
        model.addAttribute("quarters", quarters());
        model.addAttribute("cost", cost);
        model.addAttribute("accrued", accrued);
        model.addAttribute("costOfSales", costOfSales);
        model.addAttribute("charts", charts);
        return "report/finance";
    }

    private static String day(java.time.LocalDate d, Locale locale) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(d);
    }

    /** Periods to choose from, by kind (message key of the group's label, newest first). */
    record Choice(String label, List<String> ids) {}

    /** The earnings export on screen, a page of rows at a time, with its CSV and XLSX downloads; for everyone, within what they may see. */
    @GetMapping("/reports/earnings")
    String earnings(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        int size = EarningsExport.PAGE_ROWS_ON_SCREEN;
        EarningsExport.Page p = earnings.page(user, period, Math.max(page, 0), size);
        if (p.rows().isEmpty() && p.total() > 0) {
            // A page past the end (an old link after a recalculation) shows the last one.
            p = earnings.page(user, p.period(), (int) ((p.total() - 1) / size), size);
        }
        model.addAttribute("export", p);
        model.addAttribute("message", earnings.message(p, locale));
        model.addAttribute("corrections", p.rows().stream().anyMatch(r -> r.forPeriod() != null));
        model.addAttribute("choices", choices(p.period()));
        return "report/earnings";
    }

    @GetMapping({"/reports/{report}/export", "/finance/{report}/export"})
    ResponseEntity<byte[]> download(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String report,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String format,
            Locale locale) {
        ReportKind kind =
                ReportKind.of(report).orElseThrow(() -> new org.attain.platform.NotFoundException("report", report));
        if (kind == ReportKind.EARNINGS) {
            return ReportsApi.earningsFile(earnings.file(user, period, ReportsApi.format(format), locale));
        }
        String p = period == null || period.isBlank() ? reports.defaultPeriod(kind) : period.strip();
        TableExport.File f = export.write(
                converted.convert(reports.build(user, kind, p), p).table(), p, ReportsApi.format(format), locale);
        return ReportsApi.download(f.name(), f.contentType(), f.bytes());
    }

    @GetMapping("/reports/statements/{personId}")
    ResponseEntity<byte[]> statement(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long personId,
            @RequestParam String period,
            Locale locale) {
        return ReportsApi.pdf(statements.render(user, personId, period.strip(), locale));
    }

    /** The last three fiscal years, the quarters of two years and the months of two years up to now, and the chosen period. */
    private List<Choice> choices(String chosen) {
        List<Choice> out = new java.util.ArrayList<>();
        java.util.Set<String> calculated = runs.calculatedPeriods();
        for (PeriodKind kind : List.of(PeriodKind.YEAR, PeriodKind.QUARTER, PeriodKind.MONTH)) {
            var current = periods.current(kind);
            List<Periods.PeriodRow> upToNow = periods.list(kind, null).stream()
                    .filter(q -> !q.startsOn().isAfter(current.startsOn()))
                    .sorted(java.util.Comparator.comparing(Periods.PeriodRow::startsOn)
                            .reversed())
                    .toList();
            List<String> ids = new java.util.ArrayList<>(upToNow.stream()
                    .limit(kind == PeriodKind.YEAR ? 3 : kind == PeriodKind.QUARTER ? 8 : 24)
                    .map(Periods.PeriodRow::id)
                    .toList());
            // Older periods a run over chosen periods calculated follow the recent ones (a year counts when its months
            // did).
            upToNow.stream()
                    .map(Periods.PeriodRow::id)
                    .filter(id -> !ids.contains(id))
                    .filter(id -> calculated.contains(id)
                            || calculated.contains(id + "-01")
                            || calculated.contains(id + "-Q1"))
                    .forEach(ids::add);
            periods.find(chosen)
                    .filter(c -> c.kind() == kind && !ids.contains(chosen))
                    .ifPresent(c -> ids.add(0, chosen));
            out.add(new Choice("report.earnings.kind." + kind.name().toLowerCase(Locale.ROOT), ids));
        }
        return out;
    }

    private List<String> quarters() {
        var current = periods.current(PeriodKind.QUARTER);
        java.util.Set<String> calculated = runs.calculatedPeriods();
        return periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> !q.startsOn().isAfter(current.startsOn()))
                .filter(q -> !q.endsOn().isBefore(current.startsOn().minusYears(2)) || calculated.contains(q.id()))
                .map(Periods.PeriodRow::id)
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }
}
