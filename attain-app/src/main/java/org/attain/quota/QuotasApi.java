package org.attain.quota;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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
@Tag(name = "Quotas", description = "Quotas per payee and quarter, and team (pod) quotas")
class QuotasApi {

    private final Quotas quotas;
    private final TeamQuotas teamQuotas;
    private final QuotaChanges changes;
    private final Visibility visibility;
    private final RunLauncher launcher;

    QuotasApi(Quotas quotas, TeamQuotas teamQuotas, QuotaChanges changes, Visibility visibility, RunLauncher launcher) {
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
        this.changes = changes;
        this.visibility = visibility;
        this.launcher = launcher;
    }

    @GetMapping
    @Operation(summary = "Reps and their quota for a quarter, optionally for one team")
    List<Quotas.Row> list(@AuthenticationPrincipal AttainUser user, @RequestParam String period,
            @RequestParam(required = false) Long team) {
        return quotas.forPeriod(period, team, visibility.scopeOf(user));
    }

    @GetMapping("/teams")
    @Operation(summary = "Every team (pod) and its team quota for a quarter (amount null when none is set)")
    List<TeamQuotas.Row> teams(@AuthenticationPrincipal AttainUser user, @RequestParam String period) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("team quotas");
        }
        return teamQuotas.forPeriod(period);
    }

    /** {@code rows}: payee quotas; {@code teams}: team (pod) quotas. Either may be left out. */
    record Bulk(List<Quotas.Change> rows, List<TeamQuotas.Change> teams) {
    }

    @PutMapping
    @Operation(summary = "Set many payee and team (pod) quotas at once: all or none; each problem names its row"
            + " (rows[n] or teams[n]) and field. Recalculates the people concerned (for a team: its members in that period).")
    Map<String, Integer> set(@AuthenticationPrincipal AttainUser user, @RequestBody Bulk body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Quotas.Change> rows = body == null || body.rows() == null ? List.of() : body.rows();
        List<TeamQuotas.Change> teams = body == null || body.teams() == null ? List.of() : body.teams();
        QuotaChanges.Outcome outcome = changes.set(rows, teams, user.getUsername());
        if (!outcome.people().isEmpty()) {
            launcher.launchFor(outcome.people(), user.getUsername());
        }
        return Map.of("changed", outcome.changed(), "teamsChanged", outcome.teamsChanged());
    }
}
