package org.attain.payout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
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

    AdjustmentsApi(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    @GetMapping
    @Operation(summary = "Adjustments you may see, optionally of one period.")
    List<Adjustments.Adjustment> list(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period) {
        return adjustments.list(user, period);
    }

    @PostMapping
    @Operation(summary = "Record an adjustment: personId, period, amount (non-zero), currency and reason are required.")
    ResponseEntity<Adjustments.Adjustment> create(@AuthenticationPrincipal AttainUser user, @RequestBody Adjustments.NewAdjustment in) {
        return ResponseEntity.status(201).body(adjustments.create(user, in));
    }
}
