package org.attain.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.org.NewPerson;
import org.attain.org.People;
import org.attain.org.PersonEditor;
import org.attain.org.PersonRef;
import org.attain.org.PersonRefs;
import org.attain.org.PersonView;
import org.attain.org.ReportingLines;
import org.attain.org.RoleType;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People, teams and reporting lines over REST, with the same visibility as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Organisation", description = "People, teams, regions and reporting lines")
class OrgApi {

    private final People people;
    private final Teams teams;
    private final ReportingLines lines;
    private final PersonEditor editor;
    private final Visibility visibility;
    private final Clock clock;
    private final PersonRefs refs;

    OrgApi(
            People people,
            Teams teams,
            ReportingLines lines,
            PersonEditor editor,
            Visibility visibility,
            Clock clock,
            PersonRefs refs) {
        this.refs = refs;
        this.people = people;
        this.teams = teams;
        this.lines = lines;
        this.editor = editor;
        this.visibility = visibility;
        this.clock = clock;
    }

    record Me(Long id, long userId, String username, Set<Role> roles, PersonView person) {}

    @GetMapping("/me")
    @Operation(summary = "The logged-in user and the person they are (id is the person id)")
    Me me(@AuthenticationPrincipal AttainUser user) {
        PersonView person = user.personId() == null
                ? null
                : people.find(user.personId(), today()).orElse(null);
        return new Me(user.personId(), user.userId(), user.getUsername(), user.roles(), person);
    }

    @GetMapping("/people")
    @Operation(summary = "People visible to the caller, filtered by role type, team or text, paged")
    People.Page<PersonView> list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) RoleType role,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return people.list(visibility.scopeOf(user), new People.Filter(role, team, q), today(), page, size);
    }

    @GetMapping("/people/{id}")
    @Operation(
            summary = "One person by id, employee id or e-mail (id:, employee:, email: say which); "
                    + "404 when no one the caller may see has it")
    PersonView one(@AuthenticationPrincipal AttainUser user, @PathVariable PersonRef id) {
        long person = visible(user, id);
        return people.find(person, today()).orElseThrow(() -> new NotFoundException("person", id));
    }

    @GetMapping("/people/{id}/reports")
    @Operation(summary = "Direct reports of a person on a day (default today)")
    List<PersonView> reports(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable PersonRef id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        long person = visible(user, id);
        return people.directReports(person, asOf == null ? today() : asOf).stream()
                .filter(p -> visibility.canSee(user, p.id()))
                .toList();
    }

    @PostMapping("/people")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a person (admin, comp admin)")
    PersonView create(@AuthenticationPrincipal AttainUser user, @Valid @RequestBody NewPerson body) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins create people.");
        }
        long id = editor.create(body, user.getUsername());
        return people.find(id, today()).orElseThrow();
    }

    @GetMapping("/teams")
    @Operation(summary = "Teams with their region and active headcount")
    List<Teams.Team> teams() {
        return teams.all();
    }

    @GetMapping("/regions")
    List<Teams.Region> regions() {
        return teams.regions();
    }

    @GetMapping("/reporting-lines")
    @Operation(summary = "Who reported to whom on a day (default today); personId narrows to one person")
    List<ReportingLines.ReportingLine> reportingLines(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) PersonRef personId) {
        var scope = visibility.scopeOf(user);
        Long person = personId == null ? null : refs.resolve(user, personId, "personId", PersonRefs.Miss.NOT_FOUND);
        return lines.onDay(asOf == null ? today() : asOf, person).stream()
                .filter(l -> scope.includes(l.personId()))
                .toList();
    }

    @GetMapping("/people/{id}/reporting-lines")
    @Operation(summary = "The manager history of one person")
    List<ReportingLines.ReportingLine> history(@AuthenticationPrincipal AttainUser user, @PathVariable PersonRef id) {
        return lines.historyOf(visible(user, id));
    }

    // Not visible and not existing look the same from outside: both are 404.
    private long visible(AttainUser user, PersonRef ref) {
        return refs.resolve(user, ref, "id", PersonRefs.Miss.NOT_FOUND);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
