package org.attain.territory.balance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.territory.balance.BalanceJobs;
import org.attain.territory.balance.BalanceProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Territory balancing jobs: for comp admins and admins. Jobs live in memory; no table behind them. */
@RestController
@RequestMapping("/api/v1/territories/balance/jobs")
@Tag(name = "Territory balancing", description = "Balance accounts over territories within a band around the mean")
class BalanceJobsApi {

    private final BalanceJobs jobs;

    BalanceJobsApi(BalanceJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    @Operation(
            summary = "Start balancing in the background; 202 with the queued job",
            description =
                    "The problem is checked at once: bad input is refused with 400 naming each field, and nothing is"
                            + " queued. Follow the job with GET (best score so far, elapsed, percent of the time limit); its result"
                            + " holds the proposed assignment, before/after totals per territory, every move, and when no plan within"
                            + " the band was found, how close it got and why.")
    ResponseEntity<BalanceJobs.Job> start(
            @AuthenticationPrincipal AttainUser user, @RequestBody(required = false) BalanceProblem problem) {
        requirePlanner(user);
        if (problem == null) {
            throw new InvalidInputException(new org.attain.platform.FieldProblem(
                    "body", "territory.balance.error.required", "send a balancing problem as JSON"));
        }
        BalanceJobs.Job job = jobs.start(problem, user.getUsername());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/territories/balance/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping
    @Operation(summary = "The kept jobs, newest first, without their results")
    List<BalanceJobs.Job> recent(@AuthenticationPrincipal AttainUser user) {
        requirePlanner(user);
        return jobs.recent().stream().map(BalanceJobsApi::withoutResult).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One job: its progress, and its result once done or stopped")
    BalanceJobs.Job one(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requirePlanner(user);
        return jobs.find(id).orElseThrow(() -> new NotFoundException("balancing job", id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop a job; a running one keeps the best plan found so far")
    BalanceJobs.Job stop(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requirePlanner(user);
        return jobs.stop(id).orElseThrow(() -> new NotFoundException("balancing job", id));
    }

    private static BalanceJobs.Job withoutResult(BalanceJobs.Job j) {
        return new BalanceJobs.Job(
                j.id(),
                j.state(),
                j.startedBy(),
                j.submittedAt(),
                j.accounts(),
                j.territories(),
                j.timeLimitSeconds(),
                j.bestScore(),
                j.feasibleSoFar(),
                j.elapsedMillis(),
                j.percentOfTimeLimit(),
                null,
                j.failure());
    }

    private static void requirePlanner(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins balance territories.");
        }
    }
}
