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

    ReportPages(
            Reports reports,
            TableExport export,
            StatementPdf statements,
            Periods periods,
            MessageSource messages,
            EarningsExport earnings,
            org.attain.calc.CalcRuns runs) {
        this.runs = runs;
        this.reports = reports;
        this.export = export;
        this.statements = statements;
        this.periods = periods;
        this.messages = messages;
        this.earnings = earnings;
    }

    @GetMapping("/reports")
    String reports(
            @AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period, Model model) {
        String p = period == null || period.isBlank() ? reports.defaultPeriod(ReportKind.TEAM_TARGETS) : period.strip();
        Table targets = reports.build(user, ReportKind.TEAM_TARGETS, p);
        Table distribution = reports.build(user, ReportKind.ATTAINMENT_DISTRIBUTION, p);
        Table components = reports.build(user, ReportKind.PAYOUTS_BY_COMPONENT, p);
        Table performers = reports.build(user, ReportKind.PERFORMERS, p);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("targets", Charts.teamAttainment(targets));
        charts.put("distribution", Charts.distribution(distribution));
        charts.put("components", Charts.byCurrency(components, 0, 1, 2));
        model.addAttribute("period", p);
        model.addAttribute("quarters", quarters());
        model.addAttribute("tables", List.of(targets, distribution, components));
        model.addAttribute("performers", performers);
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
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("cost", Charts.costByPeriod(cost));
        charts.put(
                "accrued",
                Charts.accruedVsPaid(
                        accrued,
                        messages.getMessage("report.col.accrued", null, locale),
                        messages.getMessage("report.col.approved", null, locale)));
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
        TableExport.File f = export.write(reports.build(user, kind, p), p, ReportsApi.format(format), locale);
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
