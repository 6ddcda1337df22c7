package org.attain.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Plans as versioned documents over REST: validate, publish, list versions, diff. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "Plans", description = "Compensation plans as versioned YAML documents")
class PlansApi {

    private final Plans plans;

    PlansApi(Plans plans) {
        this.plans = plans;
    }

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

    @PostMapping(value = "/validate", consumes = {"text/plain", "application/yaml", "text/yaml"})
    @Operation(summary = "Compile a plan document without storing it; returns the problems (empty when valid)")
    List<Plans.Problem> validate(@AuthenticationPrincipal AttainUser user, @RequestBody String yaml) {
        requireEditor(user);
        return plans.validate("plan.yaml", yaml);
    }

    @PostMapping(consumes = {"text/plain", "application/yaml", "text/yaml"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Publish a plan document as the next version of the plan its 'id' names; 400 with line and column when it does not compile")
    Plans.PlanVersion publish(@AuthenticationPrincipal AttainUser user, @RequestBody String yaml) {
        requireEditor(user);
        return plans.publish(yaml, user.getUsername());
    }

    @GetMapping("/{key}/diff")
    @Operation(summary = "Line diff between two versions")
    List<Plans.DiffLine> diff(@AuthenticationPrincipal AttainUser user, @PathVariable String key,
            @RequestParam int from, @RequestParam int to) {
        requireBackOffice(user);
        return plans.diff(key, from, to);
    }

    @ExceptionHandler(PlanRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(PlanRejectedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        body.setTitle("The plan does not compile");
        body.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("file", p.source(), "line", p.line(), "column", p.column(), "reason", p.reason())).toList());
        return ResponseEntity.badRequest().body(body);
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
