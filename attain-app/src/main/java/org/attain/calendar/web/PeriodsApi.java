package org.attain.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fiscal calendar over REST. */
@RestController
@RequestMapping("/api/v1/periods")
@Tag(name = "Calendar", description = "Fiscal months, quarters and years and their status")
class PeriodsApi {

    private final Periods periods;

    PeriodsApi(Periods periods) {
        this.periods = periods;
    }

    @GetMapping
    @Operation(summary = "Periods, optionally of one kind (MONTH, QUARTER, YEAR) and fiscal year")
    List<Periods.PeriodRow> list(
            @RequestParam(required = false) PeriodKind kind, @RequestParam(required = false) Integer fiscalYear) {
        return periods.list(kind, fiscalYear);
    }

    @GetMapping("/current")
    @Operation(summary = "The period of the given kind that contains today")
    Periods.PeriodRow current(@RequestParam(defaultValue = "QUARTER") PeriodKind kind) {
        return periods.current(kind);
    }

    @GetMapping("/{id}")
    Periods.PeriodRow one(@PathVariable String id) {
        return periods.find(id).orElseThrow(() -> new NotFoundException("period", id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close (lock) a period; 409 when it is already closed")
    Periods.PeriodRow close(@AuthenticationPrincipal AttainUser user, @PathVariable String id) {
        requireCompAdmin(user);
        return periods.close(id, user.getUsername());
    }

    record Reopen(String reason) {}

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a closed period; a reason is required and audited")
    Periods.PeriodRow reopen(
            @AuthenticationPrincipal AttainUser user, @PathVariable String id, @RequestBody Reopen body) {
        requireCompAdmin(user);
        return periods.reopen(id, body == null ? null : body.reason(), user.getUsername());
    }

    private static void requireCompAdmin(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins close or reopen periods.");
        }
    }
}
