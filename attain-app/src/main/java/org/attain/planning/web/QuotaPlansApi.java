package org.attain.planning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.planning.AllocationMethod;
import org.attain.planning.PlanState;
import org.attain.planning.QuotaPlan;
import org.attain.planning.QuotaPlans;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quota plans over REST: the same rules as the pages (planners change, managers read and submit for their subtree). */
@RestController
@RequestMapping("/api/v1/quota-plans")
@Tag(
        name = "Quota plans",
        description = "Top-down quota allocation through the reporting tree, bottom-up submissions, "
                + "reconciliation, draft → in review → approved → published (publishing writes quarter quotas)")
class QuotaPlansApi {

    private final QuotaPlans plans;

    QuotaPlansApi(QuotaPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    @Operation(
            summary =
                    "The quota plans: every plan for comp admins and admins, the plans a manager is in (without the company target)")
    List<QuotaPlan> list(@AuthenticationPrincipal AttainUser user) {
        return plans.list(user);
    }

    @PostMapping
    @Operation(
            summary =
                    "Make a plan for a fiscal year or quarter (periodId) and measure (default bookings) with a target in cents;"
                            + " the tree is the reporting tree below rootPersonId (default: the org's top) on the period's first day; the currency"
                            + " defaults to the root's. defaultMethod: EVEN, HISTORY (last year's bookings), POTENTIAL (the potential of"
                            + " the accounts the subtree owns), PIPELINE or BLEND. Comp admins and admins.")
    ResponseEntity<QuotaPlan> create(@AuthenticationPrincipal AttainUser user, @RequestBody QuotaPlans.NewPlan body) {
        QuotaPlan plan = plans.create(
                body == null ? new QuotaPlans.NewPlan(null, null, null, null, null, null, null) : body, user);
        return ResponseEntity.created(URI.create("/api/v1/quota-plans/" + plan.id()))
                .body(plan);
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "A plan with its lines in tree order: method, top-down number, submitted and bottom-up (after uplift)"
                            + " numbers and the gap; a manager gets their own subtree's lines only")
    QuotaPlans.Detail detail(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return plans.detail(id, user);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary =
                    "Change target, default method, blend weights (blendEven, blendHistory, blendPipeline) while a draft;"
                            + " the uplift percent (applied to the managers' submissions) also while in review. Fields left out keep their value.")
    QuotaPlan settings(
            @AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody QuotaPlans.Settings body) {
        return plans.settings(id, body, user);
    }

    record MethodBody(AllocationMethod method) {}

    @PutMapping("/{id}/nodes/{personId}/method")
    @Operation(
            summary =
                    "The method that splits this person's number among their reports (null: the plan's default); drafts only")
    QuotaPlans.Detail method(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long personId,
            @RequestBody MethodBody body) {
        plans.method(id, personId, body == null ? null : body.method(), user);
        return plans.detail(id, user);
    }

    record SubmissionBody(BigDecimal amount) {}

    @PutMapping("/{id}/nodes/{personId}/submission")
    @Operation(
            summary =
                    "A manager's bottom-up number for their subtree (before the plan's uplift), while draft or in review;"
                            + " a manager submits within their own subtree only")
    QuotaPlans.Detail submit(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long personId,
            @RequestBody SubmissionBody body) {
        plans.submit(id, personId, body == null ? null : body.amount(), user);
        return plans.detail(id, user);
    }

    record TargetBody(BigDecimal amount) {}

    @PutMapping("/{id}/nodes/{personId}/target")
    @Operation(
            summary =
                    "Set this person's number instead of their top-down share (amount null: back to the share); drafts only."
                            + " Their reports share the set number; set numbers that leave reports not adding up to their manager"
                            + " stop the plan from publishing, each such manager named.")
    QuotaPlans.Detail target(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long personId,
            @RequestBody TargetBody body) {
        plans.setTarget(id, personId, body == null ? null : body.amount(), user);
        return plans.detail(id, user);
    }

    @GetMapping(value = "/{id}/targets.csv", produces = "text/csv")
    @Operation(
            summary = "Every node's top-down number in the columns of the quota_plan_targets import profile"
                    + " (examples/imports/quota-plan-targets.profile.yaml): loaded back, each becomes a set number")
    ResponseEntity<String> targets(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return csv(
                "quota-plan-" + id + "-targets.csv",
                PlanNumbersCsv.of(PlanNumbersCsv.TARGETS, plans.targetRows(id, user)));
    }

    @GetMapping(value = "/{id}/submissions.csv", produces = "text/csv")
    @Operation(summary = "The managers' submitted numbers in the columns of the quota_plan_submissions import profile")
    ResponseEntity<String> submissions(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return csv(
                "quota-plan-" + id + "-submissions.csv",
                PlanNumbersCsv.of(PlanNumbersCsv.SUBMISSIONS, plans.submissionRows(id, user)));
    }

    static ResponseEntity<String> csv(String fileName, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .body(body);
    }

    record StateBody(PlanState state) {}

    @PostMapping("/{id}/state")
    @Operation(
            summary =
                    "Move the plan: DRAFT → IN_REVIEW → APPROVED → PUBLISHED, or back to DRAFT from review or approval."
                            + " Publishing writes every node's quota per quarter (in the payee's currency) through the quotas, audited, and"
                            + " recalculates them; it refuses the whole plan, naming each problem, if anything does not fit.")
    QuotaPlan move(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody StateBody body) {
        if (body == null || body.state() == null) {
            throw new InvalidInputException(new FieldProblem("state", "planning.state.required", "is required"));
        }
        return plans.move(id, body.state(), user);
    }

    @GetMapping(value = "/{id}/allocation.csv", produces = "text/csv")
    @Operation(summary = "The plan's allocation and reconciliation as CSV (the lines the caller may see)")
    ResponseEntity<String> csv(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"quota-plan-" + id + ".csv\"")
                .body(AllocationCsv.of(plans.detail(id, user)));
    }
}
