package org.attain.calc.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.calc.ExplainedDeals;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every deal behind an earnings line, a page at a time: the statement's trace shows the first deals
 * of a line, this shows all of them (credit, share, tier slices and amount, as stored).
 */
@RestController
@Tag(
        name = "Earnings",
        description = "Statements: measures, attainment, every earnings line with its trace, the ledger and the payout")
class ExplainedDealsApi {

    static final int MAX_LIMIT = 1000;

    private final ExplainedDeals deals;
    private final Visibility visibility;
    private final Periods periods;

    private final PersonRefs refs;

    ExplainedDealsApi(ExplainedDeals deals, Visibility visibility, Periods periods, PersonRefs refs) {
        this.refs = refs;
        this.deals = deals;
        this.visibility = visibility;
        this.periods = periods;
    }

    @GetMapping("/api/v1/people/{id}/earnings/lines/{line}/deals")
    @Operation(
            summary =
                    "The explained deals of one earnings line of a person's current statement for a period "
                            + "(default: the current quarter), in the engine's order, offset/limit paged (limit at most 1000). "
                            + "Visible to the person, their managers up the line, admin, comp admin and finance; 404 for anyone else.")
    ExplainedDeals.Page get(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable("id") PersonRef ref,
            @PathVariable int line,
            @RequestParam(required = false) String period,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        long id = refs.resolve(user, ref, "id", PersonRefs.Miss.NOT_FOUND);
        List<FieldProblem> problems = new ArrayList<>();
        if (offset < 0) {
            problems.add(new FieldProblem("offset", "deals.offset", "must be 0 or more"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "deals.limit", "must be between 1 and " + MAX_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String p = period == null || period.isBlank()
                ? periods.current(PeriodKind.QUARTER).id()
                : period.trim();
        if (periods.find(p).isEmpty()) {
            throw new NotFoundException("period", p);
        }
        return deals.page(id, p, line, offset, limit)
                .orElseThrow(() -> new NotFoundException("earnings line", line + " of " + id + " in " + p));
    }
}
