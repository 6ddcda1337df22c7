package org.attain.quota.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.platform.CellText;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.attain.quota.Quotas;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A period's quotas as CSV in the columns of examples/imports/quotas-export.profile.yaml (every person, every
 * measure), so an export loads back through the quotas import unchanged, or edited, as quotas set again.
 */
@Controller
class QuotaExport {

    static final List<String> COLUMNS = List.of("Rep", "Quarter", "Measure", "Quota", "Currency", "Prorate");

    private final Quotas quotas;
    private final Periods periods;

    QuotaExport(Quotas quotas, Periods periods) {
        this.quotas = quotas;
        this.periods = periods;
    }

    @GetMapping("/quotas/export.csv")
    void export(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            HttpServletResponse response)
            throws IOException {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("quotas");
        }
        String p = period == null || period.isBlank()
                ? periods.current(PeriodKind.QUARTER).id()
                : period.strip();
        if (periods.find(p).isEmpty()) {
            throw new NotFoundException("period", p);
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"quotas-" + p + ".csv\"");
        try (CSVPrinter out = new CSVPrinter(
                new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            out.printRecord(COLUMNS);
            for (Quotas.Stored q : quotas.stored(p)) {
                out.printRecord(CellText.row(
                        q.employeeId(),
                        q.periodId(),
                        q.measure(),
                        q.amount().toPlainString(),
                        q.currency(),
                        q.prorate()));
            }
        }
    }
}
