package org.attain.pay.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.attain.access.AttainUser;
import org.attain.calc.WhatIfs;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What-if over REST: earnings with a hypothetical deal and the lines that change; nothing is written. */
@RestController
@Tag(name = "Earnings")
class WhatIfApi {

    private final WhatIfs whatIfs;
    private final Visibility visibility;
    private final Clock clock;

    private final PersonRefs refs;

    WhatIfApi(WhatIfs whatIfs, Visibility visibility, Clock clock, PersonRefs refs) {
        this.refs = refs;
        this.whatIfs = whatIfs;
        this.visibility = visibility;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/people/{id}/what-if", consumes = "application/json")
    @Operation(
            summary =
                    "Earnings with a hypothetical deal (amount, closeDate, type, termMonths) and the lines that change; writes nothing")
    WhatIfs.Outcome api(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable("id") PersonRef ref,
            @RequestBody WhatIfEndpoints.Request body) {
        long id = refs.resolve(user, ref, "id", PersonRefs.Miss.NOT_FOUND);
        WhatIfs.Deal deal = WhatIfEndpoints.validated(
                body == null ? new WhatIfEndpoints.Request(null, null, null, null) : body, clock);
        return whatIfs.evaluate(id, deal)
                .orElseThrow(() -> new InvalidInputException(
                        new FieldProblem("closeDate", "whatif.noPlan", "falls in no period this person is paid on")));
    }
}
