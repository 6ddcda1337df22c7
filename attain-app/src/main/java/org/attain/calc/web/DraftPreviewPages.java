package org.attain.calc.web;

import java.util.Locale;
import org.attain.access.AttainUser;
import org.attain.access.Role;
import org.attain.calc.DraftPreviews;
import org.attain.plan.PlanScenarios;
import org.attain.plan.Plans;
import org.attain.platform.ForbiddenException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan editor's card for real data (loaded into plan/editor.html): pick a person assigned to the plan
 * and a period, see their statement under the draft in the editor beside the published one, or save a
 * scenario made from their real deals (expected: what they are paid today) to the plan's scenarios.
 */
@Controller
class DraftPreviewPages {

    private final DraftPreviews previews;
    private final Plans plans;
    private final PlanScenarios scenarios;

    DraftPreviewPages(DraftPreviews previews, Plans plans, PlanScenarios scenarios) {
        this.previews = previews;
        this.plans = plans;
        this.scenarios = scenarios;
    }

    @GetMapping("/plans/{key}/preview")
    String card(@AuthenticationPrincipal AttainUser user, @PathVariable String key, Model model) {
        requireBackOffice(user);
        model.addAttribute("key", key);
        model.addAttribute(
                "people",
                plans.assignments(key).stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Plans.Assignment::personId,
                                Plans.Assignment::name,
                                (a, b) -> a,
                                java.util.TreeMap::new)));
        model.addAttribute("periods", previews.periods());
        model.addAttribute("canEdit", user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN));
        return "plan/editor-preview :: card";
    }

    @PostMapping("/plans/{key}/preview")
    String preview(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam long personId,
            @RequestParam String period,
            @RequestParam String source,
            Model model) {
        requireBackOffice(user);
        requireAssigned(key, personId);
        model.addAttribute("preview", previews.preview(personId, period, source).orElse(null));
        return "plan/editor-preview :: result";
    }

    @PostMapping("/plans/{key}/scenarios/from-deals")
    String scenarioFromDeals(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String key,
            @RequestParam long personId,
            @RequestParam String period,
            RedirectAttributes flash,
            Locale locale) {
        if (!(user.has(Role.ADMIN) || user.has(Role.COMP_ADMIN))) {
            throw new ForbiddenException("Only admins and comp admins edit plans.");
        }
        requireAssigned(key, personId);
        var drafted = previews.scenario(personId, period);
        if (drafted.isEmpty()) {
            flash.addFlashAttribute("problem", "editor.fromDeals.none");
        } else {
            scenarios.attach(key, drafted.get().name(), drafted.get().yaml(), user.getUsername());
            flash.addFlashAttribute("notice", "editor.fromDeals.saved");
        }
        return "redirect:/plans/" + key;
    }

    private void requireAssigned(String key, long personId) {
        if (plans.assignments(key).stream().noneMatch(a -> a.personId() == personId)) {
            throw new ForbiddenException("This person is not assigned to the plan.");
        }
    }

    private static void requireBackOffice(AttainUser user) {
        if (!user.seesEveryone()) {
            throw new ForbiddenException("Plans are for the back office.");
        }
    }
}
