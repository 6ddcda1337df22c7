package org.attain.payout.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.payout.Approvals;
import org.attain.payout.PayrollExport;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payroll over REST: the approved payouts of a period, making an export (POST: recorded, audited,
 * marks the payouts exported) and reading recorded exports again (GET: no side effects).
 */
@RestController
@RequestMapping("/api/v1/payroll/{period}")
@Tag(name = "Payroll", description = "Approved payouts and payroll export files (generic CSV, DATEV-style)")
class PayrollApi {

    private final PayrollExport payroll;

    PayrollApi(PayrollExport payroll) {
        this.payroll = payroll;
    }

    @GetMapping("/payouts")
    @Operation(
            summary =
                    "The approved payouts of a period, i.e. what an export made now would contain. Admin, comp admin, finance.")
    List<Approvals.Item> payouts(@AuthenticationPrincipal AttainUser user, @PathVariable String period) {
        return payroll.payouts(user, period);
    }

    @PostMapping("/export")
    @Operation(
            summary = "Make the payroll file of the period's approved payouts; layout=generic (default) or datev. "
                    + "Recorded with its file, audited, and marks the payouts exported (needs a 'write' token). "
                    + "Answers 201 with the file; Location is the recorded export.")
    ResponseEntity<byte[]> export(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String period,
            @RequestParam(required = false) String layout) {
        PayrollExport.File file = payroll.export(user, period, layout(layout));
        return download(
                ResponseEntity.created(URI.create("/api/v1/payroll/" + period + "/exports/" + file.exportId())), file);
    }

    @GetMapping("/export")
    @Operation(
            summary =
                    "The file of the period's latest recorded export (optionally of one layout), exactly as it was made. "
                            + "Changes nothing; 404 when the period has not been exported yet (POST makes an export).")
    ResponseEntity<byte[]> latest(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String period,
            @RequestParam(required = false) String layout) {
        return download(
                ResponseEntity.ok(),
                payroll.latest(user, period, layout == null || layout.isBlank() ? null : layout(layout)));
    }

    @GetMapping("/exports")
    @Operation(summary = "The recorded exports of a period, newest first: layout, payees, who and when.")
    List<PayrollExport.Recorded> exports(@AuthenticationPrincipal AttainUser user, @PathVariable String period) {
        return payroll.exports(user, period);
    }

    @GetMapping("/exports/{id}")
    @Operation(summary = "The file of one recorded export, exactly as it was made. Changes nothing.")
    ResponseEntity<byte[]> stored(
            @AuthenticationPrincipal AttainUser user, @PathVariable String period, @PathVariable long id) {
        return download(ResponseEntity.ok(), payroll.stored(user, period, id));
    }

    static PayrollExport.Layout layout(String s) {
        if (s == null || s.isBlank()) {
            return PayrollExport.Layout.GENERIC;
        }
        try {
            return PayrollExport.Layout.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    new FieldProblem("layout", "payroll.error.layout", "must be generic or datev"));
        }
    }

    static ResponseEntity<byte[]> download(ResponseEntity.BodyBuilder response, PayrollExport.File file) {
        return response.header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name())
                                .build()
                                .toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.bytes());
    }
}
