package org.attain.payout.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.payout.ApprovalState;
import org.attain.payout.Approvals;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The approval queue and approving over REST, with the same rules as the page. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals", description = "Payout approval per payee and period before payroll export")
class ApprovalsApi {

    private final Approvals approvals;
    private final Periods periods;

    private final org.attain.org.PersonRefs refs;

    ApprovalsApi(Approvals approvals, Periods periods, org.attain.org.PersonRefs refs) {
        this.refs = refs;
        this.approvals = approvals;
        this.periods = periods;
    }

    /** @param personId an id (number), employee id or e-mail; {@code person} is the same field by another name */
    record ApproveRequest(
            @com.fasterxml.jackson.annotation.JsonAlias("person")
            org.attain.org.PersonRef personId,

            String period) {}

    @GetMapping
    @Operation(
            summary =
                    "Payouts of a period (default: the current quarter) with state PENDING, APPROVED or CHANGED "
                            + "(recalculated since approval). Managers see their subtree, the back office everyone; reps get 403.")
    List<Approvals.Item> queue(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state) {
        return approvals.queue(user, periodOrCurrent(periods, period), state(state));
    }

    @PostMapping
    @Operation(
            summary =
                    "Approve the current payout of a payee for a period. 409 with who approved it when it already is.")
    ResponseEntity<Approvals.Approval> approve(
            @AuthenticationPrincipal AttainUser user, @RequestBody ApproveRequest in) {
        if (in.personId() == null || in.period() == null || in.period().isBlank()) {
            throw new InvalidInputException(List.of(
                    new FieldProblem("personId", "approval.error.required", "personId and period are required"),
                    new FieldProblem("period", "approval.error.required", "personId and period are required")));
        }
        long person = refs.resolve(user, in.personId(), "personId", org.attain.org.PersonRefs.Miss.NOT_FOUND);
        return ResponseEntity.status(201)
                .body(approvals.approve(user, person, in.period().strip()));
    }

    static String periodOrCurrent(Periods periods, String period) {
        return period == null || period.isBlank()
                ? periods.current(PeriodKind.QUARTER).id()
                : period.strip();
    }

    static ApprovalState state(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ApprovalState.valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(new FieldProblem(
                    "state", "approval.error.state", "'" + s + "' is not one of PENDING, APPROVED, CHANGED"));
        }
    }
}
