package org.attain.territory.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.territory.TerritoryCreditingPolicies;
import org.attain.territory.TerritoryRefused;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The crediting policy section of the territories page: saved as a whole, or sent back to the page with what was
 * chosen and a message per field in the page's language (nothing saved).
 */
@Controller
class CreditingPolicyForm {

    private final TerritoryCreditingPolicies policies;
    private final MessageSource messages;

    CreditingPolicyForm(TerritoryCreditingPolicies policies, MessageSource messages) {
        this.policies = policies;
        this.messages = messages;
    }

    @PostMapping("/territories/crediting-policy")
    String save(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam Map<String, String> typed,
            Locale locale,
            RedirectAttributes flash) {
        Planners.only(user);
        try {
            policies.change(
                    new TerritoryCreditingPolicies.PolicyChange(
                            typed.get("enabled"),
                            typed.get("hierarchy"),
                            typed.get("precedence"),
                            typed.get("primaryOnce")),
                    user.getUsername());
            flash.addFlashAttribute("notice", "territory.policy.saved");
        } catch (TerritoryRefused e) {
            Map<String, String> form = new LinkedHashMap<>(typed);
            form.remove("_csrf");
            flash.addFlashAttribute("policyForm", form);
            flash.addFlashAttribute("policyErrors", FormValues.messages(e, messages, locale));
        }
        return "redirect:/territories#crediting-policy";
    }
}
