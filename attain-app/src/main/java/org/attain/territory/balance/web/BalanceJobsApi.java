package org.attain.territory.balance.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.attain.territory.balance.BalanceJobs;
import org.attain.territory.balance.BalanceProblem;
import org.attain.territory.balance.CompanyBalance;
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
    private final CompanyBalance company;

    BalanceJobsApi(BalanceJobs jobs, CompanyBalance company) {
        this.jobs = jobs;
        this.company = company;
    }

    /** Which moves of a run to accept, and from which day. */
    record AcceptRequest(List<String> moves, LocalDate effectiveFrom) {}

    @PostMapping("/from-company")
    @Operation(
            summary = "Balance the company's own territories in the background; 202 with the queued job",
            description = "Builds the problem from a hierarchy's territories in force on a day (default today; "
                    + "under: only those below one territory; without it the first region of the hierarchy by code, so moves"
                    + " stay inside one region, unless wholeHierarchy is true) and the accounts assigned to them, with the chosen metrics:"
                    + " potential and bookings (won over the twelve months before the day) in the company currency, accounts"
                    + " (1 each), workload (activities over those twelve months). Accounts named by a named-account rule and"
                    + " lockedAccounts (external ids) never move. Bad input is refused with 400 naming each field.")
    ResponseEntity<BalanceJobs.Job> startFromCompany(
            @AuthenticationPrincipal AttainUser user, @RequestBody(required = false) CompanyBalance.Options options) {
        requirePlanner(user);
        if (options == null) {
            throw new InvalidInputException(new org.attain.platform.FieldProblem(
                    "body", "territory.balance.error.required", "send the balancing options as JSON"));
        }
        BalanceJobs.Job job = company.start(options, user.getUsername());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/territories/balance/jobs/" + job.id()))
                .body(job);
    }

    @GetMapping("/{id}/context")
    @Operation(
            summary =
                    "What a run started from the company was built from: hierarchy, day, metrics, band, the accounts"
                            + " and territories by the keys its result uses (with their database ids), locked and named accounts")
    CompanyBalance.Context context(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requirePlanner(user);
        return company.context(id).orElseThrow(() -> new NotFoundException("balancing run from the company", id));
    }

    @PostMapping("/{id}/accept")
    @Operation(
            summary = "Accept some or all proposed moves of a run started from the company, from a day on",
            description =
                    "All or nothing: each account named in moves lands in its proposed territory from effectiveFrom"
                            + " (a named-account rule there from that day; before it nothing changes), audited, and TerritoriesChanged"
                            + " is published. Refused with 400 naming the field: an unknown or already accepted move, no date, a date"
                            + " in a closed period.")
    CompanyBalance.Accepted accept(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestBody(required = false) AcceptRequest request) {
        requirePlanner(user);
        AcceptRequest r = request == null ? new AcceptRequest(List.of(), null) : request;
        return company.accept(id, r.moves(), r.effectiveFrom(), user.getUsername());
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
