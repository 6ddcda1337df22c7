package org.attain.plan.web;

import java.util.List;
import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.plan.EffectiveDateRefused;
import org.attain.plan.PlanRejectedException;
import org.attain.plan.PlanScenarios;
import org.attain.plan.PlanTemplates;
import org.attain.plan.Plans;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.attain.platform.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan pages: list, editor that validates as you type (htmx posts the text, the server compiles
 * it and answers with the problems, or the compiled structure and any warnings), versions with diffs,
 * and the plan's scenarios run against the draft before it is published. Publishing a plan without a
 * scenario, or with one that fails, first asks the author to confirm.
 */
@Controller
class PlanPages {

    private final Plans plans;
    private final PlanScenarios scenarios;
    private final ProblemTexts texts;
    private final org.springframework.context.MessageSource messages;
    private final java.time.Clock clock;

    PlanPages(
            Plans plans,
            PlanScenarios scenarios,
            ProblemTexts texts,
            org.springframework.context.MessageSource messages,
            java.time.Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.plans = plans;
        this.scenarios = scenarios;
        this.texts = texts;
    }

    @GetMapping("/plans")
    String list(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) String use,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        requireBackOffice(user);
        var paged = plans.page(q, currency, use, java.time.LocalDate.now(clock), PageRequest.of(page, size));
        model.addAttribute("plans", paged.items());
        model.addAttribute("plansPage", paged);
        model.addAttribute("q", q);
        model.addAttribute("currency", currency);
        model.addAttribute("use", use);
        model.addAttribute("currencies", plans.currencies());
        model.addAttribute("uses", Plans.USE);
        model.addAttribute("canEdit", canEdit(user));
        return "plan/list";
    }

    @GetMapping("/plans/{key}")
    String editor(@AuthenticationPrincipal AttainUser user, @PathVariable String key, Model model, Locale locale) {
        requireBackOffice(user);
        var versions = plans.versions(key);
        if (versions.isEmpty() && !"new".equals(key)) {
            throw new NotFoundException("plan", key);
        }
        String source = versions.isEmpty()
                ? NEW_PLAN
                : versions.get(versions.size() - 1).source();
        model.addAttribute("key", key);
        model.addAttribute("versions", versions);
        model.addAttribute("source", source);
        model.addAttribute("scenarios", scenarios.of(key));
        model.addAttribute("assignments", plans.assignments(key));
        check(source, model, locale);
        model.addAttribute("canEdit", canEdit(user));
        return "plan/editor";
    }

    @PostMapping("/plans/validate")
    String validate(@AuthenticationPrincipal AttainUser user, @RequestParam String source, Model model, Locale locale) {
        requireBackOffice(user);
        check(source, model, locale);
        return "plan/editor :: check";
    }

    /**
     * Publishes after the plan's scenarios pass against the text; with none attached, or one failing, the
     * editor comes back asking to confirm (the same form, sent again with {@code confirm=true}).
     */
    @PostMapping("/plans/{key}/publish")
    String publish(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam String source,
            @RequestParam(defaultValue = "false") boolean confirm,
            @RequestParam(required = false) String effectiveFrom,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        requireEditor(user);
        Plans.PlanCheck check = check(source, model, locale);
        model.addAttribute("effectiveFrom", effectiveFrom);
        java.time.LocalDate from;
        try {
            from = effectiveFrom == null || effectiveFrom.isBlank()
                    ? null
                    : java.time.LocalDate.parse(effectiveFrom.trim());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute(
                    "refusal", messages.getMessage("plan.versions.badDate", new Object[] {effectiveFrom}, locale));
            return editorAgain(key, source, model);
        }
        try {
            if (!check.ok()) {
                throw new PlanRejectedException(check.errors());
            }
            List<PlanScenarios.Outcome> outcomes = scenarios.runAll(check.planKey(), source);
            if (!confirm && PlanScenarios.needConfirmation(outcomes)) {
                model.addAttribute("outcomes", texts.localizedOutcomes(outcomes, locale));
                model.addAttribute(
                        "confirmPublish", outcomes.isEmpty() ? "plans.confirm.noScenario" : "plans.confirm.failing");
                model.addAttribute(
                        "failing", outcomes.stream().filter(o -> !o.passed()).count());
                return editorAgain(key, source, model);
            }
            var published = plans.publish(source, user.getUsername(), from);
            flash.addFlashAttribute("notice", "plans.publishedVersion");
            flash.addFlashAttribute("version", published.version());
            return "redirect:/plans/" + published.planKey();
        } catch (EffectiveDateRefused e) {
            model.addAttribute("refusal", messages.getMessage(e.code(), e.args().toArray(), locale));
            return editorAgain(key, source, model);
        } catch (PlanRejectedException e) {
            model.addAttribute("problems", texts.localized(e.problems(), locale));
            model.addAttribute("structure", null);
            model.addAttribute("problem", "plans.notPublished");
            return editorAgain(key, source, model);
        }
    }

    private String editorAgain(String key, String source, Model model) {
        model.addAttribute("key", key);
        model.addAttribute("versions", plans.versions(key));
        model.addAttribute("source", source);
        model.addAttribute("scenarios", scenarios.of(key));
        model.addAttribute("canEdit", true);
        return "plan/editor";
    }

    /** Errors, or the structure and the warnings: what the check panel shows. */
    private Plans.PlanCheck check(String source, Model model, Locale locale) {
        Plans.PlanCheck check = plans.check(source);
        model.addAttribute("problems", texts.localized(check.errors(), locale));
        model.addAttribute("warnings", texts.localized(check.warnings(), locale));
        model.addAttribute("structure", check.ok() ? plans.structure(source) : null);
        return check;
    }

    @PostMapping("/plans/{key}/scenarios/run")
    String runScenarios(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam String source,
            Model model,
            Locale locale) {
        requireBackOffice(user);
        model.addAttribute("outcomes", texts.localizedOutcomes(scenarios.runAll(key, source), locale));
        return "plan/editor :: outcomes";
    }

    @PostMapping("/plans/{key}/scenarios")
    String attach(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam String name,
            @RequestParam String body,
            RedirectAttributes flash) {
        requireEditor(user);
        if (name.isBlank() || body.isBlank()) {
            flash.addFlashAttribute("problem", "plans.scenarioIncomplete");
        } else {
            scenarios.attach(key, name.trim(), body, user.getUsername());
            flash.addFlashAttribute("notice", "plans.scenarioSaved");
        }
        return "redirect:/plans/" + key;
    }

    /** Removes an attached scenario, including one whose text no longer reads. */
    @PostMapping("/plans/{key}/scenarios/{id}/delete")
    String deleteScenario(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @PathVariable long id,
            RedirectAttributes flash) {
        requireEditor(user);
        if (!scenarios.delete(key, id, user.getUsername())) {
            throw new NotFoundException("scenario", Long.toString(id));
        }
        flash.addFlashAttribute("notice", "editor.scenario.deleted");
        return "redirect:/plans/" + key;
    }

    @GetMapping("/plans/{key}/diff")
    String diff(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam int from,
            @RequestParam int to,
            Model model) {
        requireBackOffice(user);
        model.addAttribute("key", key);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("lines", plans.diff(key, from, to));
        return "plan/diff";
    }

    private static boolean canEdit(AttainUser user) {
        return user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN);
    }

    private static void requireEditor(AttainUser user) {
        if (!canEdit(user)) {
            throw new ForbiddenException("Only admins and comp admins edit plans.");
        }
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
    }

    static final String NEW_PLAN = PlanTemplates.accountExecutive("new-plan", "New plan", "USD");
}
