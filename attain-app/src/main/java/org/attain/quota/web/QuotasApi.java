package org.attain.quota.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.quota.QuotaChanges;
import org.attain.quota.Quotas;
import org.attain.quota.TeamQuotas;
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
    private final PersonRefs refs;

    QuotasApi(Quotas quotas, TeamQuotas teamQuotas, QuotaChanges changes, Visibility visibility, PersonRefs refs) {
        this.refs = refs;
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
        this.changes = changes;
        this.visibility = visibility;
    }

    @GetMapping
    @Operation(
            summary = "Everyone's quota for a quarter in one call (reps you may see, with employee id and e-mail), "
                    + "optionally for one team")
    List<Quotas.Row> list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
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
    record Bulk(List<Row> rows, List<TeamQuotas.Change> teams) {}

    /** @param personId an id (number), employee id or e-mail; {@code person} is the same field by another name */
    record Row(@JsonAlias("person") PersonRef personId, String periodId, java.math.BigDecimal amount) {}

    @PutMapping
    @Operation(
            summary =
                    "Set many payee and team (pod) quotas at once: all or none; each problem names its row"
                            + " (rows[n] or teams[n]) and field. Recalculates the people concerned (for a team: its members in that period).")
    Map<String, Integer> set(@AuthenticationPrincipal AttainUser user, @RequestBody Bulk body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Row> given = body == null || body.rows() == null ? List.of() : body.rows();
        List<Long> people = refs.resolveAll(
                user,
                given.stream().map(r -> r == null ? null : r.personId()).toList(),
                i -> "rows[" + i + "].personId",
                PersonRefs.Miss.BAD_REQUEST);
        List<Quotas.Change> rows = new java.util.ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            rows.add(new Quotas.Change(
                    people.get(i), given.get(i).periodId(), given.get(i).amount()));
        }
        List<TeamQuotas.Change> teams = body == null || body.teams() == null ? List.of() : body.teams();
        QuotaChanges.Outcome outcome = changes.set(rows, teams, user.getUsername());
        return Map.of("changed", outcome.changed(), "teamsChanged", outcome.teamsChanged());
    }
}
