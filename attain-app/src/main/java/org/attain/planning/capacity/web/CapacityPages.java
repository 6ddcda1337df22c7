package org.attain.planning.capacity.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.org.Teams;
import org.attain.planning.capacity.CapacityPlan;
import org.attain.planning.capacity.CapacityPlanning;
import org.attain.planning.capacity.CapacityProblem;
import org.attain.planning.capacity.PlannedHire;
import org.attain.planning.capacity.PlannedLeaving;
import org.attain.planning.capacity.RampProfile;
import org.attain.planning.capacity.WhatIf;
import org.attain.platform.ForbiddenException;
import org.attain.platform.LocaleNumbers;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The capacity page for planners (admin, comp admin): capacity against target per month and quarter with a
 * chart, a what-if that recomputes on every change without saving (htmx), and the inputs to edit: targets
 * and expected attainment, ramp profiles, planned hires and attrition. Saving posts and comes back (PRG).
 */
@Controller
class CapacityPages {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final CapacityPlanning planning;
    private final Teams teams;
    private final MessageSource messages;
    private final JsonMapper json;

    CapacityPages(CapacityPlanning planning, Teams teams, MessageSource messages, JsonMapper json) {
        this.planning = planning;
        this.teams = teams;
        this.messages = messages;
        this.json = json;
    }

    static void mustPlan(AttainUser user) {
        if (!user.has(Role.ADMIN) && !user.has(Role.COMP_ADMIN)) {
            throw new ForbiddenException("Capacity planning is for admins and comp admins.");
        }
    }

