package org.attain.quota.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.org.Teams;
import org.attain.org.Visibility;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.attain.quota.TargetIncentives;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Target incentives and base salaries: one quarter or fiscal year, one team or everyone, edited in place like
 * quotas, with each rep's OTE (base + target incentive) and pay mix.
 */
@Controller
class TargetIncentivePages {

    private final TargetIncentives targets;
    private final Periods periods;
    private final Teams teams;
    private final Visibility visibility;

    TargetIncentivePages(TargetIncentives targets, Periods periods, Teams teams, Visibility visibility) {
        this.targets = targets;
        this.periods = periods;
        this.teams = teams;
        this.visibility = visibility;
    }

    @GetMapping("/target-incentives")
    String sheet(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) Long team,
            Locale locale,
            Model model) {
        if (!user.seesEveryone() && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("target incentives");
        }
        String p = period == null || period.isBlank()
                ? periods.current(PeriodKind.QUARTER).id()
                : period;
        List<Periods.PeriodRow> choices = new ArrayList<>(periods.list(PeriodKind.YEAR, null));
        choices.addAll(periods.list(PeriodKind.QUARTER, null));
        model.addAttribute("period", p);
        model.addAttribute("team", team);
        model.addAttribute("periods", choices);
        model.addAttribute("teams", teams.all());
        List<TargetIncentives.Row> rows = targets.forPeriod(p, team, visibility.scopeOf(user));
        model.addAttribute("rows", rows);
        Map<Long, String> targetText = new HashMap<>();
        Map<Long, String> baseText = new HashMap<>();
        Map<Long, String> mix = new HashMap<>();
        for (TargetIncentives.Row r : rows) {
            targetText.put(r.personId(), LocaleNumbers.format(r.target(), locale));
            baseText.put(r.personId(), LocaleNumbers.format(r.base(), locale));
            mix.put(r.personId(), payMix(r.base(), r.target()));
        }
        model.addAttribute("targetText", targetText);
        model.addAttribute("baseText", baseText);
        model.addAttribute("mix", mix);
        model.addAttribute("canEdit", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "quota/target-incentives";
    }

    @PostMapping("/target-incentives")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String period,
            @RequestParam(required = false) Long team,
            @RequestParam(name = "personId", required = false) List<Long> personIds,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Only admins and comp admins set target incentives.");
        }
        String[] target = values(request, "target");
        String[] shownTarget = values(request, "shownTarget");
        String[] base = values(request, "base");
        String[] shownBase = values(request, "shownBase");
        List<TargetIncentives.Change> changes = new ArrayList<>();
        List<Integer> sheetRows = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; personIds != null && i < personIds.size(); i++) {
            String t = at(target, i);
            String b = at(base, i);
            if (t.equals(at(shownTarget, i)) && b.equals(at(shownBase, i))) {
                continue;
            }
            if (t.isEmpty() && b.isEmpty()) {
                continue;
            }
            try {
                changes.add(new TargetIncentives.Change(
                        personIds.get(i),
                        period,
                        t.isEmpty() ? null : LocaleNumbers.amount("target", t, locale),
                        b.isEmpty() ? null : LocaleNumbers.amount("base", b, locale)));
                sheetRows.add(i + 1);
            } catch (InvalidInputException e) {
                unreadable.add(i + 1);
            }
        }
        if (!unreadable.isEmpty()) {
            flash.addFlashAttribute("problem", "ote.unreadable");
            flash.addFlashAttribute("messageArg", unreadable.toString());
            return redirect(period, team);
        }
        try {
            int changed = targets.set(changes, user.getUsername());
            flash.addFlashAttribute("notice", "ote.saved");
            flash.addFlashAttribute("messageArg", Integer.toString(changed));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", "ote.rejected");
            flash.addFlashAttribute(
                    "messageArg",
                    e.problems().stream()
                            .map(p -> rowOf(p.field(), sheetRows))
                            .distinct()
                            .toList()
                            .toString());
        }
        return redirect(period, team);
    }

    /** The pay mix as a comp admin says it: base share / variable share of OTE in whole percent, e.g. 60/40. */
    static String payMix(BigDecimal base, BigDecimal target) {
        if (target == null || base == null) {
            return "";
        }
        BigDecimal b = base;
        BigDecimal ote = b.add(target);
        if (ote.signum() == 0) {
            return "";
        }
        int basePercent = b.multiply(BigDecimal.valueOf(100))
                .divide(ote, 0, RoundingMode.HALF_EVEN)
                .intValue();
        return basePercent + "/" + (100 - basePercent);
    }

    private static String rowOf(String field, List<Integer> sheetRows) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field);
        int change = m.find() ? Integer.parseInt(m.group(1)) - 1 : -1;
        return change >= 0 && change < sheetRows.size() ? Integer.toString(sheetRows.get(change)) : field;
    }

    private static String at(String[] values, int i) {
        return i < values.length ? values[i].strip() : "";
    }

    private static String[] values(WebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static String redirect(String period, Long team) {
        return "redirect:/target-incentives?period=" + period + (team == null ? "" : "&team=" + team);
    }
}
