package org.attain.territory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.platform.NotFoundException;
import org.attain.territory.Hierarchy;
import org.attain.territory.Level;
import org.attain.territory.Territories;
import org.attain.territory.Territory;
import org.attain.territory.TerritoryAssignments;
import org.attain.territory.TerritoryChanges;
import org.attain.territory.TerritoryMember;
import org.attain.territory.TerritoryOverview;
import org.attain.territory.TerritoryRefused;
import org.attain.territory.TerritoryRule;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Territories over REST for planners (admin, comp admin): hierarchies, territories, rules, members and assignments. */
@RestController
@RequestMapping("/api/v1/territories")
@Tag(
        name = "Territories",
        description = "Territory hierarchies, assignment rules, owners and overlays, and which territory "
                + "each account lands in on a day")
class TerritoriesApi {

    /** A territory on a day with its owners, overlays and accounts (its subtree's). */
    record TerritoryRow(
            Territory territory,
            int depth,
            List<TerritoryMember> owners,
            List<TerritoryMember> overlays,
            long ownAccounts,
            long accounts,
            long employees) {}

    /** A territory with its rules in precedence order and its members. */
    record TerritoryDetail(
            Territory territory, List<TerritoryRule> rules, List<TerritoryMember> members, long accounts) {}

    /** A territory as given: the hierarchy and the parent by code. */
    record TerritoryBody(
            String hierarchy,
            String code,
            String name,
            Level level,
            String parent,
            LocalDate validFrom,
            LocalDate validUntil) {}

    record HierarchyBody(String code, String name) {}

    record Assigned(LocalDate date, List<TerritoryAssignments.Assignment> assignments, int unassigned) {}

    private final Territories territories;
    private final TerritoryChanges changes;
    private final TerritoryAssignments assignments;
    private final TerritoryOverview overview;
    private final Clock clock;

    TerritoriesApi(
            Territories territories,
            TerritoryChanges changes,
            TerritoryAssignments assignments,
            TerritoryOverview overview,
            Clock clock) {
        this.territories = territories;
        this.changes = changes;
        this.assignments = assignments;
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "Territories in force on a day (default today) in tree order, with owners, overlays and account counts")
    List<TerritoryRow> list(
            @AuthenticationPrincipal AttainUser user,
            @Parameter(description = "hierarchy code (default: every hierarchy)") @RequestParam(required = false)
                    String hierarchy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Planners.only(user);
        LocalDate day = day(date);
        return hierarchies(hierarchy).stream()
                .flatMap(h -> overview.tree(h.id(), day).stream())
                .map(n -> new TerritoryRow(
                        n.territory(),
                        n.depth(),
                        n.owners(),
                        n.overlays(),
                        n.ownAccounts(),
                        n.accounts(),
                        n.employees()))
                .toList();
    }

    @GetMapping("/hierarchies")
    @Operation(summary = "Every territory hierarchy")
    List<Hierarchy> hierarchies(@AuthenticationPrincipal AttainUser user) {
        Planners.only(user);
        return territories.hierarchies();
    }

