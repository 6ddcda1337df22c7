package org.attain.org.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.org.People;
import org.attain.org.PersonEditor;
import org.attain.org.PersonView;
import org.attain.org.ReportingLines;
import org.attain.org.RoleType;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** People pages: the list a manager or admin may see, a person's profile, adding a person. */
@Controller
class PeoplePages {

    private final People people;
    private final Teams teams;
    private final ReportingLines lines;
    private final PersonEditor editor;
    private final Visibility visibility;
    private final Clock clock;

    PeoplePages(
            People people, Teams teams, ReportingLines lines, PersonEditor editor, Visibility visibility, Clock clock) {
        this.people = people;
        this.teams = teams;
        this.lines = lines;
        this.editor = editor;
        this.visibility = visibility;
        this.clock = clock;
    }

    @GetMapping("/people")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) RoleType role,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        var asked = org.attain.platform.PageRequest.of(page, size);
        var result = people.list(
                visibility.scopeOf(user), new People.Filter(role, team, q), today(), asked.page(), asked.size());
        model.addAttribute("result", result);
        model.addAttribute("peoplePage", org.attain.platform.Paged.of(result.items(), asked, result.total()));
        model.addAttribute("roles", RoleType.values());
        model.addAttribute("teams", teams.all());
        model.addAttribute("role", role);
        model.addAttribute("team", team);
        model.addAttribute("q", q);
        model.addAttribute("canAdd", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "people/list";
    }

    @GetMapping("/people/{id}")
    String profile(@AuthenticationPrincipal AttainUser user, @PathVariable long id, Model model) {
        // Outside the caller's visibility the page does not exist for them: 404, not a hidden link.
        if (!visibility.canSee(user, id)) {
            throw new NotFoundException("person", id);
        }
        PersonView person = people.find(id, today()).orElseThrow(() -> new NotFoundException("person", id));
        model.addAttribute("person", person);
        model.addAttribute("history", lines.historyOf(id));
        model.addAttribute("reports", people.directReports(id, today()));
        return "people/profile";
    }

    @GetMapping("/people/new")
    String newForm(@AuthenticationPrincipal AttainUser user, Model model) {
        requireEditor(user);
        model.addAttribute("form", new PersonForm());
        model.addAttribute("roles", RoleType.values());
        model.addAttribute("teams", teams.all());
        return "people/new";
    }

    @PostMapping("/people/new")
    String create(
            @AuthenticationPrincipal AttainUser user,
            @Valid @ModelAttribute("form") PersonForm form,
            BindingResult errors,
            Model model) {
        requireEditor(user);
        if (!errors.hasErrors()) {
            try {
                long id = editor.create(form.toNewPerson(), user.getUsername());
                return "redirect:/people/" + id;
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> errors.rejectValue(p.field(), p.code(), p.reason()));
            }
        }
        model.addAttribute("roles", RoleType.values());
        model.addAttribute("teams", teams.all());
        return "people/new";
    }

    @GetMapping("/teams")
    String teams(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long region,
            @RequestParam(required = false) String staffed,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("teams overview");
        }
        var paged = teams.page(q, region, staffed, org.attain.platform.PageRequest.of(page, size));
        model.addAttribute("teams", paged.items());
        model.addAttribute("teamsPage", paged);
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("staffed", staffed);
        model.addAttribute("staffedChoices", Teams.STAFFED);
        model.addAttribute("regions", teams.regions());
        return "people/teams";
    }

    private static void requireEditor(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins add people.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
