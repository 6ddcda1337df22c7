package org.attain.plan.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.plan.Plans;
import org.attain.platform.ForbiddenException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan builder: the plan document as a form (every concept of the plan language, tiers and curve points as
 * tables, curves and tiers drawn as they are typed) beside its YAML. The YAML stays the source: the form is read
 * from it, saving writes the form's changes back into it ({@link PlanFormWriter}) and shows the result with the plan
 * check's problems at the fields they concern; publishing goes through the plan editor's own publish.
 */
@Controller
class PlanBuilderPages {

    /** Where a plan built from the form starts: what the plan needs besides its components. */
    static final String BLANK_PLAN = """
            id: new-plan
            name: New plan
            currency: USD
            frequency: quarter
            """;

    private final Plans plans;
    private final ProblemTexts texts;
    private final MessageSource messages;

    PlanBuilderPages(Plans plans, ProblemTexts texts, MessageSource messages) {
        this.plans = plans;
        this.texts = texts;
        this.messages = messages;
    }

    @GetMapping("/plans/{key}/builder")
    String builder(@AuthenticationPrincipal AttainUser user, @PathVariable String key, Model model, Locale locale) {
        requireEditor(user);
        var versions = plans.versions(key);
        if (versions.isEmpty() && !"new".equals(key)) {
            throw new NotFoundException("plan", key);
        }
        String source = versions.isEmpty()
                ? BLANK_PLAN
                : versions.get(versions.size() - 1).source();
        return render(key, source, false, model, locale);
    }

    /** The form of a draft (from the YAML editor or the builder's YAML view). */
    @PostMapping("/plans/{key}/builder")
    String fromYaml(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam String source,
            Model model,
            Locale locale) {
        requireEditor(user);
        return render(key, source, false, model, locale);
    }

    /** Writes the form into the draft's YAML (and adds or removes a component or measure when asked). */
    @PostMapping("/plans/{key}/builder/save")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam String source,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        requireEditor(user);
        Map<String, List<String>> params = new LinkedHashMap<>(form);
        params.remove("source");
        params.remove("_csrf");
        String written = PlanFormWriter.write(source, params);
        return render(key, written, true, model, locale);
    }

    private String render(String key, String source, boolean saved, Model model, Locale locale) {
        PlanForm form = PlanForm.read(source);
        Plans.PlanCheck check = plans.check(source);
        List<Plans.Problem> problems = texts.localized(check.errors(), locale);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        for (Plans.Problem p : problems) {
            String field = form.readable() ? form.fieldAt(p.line()) : "plan";
            errors.computeIfAbsent(field, f -> new ArrayList<>()).add(p.reason());
            summary.add(messages.getMessage(
                    "builder.problemAt", new Object[] {p.line(), where(form, field, locale), p.reason()}, locale));
        }
        model.addAttribute("key", key);
        model.addAttribute("source", source);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("summary", summary);
        model.addAttribute("ok", check.ok());
        model.addAttribute("saved", saved);
        model.addAttribute("warnings", texts.localized(check.warnings(), locale));
        model.addAttribute("kinds", PlanForm.KINDS);
        return "plan/builder";
    }

    /** A field name in words: "component commission · Tiers". */
    private String where(PlanForm form, String field, Locale locale) {
        String[] parts = field.split("\\.");
        List<String> words = new ArrayList<>();
        if (parts[0].startsWith("c") && parts[0].length() > 1 && Character.isDigit(parts[0].charAt(1))) {
            int i = Integer.parseInt(parts[0].substring(1));
            String id = i < form.components().size() ? form.components().get(i).id() : parts[0];
            words.add(messages.getMessage("builder.component", new Object[] {id}, locale));
        } else if (parts[0].startsWith("m") && parts[0].length() > 1 && Character.isDigit(parts[0].charAt(1))) {
            int i = Integer.parseInt(parts[0].substring(1));
            String id = i < form.measures().size() ? form.measures().get(i).id() : parts[0];
            words.add(messages.getMessage("builder.measure", new Object[] {id}, locale));
        } else {
            words.add(messages.getMessage("builder.plan", null, locale));
        }
        if (parts.length > 1) {
            String k = parts[parts.length - 1];
            String label = messages.getMessage("builder.field." + k, null, null, locale);
            if (label == null) {
                label = messages.getMessage("builder.table." + k, null, null, locale);
            }
            if (label == null) {
                label = messages.getMessage("builder.group." + k, null, k, locale);
            }
            words.add(label);
        }
        return String.join(" · ", words);
    }

    private static void requireEditor(AttainUser user) {
        if (!(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("Only admins and comp admins edit plans.");
        }
    }
}
