package org.attain.quota.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.quota.QuotaChanges;
import org.attain.quota.Quotas;
import org.attain.quota.TeamQuotas;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The quota sheet: one quarter, one team or everyone, edited in place or in bulk. */
@Controller
class QuotaPages {

    private static final Pattern CHANGE_INDEX = Pattern.compile("\\[(\\d+)]");

    private final Quotas quotas;
    private final TeamQuotas teamQuotas;
    private final QuotaChanges changes;
    private final Periods periods;
    private final Teams teams;
    private final Visibility visibility;
    private final MessageSource messages;

    QuotaPages(
            Quotas quotas,
            TeamQuotas teamQuotas,
            QuotaChanges changes,
            Periods periods,
            Teams teams,
            Visibility visibility,
            MessageSource messages) {
        this.messages = messages;
        this.quotas = quotas;
        this.teamQuotas = teamQuotas;
        this.changes = changes;
        this.periods = periods;
        this.teams = teams;
        this.visibility = visibility;
    }

    @GetMapping("/quotas")
    String sheet(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Long team,
            Locale locale,
            Model model) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("quotas");
        }
        String p = period == null || period.isBlank()
                ? periods.current(PeriodKind.QUARTER).id()
                : period;
        model.addAttribute("period", p);
        model.addAttribute("team", team);
        model.addAttribute("quarters", periods.list(PeriodKind.QUARTER, null));
        model.addAttribute("teams", teams.all());
        List<Quotas.Row> rows = quotas.forPeriod(p, team, visibility.scopeOf(user));
        List<TeamQuotas.Row> teamRows = teamQuotas.forPeriod(p).stream()
                .filter(r -> team == null || r.teamId() == team)
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("sections", Section.of(rows));
        model.addAttribute("teamRows", teamRows);
        model.addAttribute("podSections", PodSection.of(teamRows));
        // Shown in the page's language and read back the same way on saving.
        Map<Long, String> amountText = new HashMap<>();
        rows.forEach(r -> amountText.put(r.personId(), LocaleNumbers.format(r.amount(), locale)));
        Map<Long, String> teamAmountText = new HashMap<>();
        teamRows.forEach(r -> teamAmountText.put(r.teamId(), LocaleNumbers.format(r.amount(), locale)));
        model.addAttribute("amountText", amountText);
        model.addAttribute("teamAmountText", teamAmountText);
        model.addAttribute("canEdit", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "quota/sheet";
    }

    @PostMapping("/quotas")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) Long team,
            @RequestParam(name = "personId", required = false) List<Long> personIds,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) Long only,
            WebRequest request,
            Locale locale,
            Model model,
            RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Integer> unreadable = new ArrayList<>();
        Map<Integer, BigDecimal> typed = typedAmounts(request, "amount", personIds, locale, unreadable);
        if (only != null) {
            // A row's own Save button: only that row, whatever else was typed in the section.
            typed.keySet().removeIf(i -> !only.equals(personIds.get(i)));
            unreadable.removeIf(row -> !only.equals(personIds.get(row - 1)));
        }
        flash.addFlashAttribute("openSection", section);
        Map<Long, String> names = new HashMap<>();
        quotas.forPeriod(period, null, visibility.scopeOf(user)).forEach(r -> names.put(r.personId(), r.name()));
        List<String> refused = new ArrayList<>();
        unreadable.forEach(row -> refused.add(refusal(names, personIds.get(row - 1), "unreadable", null, locale)));
        QuotaSheetSave.Result result = new QuotaSheetSave(this.changes, messages)
                .save(period, personIds, typed, names, user.getUsername(), locale);
        refused.addAll(result.refused());
        if (result.attempted() == 0 && !unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "quota.unreadable");
            flash.addFlashAttribute("messageArg", unreadable.toString());
        } else {
            flash.addFlashAttribute("notice", "quota.saved");
            flash.addFlashAttribute("messageArg", Integer.toString(result.changed()));
        }
        if (!refused.isEmpty()) {
            flash.addFlashAttribute("refusedRows", refused);
        }
        return redirect(period, team);
    }

    private String refusal(Map<Long, String> names, long personId, String code, String fallback, Locale locale) {
        return QuotaSheetSave.refusal(messages, names, personId, code, fallback, locale);
    }

    /** Team (pod) quotas for the shown quarter; members of a changed team are recalculated. */
    @PostMapping("/quotas/teams")
    String saveTeams(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) Long team,
            @RequestParam(name = "teamId", required = false) List<Long> teamIds,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) Long only,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set quotas.");
        }
        List<Integer> unreadable = new ArrayList<>();
        Map<Integer, BigDecimal> typed = typedAmounts(request, "teamAmount", teamIds, locale, unreadable);
        // A pod's own Save button: only that pod, whatever else was typed in its region's section.
        if (only != null) {
            typed.keySet().removeIf(i -> !only.equals(teamIds.get(i)));
            unreadable.removeIf(row -> !only.equals(teamIds.get(row - 1)));
        }
        flash.addFlashAttribute("openPodSection", section);
        List<TeamQuotas.Change> teamChanges = new ArrayList<>();
        typed.forEach((i, amount) -> teamChanges.add(new TeamQuotas.Change(teamIds.get(i), period, amount)));
        if (!unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "quota.unreadable");
            flash.addFlashAttribute("messageArg", unreadable.toString());
            return redirect(period, team);
        }
        try {
            QuotaChanges.Outcome outcome = changes.set(List.of(), teamChanges, user.getUsername());
            flash.addFlashAttribute("notice", "quota.team.saved");
            flash.addFlashAttribute("messageArg", Integer.toString(outcome.teamsChanged()));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "quota.rejected");
            flash.addFlashAttribute("messageArg", sheetRows(e, typed).toString());
        }
        return redirect(period, team);
    }

    /**
     * The amounts typed into the sheet's rows, read in the page's language, by row index. A blank
     * row and a row still reading what it was shown with ({@code shown<field>}) are no change, so an
     * amount stored with more decimals than a person may type (imports keep four) never blocks the
     * rest. The raw parameter values are read: Spring would split a lone "120,000" at the comma.
     */
    static Map<Integer, BigDecimal> typedAmounts(
            WebRequest request, String field, List<Long> ids, Locale locale, List<Integer> unreadable) {
        String[] typed = values(request, field);
        String[] shown = values(request, "shown" + Character.toUpperCase(field.charAt(0)) + field.substring(1));
        Map<Integer, BigDecimal> amounts = new LinkedHashMap<>();
        for (int i = 0; ids != null && i < ids.size(); i++) {
            String text = i < typed.length ? typed[i].strip() : "";
            if (text.isEmpty() || (i < shown.length && text.equals(shown[i]))) {
                continue;
            }
            try {
                amounts.put(i, LocaleNumbers.amount(field, text, locale));
            } catch (InvalidInputException e) {
                unreadable.add(i + 1);
            }
        }
        return amounts;
    }

    /** The sheet's row numbers behind refused changes: the changes hold only the rows typed into. */
    static List<String> sheetRows(InvalidInputException e, Map<Integer, BigDecimal> typed) {
        List<Integer> rowOfChange = new ArrayList<>(typed.keySet());
        return e.problems().stream()
                .map(FieldProblem::field)
                .map(field -> {
                    Matcher m = CHANGE_INDEX.matcher(field);
                    int change = m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
                    return change >= 0 && change < rowOfChange.size()
                            ? Integer.toString(rowOfChange.get(change) + 1)
                            : field;
                })
                .distinct()
                .toList();
    }

    /** One team's rows on the sheet: a section opened, edited and saved on its own. */
    record Section(int index, String name, List<Quotas.Row> rows, long missing) {

        static List<Section> of(List<Quotas.Row> rows) {
            Map<String, List<Quotas.Row>> byTeam = new LinkedHashMap<>();
            rows.forEach(r -> byTeam.computeIfAbsent(r.team() == null ? "" : r.team(), k -> new ArrayList<>())
                    .add(r));
            List<Section> out = new ArrayList<>();
            byTeam.forEach((name, teamRows) -> out.add(new Section(
                    out.size(),
                    name,
                    teamRows,
                    teamRows.stream().filter(r -> r.amount() == null).count())));
            return out;
        }
    }

    /** The team (pod) quotas of one region: a section of the pod sheet, saved on its own. */
    record PodSection(int index, String region, List<TeamQuotas.Row> rows, long missing) {

        static List<PodSection> of(List<TeamQuotas.Row> rows) {
            Map<String, List<TeamQuotas.Row>> byRegion = new LinkedHashMap<>();
            rows.forEach(r -> byRegion.computeIfAbsent(r.region() == null ? "" : r.region(), k -> new ArrayList<>())
                    .add(r));
            List<PodSection> out = new ArrayList<>();
            byRegion.forEach((name, regionRows) -> out.add(new PodSection(
                    out.size(),
                    name,
                    regionRows,
                    regionRows.stream().filter(r -> r.amount() == null).count())));
            return out;
        }
    }

    private static String[] values(WebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String redirect(String period, Long team) {
        return "redirect:/quotas?period=" + period + (team == null ? "" : "&team=" + team);
    }
}
