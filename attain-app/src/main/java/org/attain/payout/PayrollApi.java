package org.attain.payout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payroll over REST: the approved payouts of a period and the payroll file in either layout. */
@RestController
@RequestMapping("/api/v1/payroll/{period}")
@Tag(name = "Payroll", description = "Approved payouts and payroll export files (generic CSV, DATEV-style)")
class PayrollApi {

    private final PayrollExport payroll;

    PayrollApi(PayrollExport payroll) {
        this.payroll = payroll;
    }

    @GetMapping("/payouts")
    @Operation(summary = "The approved payouts of a period, i.e. what an export contains. Admin, comp admin, finance.")
    List<Approvals.Item> payouts(@AuthenticationPrincipal AttainUser user, @PathVariable String period) {
        return payroll.payouts(user, period);
    }

    @GetMapping("/export")
    @Operation(summary = "Payroll file of the period's approved payouts; layout=generic (default) or datev. "
            + "Recorded and audited; marks the payouts exported.")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal AttainUser user, @PathVariable String period,
            @RequestParam(required = false) String layout) {
        return download(payroll.export(user, period, layout(layout)));
    }

    static PayrollExport.Layout layout(String s) {
        if (s == null || s.isBlank()) {
            return PayrollExport.Layout.GENERIC;
        }
        try {
            return PayrollExport.Layout.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldProblem("layout", "payroll.error.layout", "must be generic or datev"));
        }
    }

    static ResponseEntity<byte[]> download(PayrollExport.File file) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.bytes());
    }
}
