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
    private final org.attain.payout.ApprovalReview review;
    private final org.attain.payout.ApprovalChains chains;

    ApprovalsApi(
            Approvals approvals,
            Periods periods,
            org.attain.org.PersonRefs refs,
            org.attain.payout.ApprovalReview review,
            org.attain.payout.ApprovalChains chains) {
        this.review = review;
        this.chains = chains;
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

    @GetMapping("/review")
    @Operation(
            summary = "The queue as approvers work it, a page of 25 at a time: filtered by team, plan, waiting level,"
                    + " outliers (outliers=true) and state; each payout with its reference (approved amount, or the previous"
                    + " period's payout), whether it is unchanged within the tolerance (percent, default 2) and its outlier"
                    + " reasons as message keys with arguments.")
    org.attain.payout.ApprovalReview.Page review(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String team,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) Integer level,
            @RequestParam(required = false) boolean outliers,
            @RequestParam(required = false) java.math.BigDecimal tolerance,
            @RequestParam(defaultValue = "0") int page) {
        return review.page(
                user,
                periodOrCurrent(periods, period),
                new org.attain.payout.ApprovalReview.Filter(team, plan, level, outliers, state(state)),
                page,
                percent(tolerance));
    }

    /** @param personIds the payouts to approve; absent: every unchanged payout of the period this user may approve */
    record BulkRequest(String period, List<Long> personIds, java.math.BigDecimal tolerance) {}

    @PostMapping("/bulk")
    @Operation(
            summary = "Approve in bulk the payouts that are unchanged against their reference within the tolerance"
                    + " (percent, default 2), each at the level it waits for. Changed payouts and those that wait for"
                    + " someone else are skipped and counted, never approved.")
    org.attain.payout.ApprovalReview.BulkResult bulk(
            @AuthenticationPrincipal AttainUser user, @RequestBody BulkRequest in) {
        if (in.period() == null || in.period().isBlank()) {
            throw new InvalidInputException(
                    new FieldProblem("period", "approval.error.required", "period is required"));
        }
        return review.bulkApprove(user, in.period().strip(), in.personIds(), null, percent(in.tolerance()));
    }

    /** @param levels in order, each MANAGER or FINANCE */
    record ChainRequest(String planKey, Long teamId, List<org.attain.payout.ApproverKind> levels) {}

    @GetMapping("/chains")
    @Operation(summary = "Approval chains per plan or team; payees without one have a single manager level.")
    List<org.attain.payout.ApprovalChains.Chain> chains() {
        return chains.all();
    }

    @PostMapping("/chains")
    @Operation(
            summary = "Set the approval chain of a plan (planKey) or a team (teamId), e.g. levels [MANAGER, FINANCE]."
                    + " A plan's chain comes before its payees' team's. Admins and comp admins.")
    ResponseEntity<org.attain.payout.ApprovalChains.Chain> setChain(
            @AuthenticationPrincipal AttainUser user, @RequestBody ChainRequest in) {
        return ResponseEntity.status(201).body(chains.set(user, in.planKey(), in.teamId(), in.levels()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/chains/{id}")
    @Operation(summary = "Remove an approval chain: its payees go back to the single manager level.")
    ResponseEntity<Void> removeChain(
            @AuthenticationPrincipal AttainUser user, @org.springframework.web.bind.annotation.PathVariable long id) {
        chains.remove(user, id);
        return ResponseEntity.noContent().build();
    }

    /** A tolerance given in percent (2 = 2 %) as a ratio; null stays null (the default). */
    static java.math.BigDecimal percent(java.math.BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        if (percent.signum() < 0 || percent.compareTo(java.math.BigDecimal.valueOf(50)) > 0) {
            throw new InvalidInputException(new FieldProblem(
                    "tolerance", "approvals.error.tolerance", "give the tolerance in percent, from 0 to 50"));
        }
        return percent.movePointLeft(2);
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
