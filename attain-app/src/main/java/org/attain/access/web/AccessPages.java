package org.attain.access.web;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.attain.access.ApiTokens;
import org.attain.access.AttainUser;
import org.attain.access.AuditLog;
import org.attain.access.SsoSettings;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Login, the audit log viewer and the user's own API tokens. */
@Controller
class AccessPages {

    private final AuditLog audit;
    private final ApiTokens tokens;
    private final SsoSettings sso;

    AccessPages(AuditLog audit, ApiTokens tokens, SsoSettings sso) {
        this.audit = audit;
        this.tokens = tokens;
        this.sso = sso;
    }

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) Long wait,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("wait", wait);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("expired", expired != null);
        model.addAttribute("ssoProvider", sso.enabled() ? sso.providerName() : null);
        return "login";
    }

    /** Where a single sign-on that the provider accepted but Attain cannot let in ends: says why. */
    @GetMapping("/login/sso-refused")
    String ssoRefused(@RequestParam(required = false) String reason, Model model) {
        // Set.of(...).contains(null) throws: without a reason (a bookmark, a typed address) the page says "failed".
        String why =
                reason != null && Set.of("norole", "disabled", "unreachable").contains(reason) ? reason : "failed";
        model.addAttribute("reason", "sso.refused." + why);
        model.addAttribute("ssoProvider", sso.enabled() ? sso.providerName() : null);
        return "login-sso-refused";
    }

    @GetMapping("/admin/audit")
    String audit(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String entity,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            Model model) {
        // An entry is a sentence with its diff (about three lines): 25 to a page keeps the page ending.
        var entries = audit.search(
                actor, action, entity, q, org.attain.platform.PageRequest.of(page, size == null ? 25 : size));
        model.addAttribute("entries", entries.items());
        model.addAttribute("entriesPage", entries);
        model.addAttribute("q", q);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("entity", entity);
        return "admin/audit";
    }

    @GetMapping("/account/tokens")
    String tokens(@AuthenticationPrincipal AttainUser user, Model model) {
        model.addAttribute("tokens", tokens.listFor(user));
        model.addAttribute("scopes", ApiTokens.KNOWN_SCOPES.stream().sorted().toList());
        return "account/tokens";
    }

    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String[] scope,
            RedirectAttributes flash) {
        Set<String> scopes = new LinkedHashSet<>(scope == null ? Set.of("read") : Arrays.asList(scope));
        scopes.retainAll(ApiTokens.KNOWN_SCOPES);
        if (name == null || name.isBlank() || scopes.isEmpty()) {
            flash.addFlashAttribute("problem", "tokens.nameRequired");
            return "redirect:/account/tokens";
        }
        var created = tokens.create(user, name.trim(), scopes);
        // Shown exactly once: only the hash is stored.
        flash.addFlashAttribute("secret", created.secret());
        return "redirect:/account/tokens";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal AttainUser user, @PathVariable long id, RedirectAttributes flash) {
        boolean revoked = tokens.revoke(user, id);
        flash.addFlashAttribute(revoked ? "notice" : "problem", revoked ? "tokens.revoked" : "tokens.unknown");
        return "redirect:/account/tokens";
    }
}
