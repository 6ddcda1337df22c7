package org.attain.calc.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calc.CalcRuns;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Start calculation runs and follow them. */
@RestController
@RequestMapping("/api/v1/calc/runs")
@Tag(name = "Calculation", description = "Calculation runs: start, progress, exclusions, what changed")
class CalcApi {

    private final CalcRuns runs;
    private final org.attain.org.PersonRefs refs;

    CalcApi(CalcRuns runs, org.attain.org.PersonRefs refs) {
        this.runs = runs;
        this.refs = refs;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Run the calculation for everyone (or ?person= an id, employee id or e-mail, repeatable) "
                    + "and return the finished run",
            description =
                    "Without from/to the run covers last and this fiscal year. With ?from=2017-01&to=2017-12 (months,"
                            + " quarters 2017-Q1 or fiscal years 2017) it covers the months and quarters between them, creating missing"
                            + " periods; a range that is unreadable, reversed, longer than 10 fiscal years or holds a closed period is"
                            + " refused with 400 and nothing runs. notCovered counts the transactions outside the run's periods.")
    CalcRuns.Run start(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) List<org.attain.org.PersonRef> person,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins start calculation runs.");
        }
        java.util.Set<Long> people = person == null || person.isEmpty()
                ? java.util.Set.of()
                : java.util.Set.copyOf(refs.resolveAll(
                        user, person, i -> "person[" + i + "]", org.attain.org.PersonRefs.Miss.BAD_REQUEST));
        if ((from != null && !from.isBlank()) || (to != null && !to.isBlank())) {
            return runs.runRange(people, from, to, "api", user.getUsername());
        }
        return people.isEmpty()
                ? runs.runFull("api", user.getUsername())
                : runs.runFor(people, "api", user.getUsername());
    }

    @GetMapping
    @Operation(summary = "Recent runs, newest first")
    List<CalcRuns.Run> recent(@AuthenticationPrincipal AttainUser user) {
        requireBackOffice(user);
        return runs.recent(20);
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One run with its progress (done of total), exclusions and issues",
            description =
                    "A run computed on Apache Spark names its master (sparkMaster) and lists its stages as they"
                            + " began (stages: key, args, at), e.g. calc.spark.stage.stored [task, tasks, payees stored, payees].")
    CalcRuns.Run one(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requireBackOffice(user);
        return runs.find(id).orElseThrow(() -> new NotFoundException("calculation run", id));
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Runs are for the back office.");
        }
    }
}
