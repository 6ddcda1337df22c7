package org.attain.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
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

    ReportPages(Reports reports, TableExport export, StatementPdf statements, Periods periods, MessageSource messages) {
        this.reports = reports;
        this.export = export;
        this.statements = statements;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping("/reports")
    String reports(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period, Model model) {
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
    String finance(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String year,
            @RequestParam(required = false) String period, Locale locale, Model model) {
        String y = year == null || year.isBlank() ? reports.defaultPeriod(ReportKind.COMMISSION_COST) : year.strip();
        String q = period == null || period.isBlank() ? reports.defaultPeriod(ReportKind.COST_OF_SALES) : period.strip();
        Table cost = reports.build(user, ReportKind.COMMISSION_COST, y);
        Table accrued = reports.build(user, ReportKind.ACCRUED_VS_PAID, y);
        Table costOfSales = reports.build(user, ReportKind.COST_OF_SALES, q);
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("cost", Charts.costByPeriod(cost));
        charts.put("accrued", Charts.accruedVsPaid(accrued, messages.getMessage("report.col.accrued", null, locale),
                messages.getMessage("report.col.approved", null, locale)));
        model.addAttribute("year", y);
        model.addAttribute("period", q);
        model.addAttribute("years", periods.list(PeriodKind.YEAR, null).stream().map(Periods.PeriodRow::id)
                .filter(id -> id.compareTo(reports.defaultPeriod(ReportKind.COMMISSION_COST)) <= 0)
                .sorted(java.util.Comparator.reverseOrder()).limit(3).toList());
        model.addAttribute("quarters", quarters());
        model.addAttribute("cost", cost);
        model.addAttribute("accrued", accrued);
        model.addAttribute("costOfSales", costOfSales);
        model.addAttribute("charts", charts);
        return "report/finance";
    }

    @GetMapping({"/reports/{report}/export", "/finance/{report}/export"})
    ResponseEntity<byte[]> download(@AuthenticationPrincipal AttainUser user, @PathVariable String report,
            @RequestParam(required = false) String period, @RequestParam(required = false) String format, Locale locale) {
        ReportKind kind = ReportKind.of(report).orElseThrow(() -> new org.attain.platform.NotFoundException("report", report));
        String p = period == null || period.isBlank() ? reports.defaultPeriod(kind) : period.strip();
        TableExport.File f = export.write(reports.build(user, kind, p), p, ReportsApi.format(format), locale);
        return ReportsApi.download(f.name(), f.contentType(), f.bytes());
    }

    @GetMapping("/reports/statements/{personId}")
    ResponseEntity<byte[]> statement(@AuthenticationPrincipal AttainUser user, @PathVariable long personId,
            @RequestParam String period, Locale locale) {
        return ReportsApi.pdf(statements.render(user, personId, period.strip(), locale));
    }

    private List<String> quarters() {
        var current = periods.current(PeriodKind.QUARTER);
        return periods.list(PeriodKind.QUARTER, null).stream()
                .filter(q -> !q.startsOn().isAfter(current.startsOn()))
                .filter(q -> !q.endsOn().isBefore(current.startsOn().minusYears(2)))
                .map(Periods.PeriodRow::id).sorted(java.util.Comparator.reverseOrder()).toList();
    }
}
