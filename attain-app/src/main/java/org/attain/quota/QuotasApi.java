package org.attain.quota;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.access.Visibility;
import org.attain.calc.RunLauncher;
import org.attain.platform.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Quotas over REST: read within the caller's visibility, set in bulk (admin, comp admin). */
@RestController
@RequestMapping("/api/v1/quotas")
@Tag(name = "Quotas", description = "Quotas per payee and quarter")
class QuotasApi {

    private final Quotas quotas;
    private final Visibility visibility;
    private final RunLauncher launcher;

    QuotasApi(Quotas quotas, Visibility visibility, RunLauncher launcher) {
        this.quotas = quotas;
        this.visibility = visibility;
        this.launcher = launcher;
    }

    @GetMapping
    @Operation(summary = "Reps and their quota for a quarter, optionally for one team")
    List<Quotas.Row> list(@AuthenticationPrincipal AttainUser user, @RequestParam String period,
            @RequestParam(required = false) Long team) {
        return quotas.forPeriod(period, team, visibility.scopeOf(user));
    }

    record Bulk(List<Quotas.Change> rows) {
    }

    @PutMapping
    @Operation(summary = "Set many quotas at once: all or none; each problem names its row and field. Recalculates the people concerned.")
    Map<String, Integer> set(@AuthenticationPrincipal AttainUser user, @RequestBody Bulk body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Quotas.Change> rows = body == null || body.rows() == null ? List.of() : body.rows();
        int changed = quotas.set(rows, user.getUsername());
        Set<Long> people = rows.stream().map(Quotas.Change::personId).collect(Collectors.toSet());
        if (changed > 0) {
            launcher.launchFor(people, user.getUsername());
        }
        return Map.of("changed", changed);
    }
}
