package org.attain.planning.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.calendar.PeriodKind;
import org.attain.calendar.Periods;
import org.attain.planning.AllocationMethod;
import org.attain.planning.PlanRefused;
import org.attain.planning.PlanState;
import org.attain.planning.QuotaPlan;
import org.attain.planning.QuotaPlans;
import org.attain.platform.InvalidInputException;
import org.attain.platform.LocaleNumbers;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The planner's pages: the plans, and one plan with its tree, allocation, waterfall, reconciliation and states. */
@Controller
class QuotaPlanPages {

    private final QuotaPlans plans;
    private final Periods periods;
    private final MessageSource messages;
    private final QuotaPlanView view;

    QuotaPlanPages(QuotaPlans plans, Periods periods, MessageSource messages, QuotaPlanView view) {
        this.plans = plans;
        this.view = view;
        this.periods = periods;
        this.messages = messages;
    }

    @GetMapping("/planning/quotas")
    String list(@AuthenticationPrincipal AttainUser user, Model model) {
        List<QuotaPlan> all = plans.list(user);
        model.addAttribute("plans", all);
        model.addAttribute("planner", QuotaPlanView.planner(user));
        List<Periods.PeriodRow> choices = new ArrayList<>(periods.list(PeriodKind.YEAR, null));
        choices.addAll(periods.list(PeriodKind.QUARTER, null));
        model.addAttribute(
                "periods",
                choices.stream().filter(p -> p.status().name().equals("OPEN")).toList());
        model.addAttribute("methods", QuotaPlanView.METHODS);
        return "planning/plans";
    }

    @PostMapping("/planning/quotas")
    String create(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String name,
            @RequestParam String periodId,
            @RequestParam String target,
            @RequestParam(required = false) AllocationMethod defaultMethod,
            Locale locale,
            RedirectAttributes flash) {
        try {
            BigDecimal amount = LocaleNumbers.amount("target", target, locale);
            QuotaPlan plan =
                    plans.create(new QuotaPlans.NewPlan(name, periodId, null, amount, null, null, defaultMethod), user);
            flash.addFlashAttribute(
                    "notice", messages.getMessage("planning.created", new Object[] {plan.name()}, locale));
            return "redirect:/planning/quotas/" + plan.id();
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", problems(e, locale));
            return "redirect:/planning/quotas";
        }
    }

    @GetMapping("/planning/quotas/{id}")
    String plan(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam(required = false) Long node,
            Locale locale,
            Model model) {
        QuotaPlans.Detail detail = plans.detail(id, user);
        view.fill(model, detail, node, locale);
        return "planning/plan";
    }

    @PostMapping("/planning/quotas/{id}/settings")
    String settings(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes flash) {
        return change(
                id,
                locale,
                flash,
                "planning.saved",
                () -> plans.settings(
                        id,
                        new QuotaPlans.Settings(
                                amount(form, "target", locale),
                                form.get("defaultMethod") == null
                                        ? null
                                        : AllocationMethod.valueOf(form.get("defaultMethod")),
                                amount(form, "blendEven", locale),
                                amount(form, "blendHistory", locale),
                                amount(form, "blendPipeline", locale),
                                amount(form, "upliftPercent", locale)),
                        user));
    }

    @PostMapping("/planning/quotas/{id}/methods")
    String methods(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes flash) {
        // Refused before the form is read: a manager's empty form was thanked as "saved".
        QuotaPlans.requirePlanner(user);
        return change(id, locale, flash, "planning.saved", () -> {
            Map<Long, AllocationMethod> current = new LinkedHashMap<>();
            plans.detail(id, user)
                    .lines()
                    .forEach(l -> current.put(l.node().personId(), l.node().method()));
            form.forEach((key, value) -> {
                if (key.startsWith("method-")) {
                    long person = Long.parseLong(key.substring("method-".length()));
                    AllocationMethod chosen = value.isBlank() ? null : AllocationMethod.valueOf(value);
                    if (current.containsKey(person) && current.get(person) != chosen) {
                        plans.method(id, person, chosen, user);
                    }
                }
            });
        });
    }

    @PostMapping("/planning/quotas/{id}/submissions")
    String submit(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes flash) {
        // Refused before the form is read: an empty form from a rep was thanked as "submitted".
        plans.requireVisible(id, user);
        return change(
                id,
                locale,
                flash,
                "planning.done.submitted",
                () -> form.forEach((key, value) -> {
                    if (key.startsWith("submit-") && !value.isBlank() && !value.equals(form.get("shown-" + key))) {
                        plans.submit(
                                id,
                                Long.parseLong(key.substring("submit-".length())),
                                LocaleNumbers.amount(key, value, locale),
                                user);
                    }
                }));
    }

    @PostMapping("/planning/quotas/{id}/state")
    String state(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable long id,
            @RequestParam PlanState state,
            Locale locale,
            RedirectAttributes flash) {
        return change(id, locale, flash, "planning.moved." + state.name(), () -> plans.move(id, state, user));
    }

    @GetMapping("/planning/quotas/{id}/allocation.csv")
    ResponseEntity<String> csv(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"quota-plan-" + id + ".csv\"")
                .body(AllocationCsv.of(plans.detail(id, user)));
    }

    @GetMapping("/planning/quotas/{id}/targets.csv")
    ResponseEntity<String> targetsCsv(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return QuotaPlansApi.csv(
                "quota-plan-" + id + "-targets.csv",
                PlanNumbersCsv.of(PlanNumbersCsv.TARGETS, plans.targetRows(id, user)));
    }

    @GetMapping("/planning/quotas/{id}/submissions.csv")
    ResponseEntity<String> submissionsCsv(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        return QuotaPlansApi.csv(
                "quota-plan-" + id + "-submissions.csv",
                PlanNumbersCsv.of(PlanNumbersCsv.SUBMISSIONS, plans.submissionRows(id, user)));
    }

    private String change(long id, Locale locale, RedirectAttributes flash, String done, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("notice", messages.getMessage(done, null, locale));
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problems", problems(e, locale));
        }
        return "redirect:/planning/quotas/" + id;
    }

    private static BigDecimal amount(Map<String, String> form, String field, Locale locale) {
        String text = form.get(field);
        return text == null || text.isBlank() ? null : LocaleNumbers.amount(field, text, locale);
    }

    /** Each problem in the user's language: the plan's own with their arguments, others by their key. */
    private List<String> problems(InvalidInputException e, Locale locale) {
        if (e instanceof PlanRefused refused) {
            return refused.details().stream()
                    .map(p -> messages.getMessage(p.code(), p.args().toArray(), p.field() + ": " + p.reason(), locale))
                    .toList();
        }
        return e.problems().stream()
                .map(p -> messages.getMessage(p.code(), null, p.field() + ": " + p.reason(), locale))
                .toList();
    }
}
