package org.attain.payout.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.payout.ApprovalChains;
import org.attain.payout.ApproverKind;
import org.attain.payout.Backoffice;
import org.attain.platform.FieldProblem;
import org.attain.platform.ForbiddenException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Issue 21.8: the approval chains page for admins and comp admins: the chains per plan or team with their ordered
 * levels, a form to create or edit one (up to five levels, each the payee's manager or finance, as
 * {@link ApprovalChains} allows) and delete; a refused form names each field in the user's language.
 */
@Controller
class ApprovalChainPages {

    static final int MAX_LEVELS = 5;

    private final ApprovalChains chains;
    private final org.attain.org.Teams teams;
    private final MessageSource messages;

    ApprovalChainPages(ApprovalChains chains, org.attain.org.Teams teams, MessageSource messages) {
        this.chains = chains;
        this.teams = teams;
        this.messages = messages;
    }

    /** One choice of what a chain applies to: {@code plan:<key>} or {@code team:<id>}. */
    record Scope(String value, String label) {}

    @GetMapping("/approvals/chains")
    String page(@AuthenticationPrincipal AttainUser user, @RequestParam(required = false) Long edit, Model model) {
        mustSet(user);
        List<ApprovalChains.Chain> all = chains.all();
        if (!model.containsAttribute("form")) {
            Map<String, String> form = new LinkedHashMap<>();
            if (edit != null) {
                ApprovalChains.Chain c = all.stream()
                        .filter(x -> x.id() == edit)
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("approval chain", edit));
                form.put("id", String.valueOf(c.id()));
                form.put("scope", c.planKey() != null ? "plan:" + c.planKey() : "team:" + c.teamId());
                for (int i = 0; i < c.levels().size(); i++) {
                    form.put("level" + (i + 1), c.levels().get(i).name());
                }
            }
            model.addAttribute("form", form);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("chains", all);
        model.addAttribute("planNames", planNames());
        model.addAttribute(
                "planScopes",
                planNames().entrySet().stream()
                        .map(e -> new Scope("plan:" + e.getKey(), e.getValue()))
                        .toList());
        model.addAttribute(
                "teamScopes",
                teams.all().stream()
                        .map(t -> new Scope("team:" + t.id(), t.name()))
                        .toList());
        model.addAttribute(
                "levelNumbers",
                java.util.stream.IntStream.rangeClosed(1, MAX_LEVELS).boxed().toList());
        model.addAttribute("kinds", ApproverKind.values());
        return "payout/chains";
    }

    @PostMapping("/approvals/chains")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> in,
            Locale locale,
            RedirectAttributes redirect) {
        mustSet(user);
        Map<String, String> form = new LinkedHashMap<>();
        for (String k : List.of("id", "scope", "level1", "level2", "level3", "level4", "level5")) {
            form.put(k, in.getOrDefault(k, "").strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String scope = form.get("scope");
        String planKey = null;
        Long teamId = null;
        if (scope.startsWith("plan:") && scope.length() > 5) {
            planKey = scope.substring(5);
        } else if (scope.startsWith("team:")) {
            try {
                teamId = Long.valueOf(scope.substring(5));
            } catch (NumberFormatException e) {
                teamId = null;
            }
        }
        if (planKey == null && teamId == null) {
            errors.put("scope", messages.getMessage("chains.error.scope", null, locale));
        }
        List<ApproverKind> levels = new ArrayList<>();
        int gap = 0;
        for (int i = 1; i <= MAX_LEVELS; i++) {
            String v = form.get("level" + i);
            if (v.isEmpty()) {
                gap = gap == 0 ? i : gap;
                continue;
            }
            if (gap > 0) {
                errors.putIfAbsent(
                        "level" + gap, messages.getMessage("chains.error.gap", new Object[] {gap, i}, locale));
            }
            try {
                levels.add(ApproverKind.valueOf(v));
            } catch (IllegalArgumentException e) {
                errors.put("level" + i, messages.getMessage("chains.error.kind", null, locale));
            }
        }
        if (levels.isEmpty() && !errors.containsKey("level1")) {
            errors.put("level1", messages.getMessage("chains.error.levels", null, locale));
        }
        if (errors.isEmpty()) {
            try {
                ApprovalChains.Chain saved = chains.set(user, planKey, teamId, levels);
                Long old = form.get("id").isEmpty() ? null : Long.valueOf(form.get("id"));
                if (old != null && old != saved.id() && chains.all().stream().anyMatch(c -> c.id() == old)) {
                    // Edited to another plan or team: the chain moves there.
                    chains.remove(user, old);
                }
                redirect.addFlashAttribute("notice", "chains.saved");
                return "redirect:/approvals/chains";
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    errors.put(
                            "levels".equals(p.field()) ? "level1" : "scope",
                            messages.getMessage(p.code(), null, p.reason(), locale));
                }
            } catch (NotFoundException e) {
                errors.put("scope", messages.getMessage("chains.error.scope", null, locale));
            }
        }
        redirect.addFlashAttribute("form", form);
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/approvals/chains";
    }

    @PostMapping("/approvals/chains/{id}/delete")
    String delete(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes redirect) {
        mustSet(user);
        chains.remove(user, id);
        redirect.addFlashAttribute("notice", "chains.deleted");
        return "redirect:/approvals/chains";
    }

    private Map<String, String> planNames() {
        return chains.planNames();
    }

    private static void mustSet(AttainUser user) {
        if (!Backoffice.compAdmin(user)) {
            throw new ForbiddenException("Approval chains are set by admins and comp admins.");
        }
    }
}
