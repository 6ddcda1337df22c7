package org.attain.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.plan.PlanRejectedException;
import org.attain.plan.PlanScenarios;
import org.attain.plan.Plans;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans as versioned documents over REST: validate, check, publish, list versions, diff. Publishing a plan
 * none of whose scenarios is attached, or one whose scenarios do not all pass against the new text, needs
 * {@code ?confirm=true}; without it the answer is 409 with the scenarios' outcomes.
 */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Compensation plans as versioned YAML documents")
class PlansApi {

    private final Plans plans;
    private final PlanScenarios scenarios;

    PlansApi(Plans plans, PlanScenarios scenarios) {
        this.plans = plans;
        this.scenarios = scenarios;
    }

    /** One scenario's result against the text being published. */
    record ScenarioResult(String name, boolean passed, List<String> problems) {
        static ScenarioResult of(PlanScenarios.Outcome o) {
            List<String> problems = new java.util.ArrayList<>(o.problems().stream()
                    .map(p -> p.line() > 0 ? p.line() + ":" + p.column() + ": " + p.reason() : p.reason())
                    .toList());
            o.rows().stream()
                    .filter(r -> !r.ok())
                    .forEach(r -> problems.add(r.person() + " " + r.period() + " " + r.what() + ": expected "
                            + r.expected() + ", got " + r.actual()));
            return new ScenarioResult(o.name(), o.passed(), problems);
        }
    }

    /** What the check answers: errors that stop publishing, warnings that do not. */
    record CheckAnswer(List<Plans.Problem> errors, List<Plans.Problem> warnings) {}

    /** A published version, with the warnings found and the scenarios' results at publishing. */
    record Published(
            long id,
            String planKey,
            int version,
            String name,
            String source,
            String currency,
            String createdBy,
            java.time.Instant createdAt,
            java.time.LocalDate effectiveFrom,
            List<Plans.Problem> warnings,
            List<ScenarioResult> scenarios) {}

    @GetMapping
    @Operation(summary = "The latest version of every plan")
    List<Plans.PlanVersion> list(@AuthenticationPrincipal AttainUser user) {
        requireBackOffice(user);
        return plans.latestVersions();
    }

    @GetMapping("/{key}/versions")
    List<Plans.PlanVersion> versions(@AuthenticationPrincipal AttainUser user, @PathVariable String key) {
        requireBackOffice(user);
        List<Plans.PlanVersion> all = plans.versions(key);
        if (all.isEmpty()) {
            throw new NotFoundException("plan", key);
        }
        return all;
    }

    @PostMapping(
            value = "/validate",
            consumes = {"text/plain", "application/yaml", "text/yaml"})
    @Operation(summary = "Compile a plan document without storing it; returns the problems (empty when valid)")
    List<Plans.Problem> validate(@AuthenticationPrincipal AttainUser user, @RequestBody String yaml) {
        requireEditor(user);
        return plans.validate("plan.yaml", yaml);
    }

    @PostMapping(
            value = "/check",
            consumes = {"text/plain", "application/yaml", "text/yaml"})
    @Operation(
            summary = "Compile a plan document without storing it and check it against the current data: errors "
                    + "(as validate) and warnings, e.g. a condition that no current deal meets")
    CheckAnswer check(@AuthenticationPrincipal AttainUser user, @RequestBody String yaml) {
        requireEditor(user);
        Plans.PlanCheck check = plans.check(yaml);
        return new CheckAnswer(check.errors(), check.warnings());
    }

    @PostMapping(consumes = {"text/plain", "application/yaml", "text/yaml"})
    @Operation(
            summary = "Publish a plan document as the next version of the plan its 'id' names (201, with warnings and "
                    + "scenario results); 400 with line and column when it does not compile; 409 when the plan has no scenario "
                    + "or one fails against this text, unless confirm=true. effectiveFrom (yyyy-mm-dd): the version pays "
                    + "deals credited from that day (400 naming effectiveFrom inside or before a closed period); "
                    + "without it, it replaces the latest version from that version's date")
    ResponseEntity<?> publish(
            @AuthenticationPrincipal AttainUser user,
            @RequestBody String yaml,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false)
                    @org.springframework.format.annotation.DateTimeFormat(
                            iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                    java.time.LocalDate effectiveFrom) {
        requireEditor(user);
        Plans.PlanCheck check = plans.check(yaml);
        if (!check.ok()) {
            throw new PlanRejectedException(check.errors());
        }
        List<ScenarioResult> results = scenarios.runAll(check.planKey(), yaml).stream()
                .map(ScenarioResult::of)
                .toList();
        if (!confirm && (results.isEmpty() || results.stream().anyMatch(r -> !r.passed()))) {
            long failed = results.stream().filter(r -> !r.passed()).count();
            ProblemDetail body = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    results.isEmpty()
                            ? "Plan '" + check.planKey()
                                    + "' has no scenario to test it. Attach one, or repeat with ?confirm=true to publish anyway."
                            : failed + " of " + results.size() + " scenario(s) of plan '" + check.planKey()
                                    + "' fail against this text. Fix them, or repeat with ?confirm=true to publish anyway.");
            body.setTitle("Publishing needs confirmation");
            body.setProperty("scenarios", results);
            body.setProperty("warnings", check.warnings());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
        }
        Plans.PlanVersion v = plans.publish(yaml, user.getUsername(), effectiveFrom);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Published(
                        v.id(),
                        v.planKey(),
                        v.version(),
                        v.name(),
                        v.source(),
                        v.currency(),
                        v.createdBy(),
                        v.createdAt(),
                        v.effectiveFrom(),
                        check.warnings(),
                        results));
    }

    @GetMapping("/{key}/diff")
    @Operation(summary = "Line diff between two versions")
    List<Plans.DiffLine> diff(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to) {
        requireBackOffice(user);
        return plans.diff(key, from, to);
    }

    @ExceptionHandler(PlanRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PlanRejectedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("The plan does not compile");
        body.setProperty("errors", e.problems().stream().map(p -> error(p)).toList());
        return ResponseEntity.badRequest().body(body);
    }

    private static Map<String, Object> error(Plans.Problem p) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("file", p.source());
        e.put("line", p.line());
        e.put("column", p.column());
        e.put("reason", p.reason());
        if (p.code() != null) {
            e.put("code", p.code());
            e.put("args", p.args());
        }
        return e;
    }

    private static void requireEditor(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins edit plans.");
        }
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
    }
}
