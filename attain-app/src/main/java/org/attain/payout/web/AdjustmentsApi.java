package org.attain.payout.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.payout.Adjustments;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Manual adjustments over REST: recorded by admins and comp admins, read under the usual visibility. */
@RestController
@RequestMapping("/api/v1/adjustments")
@Tag(name = "Adjustments", description = "Manual adjustments with a reason")
class AdjustmentsApi {

    private final Adjustments adjustments;
    private final PersonRefs refs;

    AdjustmentsApi(Adjustments adjustments, PersonRefs refs) {
        this.adjustments = adjustments;
        this.refs = refs;
    }

    /** @param personId an id (number), employee id or e-mail; {@code person} is the same field by another name */
    record NewAdjustment(
            @JsonAlias("person") PersonRef personId,
            String period,
            BigDecimal amount,
            String currency,
            String reason) {}

    @GetMapping
    @Operation(summary = "Adjustments you may see, optionally of one period.")
    List<Adjustments.Adjustment> list(
            @AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period) {
        return adjustments.list(user, period);
    }

    @PostMapping
    @Operation(
            summary = "Record an adjustment: personId (id, employee id or e-mail), period, amount (non-zero), currency "
                    + "and reason are required.")
    ResponseEntity<Adjustments.Adjustment> create(
            @AuthenticationPrincipal AttainUser user, @RequestBody NewAdjustment in) {
        // Someone the caller may not see is not there (404), as an unknown internal id always was.
        Long person =
                in.personId() == null ? null : refs.resolve(user, in.personId(), "personId", PersonRefs.Miss.NOT_FOUND);
        return ResponseEntity.status(201)
                .body(adjustments.create(
                        user,
                        new Adjustments.NewAdjustment(person, in.period(), in.amount(), in.currency(), in.reason())));
    }
}