    @PostMapping("/hierarchies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Create a hierarchy (code and name); each account lands in exactly one territory of each hierarchy")
    Hierarchy createHierarchy(@AuthenticationPrincipal AttainUser user, @RequestBody HierarchyBody body) {
        Planners.only(user);
        return changes.createHierarchy(body.code(), body.name());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One territory with its rules in precedence order, its members and its own accounts on a day")
    TerritoryDetail get(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        Planners.only(user);
        Territory t = found(id);
        return new TerritoryDetail(
                t,
                territories.rules(id),
                territories.members(id),
                overview.accounts(t, day(date)).size());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Create a territory, district, region or area: parent on the level above (none for an area), "
                            + "valid from a day until a day (exclusive, optional). Problems are listed by field, nothing is saved.")
    Territory create(@AuthenticationPrincipal AttainUser user, @RequestBody TerritoryBody body) {
        Planners.only(user);
        return changes.createTerritory(input(body, null), user.getUsername());
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change a territory (its hierarchy stays); accounts that move recalculate the people concerned")
    Territory update(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @RequestBody TerritoryBody body) {
        Planners.only(user);
        Territory old = found(id);
        return changes.updateTerritory(id, input(body, old), user.getUsername());
    }

    @GetMapping("/{id}/rules")
    @Operation(summary = "A territory's assignment rules in the order they are applied (lowest precedence first)")
    List<TerritoryRule> rules(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        Planners.only(user);
        found(id);
        return territories.rules(id);
    }

    @PostMapping("/{id}/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Add a rule: countries, postal code range, industries, size bands and/or named accounts (by external id), "
                            + "all of which an account must meet. Refused when a rule of another territory with the same precedence claims "
                            + "the same account on some day.")
    TerritoryRule addRule(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestBody TerritoryChanges.RuleInput body) {
        Planners.only(user);
        return changes.addRule(id, body, user.getUsername());
    }

    @PutMapping("/{id}/rules/{ruleId}")
    @Operation(summary = "Change a rule (same checks as adding one)")
    TerritoryRule updateRule(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long ruleId,
            @RequestBody TerritoryChanges.RuleInput body) {
        Planners.only(user);
        return changes.updateRule(id, ruleId, body, user.getUsername());
    }

    @DeleteMapping("/{id}/rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a rule; the accounts it claimed fall to the next rule or to Unassigned")
    void deleteRule(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @PathVariable long ruleId) {
        Planners.only(user);
        changes.deleteRule(id, ruleId, user.getUsername());
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "A territory's owners and overlays with their dates")
    List<TerritoryMember> members(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        Planners.only(user);
        found(id);
        return territories.members(id);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Add an owner or overlay: person by id, employee id or e-mail, role OWNER or OVERLAY, from, until")
    TerritoryMember addMember(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestBody TerritoryChanges.MemberInput body) {
        Planners.only(user);
        return changes.addMember(id, body, user.getUsername());
    }

    @PutMapping("/{id}/members/{memberId}")
    @Operation(summary = "Change an owner's or overlay's person, role or dates")
    TerritoryMember updateMember(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @PathVariable long memberId,
            @RequestBody TerritoryChanges.MemberInput body) {
        Planners.only(user);
        return changes.updateMember(id, memberId, body, user.getUsername());
    }

    @DeleteMapping("/{id}/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove an owner or overlay")
    void deleteMember(@AuthenticationPrincipal AttainUser user, @PathVariable long id, @PathVariable long memberId) {
        Planners.only(user);
        changes.deleteMember(id, memberId, user.getUsername());
    }

    @GetMapping("/assignments")
    @Operation(
            summary =
                    "Which territory each account lands in on a day (default today), per hierarchy, with the rule that "
                            + "put it there; the number of accounts no rule claims")
    Assigned assignments(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String hierarchy) {
        Planners.only(user);
        LocalDate day = day(date);
        Long h = hierarchy == null ? null : hierarchies(hierarchy).get(0).id();
        TerritoryAssignments.Assignments a = assignments.on(day, h);
        return new Assigned(day, a.assigned(), a.unassigned().size());
    }

    @GetMapping("/unassigned")
    @Operation(summary = "The accounts no rule claims on a day (default today), per hierarchy")
    List<TerritoryAssignments.Unassigned> unassigned(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String hierarchy) {
        Planners.only(user);
        Long h = hierarchy == null ? null : hierarchies(hierarchy).get(0).id();
        return assignments.unassigned(day(date), h);
    }

    @GetMapping("/claims")
    @Operation(
            summary =
                    "The effective-dated account-to-territory assignments over [from, until) with owners and overlays, "
                            + "as calculation reads them")
    List<TerritoryAssignments.TerritoryClaim> claims(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until) {
        Planners.only(user);
        return assignments.claims(from, until);
    }

    private TerritoryChanges.TerritoryInput input(TerritoryBody body, Territory old) {
        Long hierarchyId = old != null
                ? Long.valueOf(old.hierarchyId())
                : body.hierarchy() == null
                        ? null
                        : territories
                                .hierarchyByCode(body.hierarchy())
                                .map(Hierarchy::id)
                                .orElse(-1L);
        Long parentId = null;
        if (body.parent() != null && !body.parent().isBlank()) {
            parentId = territories
                    .byCode(body.parent().strip())
                    .map(Territory::id)
                    .orElseThrow(() -> new TerritoryRefused(List.of(new TerritoryRefused.Problem(
                            "parent",
                            "territory.problem.unknownParent",
                            List.of(body.parent()),
                            "there is no territory " + body.parent()))));
        }
        return new TerritoryChanges.TerritoryInput(
                hierarchyId, body.code(), body.name(), body.level(), parentId, body.validFrom(), body.validUntil());
    }

    private List<Hierarchy> hierarchies(String code) {
        if (code == null || code.isBlank()) {
            return territories.hierarchies();
        }
        return List.of(territories.hierarchyByCode(code).orElseThrow(() -> new NotFoundException("hierarchy", code)));
    }

    private Territory found(long id) {
        return territories.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    }

    private LocalDate day(LocalDate date) {
        return date == null ? LocalDate.now(clock) : date;
    }
}
