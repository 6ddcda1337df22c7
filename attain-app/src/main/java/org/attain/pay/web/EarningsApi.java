package org.attain.pay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.org.Visibility;
import org.attain.pay.Earnings;
import org.attain.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's earnings over REST, with the same visibility as the statement page. */
@RestController
@RequestMapping("/api/v1/people/{id}/earnings")
@Tag(
        name = "Earnings",
        description = "Statements: measures, attainment, every earnings line with its trace, the ledger and the payout")
class EarningsApi {

    private final Earnings earnings;
    private final Visibility visibility;
    private final Periods periods;
    private final PersonRefs refs;

    EarningsApi(Earnings earnings, Visibility visibility, Periods periods, PersonRefs refs) {
        this.refs = refs;
        this.earnings = earnings;
        this.visibility = visibility;
        this.periods = periods;
    }

    @GetMapping
    @Operation(
            summary =
                    "Earnings of one person (id, employee id or e-mail) for a period (default: the current quarter). "
                            + "Visible to the person, their managers up the line, admin, comp admin and finance; 404 for anyone else.")
    @ApiResponse(
            responseCode = "200",
            description = "The statement",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = Earnings.Statement.class)))
    ResponseEntity<byte[]> get(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable("id") PersonRef ref,
            @RequestParam(required = false) String period) {
        long id = refs.resolve(user, ref, "id", PersonRefs.Miss.NOT_FOUND);
        String p;
        if (period == null || period.isBlank()) {
            p = periods.currentSpan(PeriodKind.QUARTER).id();
        } else {
            p = period.trim();
            if (periods.find(p).isEmpty()) {
                throw new NotFoundException("period", p);
            }
        }
        // Written once per stored result: a statement's traces are most of the bytes and never change.
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(earnings.statementJson(id, p));
    }
}
