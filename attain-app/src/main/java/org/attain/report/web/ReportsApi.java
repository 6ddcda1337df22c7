package org.attain.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.report.EarningsExport;
import org.attain.report.ReportData;
import org.attain.report.ReportKind;
import org.attain.report.Reports;
import org.attain.report.StatementPdf;
import org.attain.report.Table;
import org.attain.report.TableExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports and finance over REST with the pages' rules: reports for managers (their subtree) and the
 * back office, finance for finance, admins and comp admins; statement PDFs under the statement rule.
 */
@RestController
@Tag(
        name = "Reports",
        description = "Team vs targets, attainment distribution, payouts by component, performers, earnings export, "
                + "finance (commission cost, accrued vs paid, cost of sales); JSON or CSV/XLSX/PDF; statement PDFs")
class ReportsApi {

    private final Reports reports;
    private final TableExport export;
    private final StatementPdf statements;
    private final EarningsExport earnings;

    private final org.attain.org.PersonRefs refs;
    private final org.attain.report.ConvertedReports converted;

    ReportsApi(
            Reports reports,
            TableExport export,
            StatementPdf statements,
            EarningsExport earnings,
            org.attain.org.PersonRefs refs,
            org.attain.report.ConvertedReports converted) {
        this.converted = converted;
        this.refs = refs;
        this.reports = reports;
        this.export = export;
        this.statements = statements;
        this.earnings = earnings;
    }

    /**
     * A report; issue 21.8: each money column {@code x} has {@code xConverted} beside it in the reporting currency
     * (named in every row's {@code reportingCurrency} and here), at the rate of the row's period; missingRates names
     * the currency and period a rate was missing for (that row's converted amounts are null).
     */
    record Report(
            String report,
            String period,
            String scope,
            List<Table.Column> columns,
            List<Map<String, Object>> rows,
            String reportingCurrency,
            List<org.attain.fx.Conversion.MissingRate> missingRates) {}

    record Earnings(
            String report,
            String period,
            PeriodKind periodKind,
            List<String> periods,
            String scope,
            int page,
            int size,
            long total,
            long people,
            List<EarningsExport.Total> totals,
            String message,
            List<String> seeAlso,
            List<Table.Column> columns,
            List<ReportData.EarningsRow> rows) {}

    @GetMapping("/api/v1/reports/earnings")
    @Operation(
            summary =
                    "Everyone's earnings of a period, a row per current earnings line (employee id, name, period, plan and "
                            + "version, component, amount, currency, attainment), paged. period = a month (2026-11), quarter (2026-Q4) or fiscal "
                            + "year (2026; default: the current quarter) and covers every period inside it, each row naming its own. Sorted by "
                            + "employee id, period, component. Reps get their own lines, managers their subtree, the back office everyone. "
                            + "total counts all rows; totals are per currency. A period without results answers total 0 and a message; "
                            + "an unknown period 404. size 1.." + EarningsExport.MAX_PAGE_SIZE
                            + ". The whole export as a file: "
                            + "/api/v1/reports/earnings/export?format=csv|xlsx.")
    Earnings earnings(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + EarningsExport.DEFAULT_PAGE_SIZE) int size) {
        EarningsExport.Page p = earnings.page(user, period, page, size);
        return new Earnings(
                ReportKind.EARNINGS.slug(),
                p.period(),
                p.periodKind(),
                p.periods(),
                p.scope(),
                p.page(),
                p.size(),
                p.total(),
                p.people(),
                p.totals(),
                earnings.message(p, Locale.ENGLISH),
                p.seeAlso(),
                EarningsExport.COLUMNS,
                p.rows());
    }

    @GetMapping("/api/v1/reports/{report}")
    @Operation(
            summary =
                    "One report for a quarter (period=YYYY-Qn, default: current). Managers see their subtree; reps get 403. "
                            + "Each money column x has xConverted in reportingCurrency at the period's rate; missingRates names gaps.")
    Report report(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String report,
            @RequestParam(required = false) String period) {
        return json(user, kind(report, false), period);
    }

    @GetMapping("/api/v1/reports/{report}/export")
    @Operation(
            summary =
                    "One report as a file: format=csv (default), xlsx or pdf (the earnings export: csv or xlsx, every row of the period).")
    ResponseEntity<byte[]> reportFile(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String report,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String format,
            Locale locale) {
        return file(user, kind(report, false), period, format, locale);
    }

    @GetMapping("/api/v1/finance/{report}")
    @Operation(
            summary =
                    "Finance: commission-cost and accrued-vs-paid (period = fiscal year or quarter), cost-of-sales (quarter). "
                            + "Finance, admin and comp admin only. Amounts per currency, never added across currencies.")
    Report finance(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String report,
            @RequestParam(required = false) String period) {
        return json(user, kind(report, true), period);
    }

    @GetMapping("/api/v1/finance/{report}/export")
    ResponseEntity<byte[]> financeFile(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String report,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String format,
            Locale locale) {
        return file(user, kind(report, true), period, format, locale);
    }

    @GetMapping("/api/v1/reports/statements/{personId}")
    @Operation(
            summary =
                    "A payee's statement for a period as PDF; visible to the payee, their managers and the back office, 404 otherwise.")
    ResponseEntity<byte[]> statement(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable org.attain.org.PersonRef personId,
            @RequestParam String period,
            Locale locale) {
        long id = refs.resolve(user, personId, "personId", org.attain.org.PersonRefs.Miss.NOT_FOUND);
        return pdf(statements.render(user, id, period.strip(), locale));
    }

    private Report json(AttainUser user, ReportKind kind, String period) {
        String p = period == null || period.isBlank() ? reports.defaultPeriod(kind) : period.strip();
        org.attain.report.ConvertedReports.Converted c = converted.convert(reports.build(user, kind, p), p);
        Table t = c.table();
        return new Report(kind.slug(), p, t.scope(), t.columns(), t.records(), c.currency(), c.missingRates());
    }

    private ResponseEntity<byte[]> file(AttainUser user, ReportKind kind, String period, String format, Locale locale) {
        if (kind == ReportKind.EARNINGS) {
            return earningsFile(earnings.file(user, period, format(format), locale));
        }
        String p = period == null || period.isBlank() ? reports.defaultPeriod(kind) : period.strip();
        TableExport.File f =
                export.write(converted.convert(reports.build(user, kind, p), p).table(), p, format(format), locale);
        return download(f.name(), f.contentType(), f.bytes());
    }

    static ReportKind kind(String slug, boolean finance) {
        return ReportKind.of(slug)
                .filter(k -> k.finance() == finance)
                .orElseThrow(() -> new NotFoundException("report", slug));
    }

    static TableExport.Format format(String s) {
        if (s == null || s.isBlank()) {
            return TableExport.Format.CSV;
        }
        try {
            return TableExport.Format.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    new FieldProblem("format", "report.error.format", "must be csv, xlsx or pdf"));
        }
    }

    /** The file, with its row count beside the header row in X-Total-Count (0: the period has no results to show). */
    static ResponseEntity<byte[]> earningsFile(EarningsExport.File f) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.file().name())
                                .build()
                                .toString())
                .header("X-Total-Count", String.valueOf(f.rows()))
                .contentType(MediaType.parseMediaType(f.file().contentType()))
                .body(f.file().bytes());
    }

    static ResponseEntity<byte[]> pdf(StatementPdf.Pdf pdf) {
        return download(pdf.name(), "application/pdf", pdf.bytes());
    }

    static ResponseEntity<byte[]> download(String name, String contentType, byte[] bytes) {
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(contentType))
                .body(bytes);
    }
}