    @GetMapping("/planning/capacity")
    String page(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Locale locale,
            Model model) {
        mustPlan(user);
        Range range = range(currency, from, to);
        model.addAttribute("range", range);
        model.addAttribute("currencies", planning.currencies());
        List<RampProfile> profiles = planning.profiles();
        model.addAttribute("profiles", profiles);
        Map<Long, String> profileNames = new LinkedHashMap<>();
        profiles.forEach(p -> profileNames.put(p.id(), p.name()));
        model.addAttribute("profileNames", profileNames);
        model.addAttribute("hires", planning.hires(range.currency()));
        model.addAttribute("leavings", planning.leavings(range.currency()));
        model.addAttribute("teams", teams.all());
        model.addAttribute("teamNames", teams.names());
        model.addAttribute("reps", planning.repsToName(range.currency()));
        BigDecimal attainment = planning.expectedAttainment(range.currency());
        model.addAttribute(
                "attainmentText",
                LocaleNumbers.format(attainment.multiply(HUNDRED).stripTrailingZeros(), locale));
        Map<String, String> targetText = new LinkedHashMap<>();
        Map<YearMonth, BigDecimal> targets = planning.targets(range.currency());
        for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
            targetText.put(m.toString(), targets.containsKey(m) ? LocaleNumbers.format(targets.get(m), locale) : "");
        }
        model.addAttribute("targetText", targetText);
        model.addAttribute("targetPlan", planning.targetPlan(range.currency()).orElse(null));
        model.addAttribute("targetPlanChoices", planning.targetPlanChoices(range.currency()));
        try {
            result(planning.plan(range.currency(), range.from(), range.to(), WhatIf.none()), false, locale, model);
        } catch (CapacityProblem.Refused e) {
            model.addAttribute("resultProblems", CapacityForms.texts(e.capacityProblems(), messages, locale));
        }
        return "planning/capacity";
    }

    /** The what-if: the result part again, computed with the form's changes; nothing is saved. */
    @PostMapping("/planning/capacity/what-if")
    String whatIf(@AuthenticationPrincipal AttainUser user, WebRequest request, Locale locale, Model model) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        CapacityForms form = new CapacityForms(locale);
        BigDecimal percent = form.number("expectedAttainment", request.getParameter("attainment"));
        Set<Long> dropHires = dropped(request, "hireShown", "keepHire");
        Set<Long> dropLeavings = dropped(request, "leavingShown", "keepLeaving");
        List<PlannedHire> extraHires = new ArrayList<>();
        String role = request.getParameter("wiRole");
        String starts = request.getParameter("wiStartsOn");
        String quota = request.getParameter("wiQuota");
        if (!blank(starts) || !blank(quota)) {
            Integer heads = form.whole("hires[1].headcount", request.getParameter("wiHeadcount"));
            Long ramp = id(request.getParameter("wiRamp"));
            extraHires.add(new PlannedHire(
                    null,
                    blank(role) ? messages.getMessage("capacity.whatif.hireRole", null, locale) : role,
                    form.date("hires[1].startsOn", starts),
                    null,
                    null,
                    range.currency(),
                    heads == null ? 1 : heads,
                    form.number("hires[1].monthlyQuota", quota),
                    ramp));
        }
        List<PlannedLeaving> extraLeavings = new ArrayList<>();
        String leavers = request.getParameter("wiLeavers");
        if (!blank(leavers) || !blank(request.getParameter("wiLeavesOn"))) {
            Integer count = form.whole("attrition[1].headcount", leavers);
            extraLeavings.add(new PlannedLeaving(
                    null,
                    null,
                    count == null ? 1 : count,
                    form.date("attrition[1].leavesOn", request.getParameter("wiLeavesOn")),
                    range.currency(),
                    null));
        }
        model.addAttribute("range", range);
        if (!form.problems.isEmpty()) {
            model.addAttribute("resultProblems", CapacityForms.texts(form.problems, messages, locale));
            return "planning/capacity :: result";
        }
        WhatIf whatIf = new WhatIf(
                percent == null ? null : percent.divide(HUNDRED), dropHires, dropLeavings, extraHires, extraLeavings);
        try {
            result(
                    planning.plan(range.currency(), range.from(), range.to(), whatIf),
                    whatIf.changesAnything(),
                    locale,
                    model);
        } catch (CapacityProblem.Refused e) {
            model.addAttribute("resultProblems", CapacityForms.texts(e.capacityProblems(), messages, locale));
        }
        return "planning/capacity :: result";
    }

    @PostMapping("/planning/capacity/targets")
    String saveTargets(
            @AuthenticationPrincipal AttainUser user, WebRequest request, Locale locale, RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        CapacityForms form = new CapacityForms(locale);
        BigDecimal percent = form.number("expectedAttainment", request.getParameter("attainment"));
        Map<YearMonth, BigDecimal> targets = new LinkedHashMap<>();
        for (YearMonth m = range.from(); !m.isAfter(range.to()); m = m.plusMonths(1)) {
            targets.put(m, form.number("targets[" + m + "].amount", request.getParameter("target-" + m)));
        }
        boolean fromPlan = planning.targetPlan(range.currency()).isPresent();
        return save(flash, range, form, locale, "capacity.targets.saved", () -> {
            if (fromPlan) { // the months are the plan's, shown but not sent: only the attainment changes
                planning.setExpectedAttainment(
                        range.currency(), percent == null ? null : percent.divide(HUNDRED), user.getUsername());
            } else {
                planning.setTargetsAndAttainment(
                        range.currency(),
                        targets,
                        percent == null ? null : percent.divide(HUNDRED),
                        user.getUsername());
            }
        });
    }

    /** Takes the target from a quota plan's top, or (planId empty) back to the typed months. */
    @PostMapping("/planning/capacity/target-plan")
    String saveTargetPlan(
            @AuthenticationPrincipal AttainUser user, WebRequest request, Locale locale, RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        Long planId = id(request.getParameter("planId"));
        return save(
                flash,
                range,
                new CapacityForms(locale),
                locale,
                planId == null ? "capacity.targetPlan.dropped" : "capacity.targetPlan.saved",
                () -> planning.setTargetPlan(range.currency(), planId, user.getUsername()));
    }

    @PostMapping("/planning/capacity/ramp-profiles")
    String saveProfile(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String cutoffDay,
            @RequestParam(required = false) String percents,
            @RequestParam(required = false) String isDefault,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        CapacityForms form = new CapacityForms(locale);
        Integer cutoff = form.whole("cutoffDay", cutoffDay);
        List<BigDecimal> steps = form.percents("percents", percents);
        RampProfile profile = new RampProfile(
                id, name, cutoff == null ? RampProfile.DEFAULT_CUTOFF_DAY : cutoff, steps, isDefault != null);
        return save(
                flash,
                range,
                form,
                locale,
                "capacity.ramp.saved",
                () -> planning.saveProfile(profile, user.getUsername()));
    }

    @PostMapping("/planning/capacity/ramp-profiles/{id}/delete")
    String deleteProfile(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        return save(
                flash,
                range,
                new CapacityForms(locale),
                locale,
                "capacity.ramp.deleted",
                () -> planning.deleteProfile(id, user.getUsername()));
    }

    @PostMapping("/planning/capacity/hires")
    String addHire(
            @AuthenticationPrincipal AttainUser user, WebRequest request, Locale locale, RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        CapacityForms form = new CapacityForms(locale);
        Integer heads = form.whole("headcount", request.getParameter("headcount"));
        String team = request.getParameter("teamId");
        String ramp = request.getParameter("rampProfileId");
        PlannedHire hire = new PlannedHire(
                null,
                request.getParameter("role"),
                form.date("startsOn", request.getParameter("startsOn")),
                form.date("endsOn", request.getParameter("endsOn")),
                id(team),
                range.currency(),
                heads == null ? 1 : heads,
                form.number("monthlyQuota", request.getParameter("monthlyQuota")),
                id(ramp));
        if (form.problems.isEmpty() && hire.startsOn() == null) {
            form.problems.add(new CapacityProblem("startsOn", "capacity.hire.start.missing", "is required"));
        }
        return save(
                flash, range, form, locale, "capacity.hire.saved", () -> planning.addHire(hire, user.getUsername()));
    }

    @PostMapping("/planning/capacity/hires/{id}/delete")
    String removeHire(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        return save(
                flash,
                range,
                new CapacityForms(locale),
                locale,
                "capacity.hire.deleted",
                () -> planning.removeHire(id, user.getUsername()));
    }

    @PostMapping("/planning/capacity/attrition")
    String addLeaving(
            @AuthenticationPrincipal AttainUser user, WebRequest request, Locale locale, RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        CapacityForms form = new CapacityForms(locale);
        String person = request.getParameter("personId");
        Integer count = blank(person) ? form.whole("headcount", request.getParameter("headcount")) : null;
        PlannedLeaving leaving = new PlannedLeaving(
                null,
                id(person),
                count,
                form.date("leavesOn", request.getParameter("leavesOn")),
                range.currency(),
                null);
        return save(
                flash,
                range,
                form,
                locale,
                "capacity.leaving.saved",
                () -> planning.addLeaving(leaving, user.getUsername()));
    }

    @PostMapping("/planning/capacity/attrition/{id}/delete")
    String removeLeaving(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            WebRequest request,
            Locale locale,
            RedirectAttributes flash) {
        mustPlan(user);
        Range range = range(request.getParameter("currency"), request.getParameter("from"), request.getParameter("to"));
        return save(
                flash,
                range,
                new CapacityForms(locale),
                locale,
                "capacity.leaving.deleted",
                () -> planning.removeLeaving(id, user.getUsername()));
    }

    // ---- helpers

    record Range(String currency, YearMonth from, YearMonth to) {
        String query() {
            return "currency=" + currency + "&from=" + from + "&to=" + to;
        }
    }

    private Range range(String currency, String from, String to) {
        List<String> currencies = planning.currencies();
        String c = currency != null && currencies.contains(currency)
                ? currency
                : currencies.isEmpty() ? "USD" : currencies.get(0);
        YearMonth[] year = planning.thisFiscalYear();
        YearMonth f = CapacityForms.month(from, year[0]);
        YearMonth t = CapacityForms.month(to, year[1]);
        if (t.isBefore(f) || f.plusMonths(36).isBefore(t.plusMonths(1))) {
            // A reversed or overlong range on the page falls back to the fiscal year (the API refuses it with a
            // reason).
            f = year[0];
            t = year[1];
        }
        return new Range(c, f, t);
    }

    private String save(
            RedirectAttributes flash, Range range, CapacityForms form, Locale locale, String notice, Runnable write) {
        if (!form.problems.isEmpty()) {
            flash.addFlashAttribute("problems", CapacityForms.texts(form.problems, messages, locale));
            return "redirect:/planning/capacity?" + range.query();
        }
        try {
            write.run();
            flash.addFlashAttribute("notice", notice);
        } catch (CapacityProblem.Refused e) {
            flash.addFlashAttribute("problems", CapacityForms.texts(e.capacityProblems(), messages, locale));
        }
        return "redirect:/planning/capacity?" + range.query();
    }

    private void result(CapacityPlan plan, boolean whatIf, Locale locale, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("whatIf", whatIf);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("MMM yyyy", locale);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put(
                "categories",
                plan.months().stream()
                        .map(l -> YearMonth.parse(l.period()).format(label))
                        .toList());
        chart.put("capacity", plan.months().stream().map(l -> l.capacity()).toList());
        chart.put("target", plan.months().stream().map(l -> l.target()).toList());
        chart.put("capacityName", messages.getMessage("capacity.col.capacity", null, locale));
        chart.put("targetName", messages.getMessage("capacity.col.target", null, locale));
        chart.put("currency", plan.currency()); // issue 21.4: the axis names its one currency
        model.addAttribute("chartJson", json.writeValueAsString(chart)); // a data-* attribute: no inline script (CSP)
        // Issue 21.4: the chart's numbers as a table view below it, series in the chart's order.
        model.addAttribute("chart", chart);
        model.addAttribute("chartNames", List.of(chart.get("capacityName"), chart.get("targetName")));
        model.addAttribute("chartValues", List.of(chart.get("capacity"), chart.get("target")));
        Map<String, String> monthNames = new LinkedHashMap<>();
        plan.months()
                .forEach(l ->
                        monthNames.put(l.period(), YearMonth.parse(l.period()).format(label)));
        model.addAttribute("monthNames", monthNames);
    }

    private static Long id(String text) {
        try {
            return blank(text) ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static Set<Long> dropped(WebRequest request, String shown, String kept) {
        Set<Long> dropped = new HashSet<>();
        String[] all = request.getParameterValues(shown);
        String[] keep = request.getParameterValues(kept);
        Set<String> keeping = keep == null ? Set.of() : new HashSet<>(List.of(keep));
        if (all != null) {
            for (String id : all) {
                if (!keeping.contains(id)) {
                    Long n = id(id);
                    if (n != null) {
                        dropped.add(n);
                    }
                }
            }
        }
        return dropped;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
