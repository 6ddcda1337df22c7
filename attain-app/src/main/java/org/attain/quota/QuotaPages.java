package org.attain.quota;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.access.Visibility;
import org.attain.calc.RunLauncher;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Teams;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quota sheet: one quarter, one team or everyone, edited in place or in bulk. */
@Controller
class QuotaPages {

    private final Quotas quotas;
    private final TeamQuotas teamQuotas;
    private final QuotaChanges changes;
    private final Periods periods;
    private final Teams teams;
    private final Visibility visibility;
    private final RunLauncher launcher;

    QuotaPages(Quotas quotas, TeamQuotas teamQuotas, QuotaChanges changes, Periods periods, Teams teams,
            Visibility visibility, RunLauncher launcher) {
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
        this.changes = changes;
        this.periods = periods;
        this.teams = teams;
        this.visibility = visibility;
        this.launcher = launcher;
    }

    @GetMapping("/quotas")
    String sheet(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) String period,
            @RequestParam(required = false) Long team, Model model) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("quotas");
        }
        String p = period == null || period.isBlank() ? periods.current(PeriodKind.QUARTER).id() : period;
        model.addAttribute("period", p);
        model.addAttribute("team", team);
        model.addAttribute("quarters", periods.list(PeriodKind.QUARTER, null));
        model.addAttribute("teams", teams.all());
        model.addAttribute("rows", quotas.forPeriod(p, team, visibility.scopeOf(user)));
        model.addAttribute("teamRows", teamQuotas.forPeriod(p).stream()
                .filter(r -> team == null || r.teamId() == team).toList());
        model.addAttribute("canEdit", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "quota/sheet";
    }

    @PostMapping("/quotas")
    String save(@AuthenticationPrincipal AttainUser user, @RequestParam String period,
            @RequestParam(required = false) Long team, @RequestParam(name = "personId", required = false) List<Long> personIds,
            @RequestParam(name = "amount", required = false) List<String> amounts, Model model, RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Quotas.Change> changes = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; personIds != null && i < personIds.size(); i++) {
            String text = amounts == null || i >= amounts.size() ? "" : amounts.get(i).trim().replace(" ", "");
            if (text.isEmpty()) {
                continue;
            }
            try {
                changes.add(new Quotas.Change(personIds.get(i), period, new BigDecimal(text.replace(",", ""))));
            } catch (NumberFormatException e) {
                unreadable.add(i + 1);
            }
        }
        if (!unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "quota.unreadable");
            flash.addFlashAttribute("rows", unreadable.toString());
            return redirect(period, team);
        }
        try {
            int changed = quotas.set(changes, user.getUsername());
            Set<Long> people = new TreeSet<>();
            changes.forEach(c -> people.add(c.personId()));
            if (changed > 0) {
                launcher.launchFor(people, user.getUsername());
            }
            flash.addFlashAttribute("notice", "quota.saved");
            flash.addFlashAttribute("rows", Integer.toString(changed));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "quota.rejected");
            flash.addFlashAttribute("rows", e.problems().stream().map(f -> f.field()).toList().toString());
        }
        return redirect(period, team);
    }

    /** Team (pod) quotas for the shown quarter; members of a changed team are recalculated. */
    @PostMapping("/quotas/teams")
    String saveTeams(@AuthenticationPrincipal AttainUser user, @RequestParam String period,
            @RequestParam(required = false) Long team, @RequestParam(name = "teamId", required = false) List<Long> teamIds,
            @RequestParam(name = "teamAmount", required = false) List<String> amounts, RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<TeamQuotas.Change> teamChanges = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; teamIds != null && i < teamIds.size(); i++) {
            String text = amounts == null || i >= amounts.size() ? "" : amounts.get(i).trim().replace(" ", "");
            if (text.isEmpty()) {
                continue;
            }
            try {
                teamChanges.add(new TeamQuotas.Change(teamIds.get(i), period, new BigDecimal(text.replace(",", ""))));
            } catch (NumberFormatException e) {
                unreadable.add(i + 1);
            }
        }
        if (!unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "quota.unreadable");
            flash.addFlashAttribute("rows", unreadable.toString());
            return redirect(period, team);
        }
        try {
            QuotaChanges.Outcome outcome = changes.set(List.of(), teamChanges, user.getUsername());
            if (!outcome.people().isEmpty()) {
                launcher.launchFor(outcome.people(), user.getUsername());
            }
            flash.addFlashAttribute("notice", "quota.team.saved");
            flash.addFlashAttribute("rows", Integer.toString(outcome.teamsChanged()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "quota.rejected");
            flash.addFlashAttribute("rows", e.problems().stream().map(f -> f.field()).toList().toString());
        }
        return redirect(period, team);
    }

    private static String redirect(String period, Long team) {
        return "redirect:/quotas?period=" + period + (team == null ? "" : "&team=" + team);
    }
}
