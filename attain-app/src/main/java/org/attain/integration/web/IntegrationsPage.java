package org.attain.integration.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.access.AttainUser;
import org.attain.integration.ConnectorSettings;
import org.attain.integration.Connectors;
import org.attain.integration.WebhookDispatcher;
import org.attain.integration.WebhookSources;
import org.attain.integration.WebhookSubscriptions;
import org.attain.platform.ConflictException;
import org.attain.platform.InvalidInputException;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The integrations page for admins: webhook sources and their secrets, the two CRM connectors
 * (settings, credentials, run now, run log) and outbound subscriptions with their delivery log.
 * A secret is shown once, right after it is made, through a flash attribute.
 */
@Controller
class IntegrationsPage {

    private final WebhookSources sources;
    private final ConnectorSettings settings;
    private final Connectors connectors;
    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;

    IntegrationsPage(
            WebhookSources sources,
            ConnectorSettings settings,
            Connectors connectors,
            WebhookSubscriptions subscriptions,
            WebhookDispatcher dispatcher) {
        this.sources = sources;
        this.settings = settings;
        this.connectors = connectors;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/integrations")
    String page(@AuthenticationPrincipal AttainUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("sources", sources.list());
        model.addAttribute("connectors", settings.all());
        model.addAttribute("runs", connectors.recent(10));
        model.addAttribute("subscriptions", subscriptions.list());
        model.addAttribute("deliveries", dispatcher.recent(20));
        model.addAttribute(
                "events", WebhookSubscriptions.EVENTS.stream().sorted().toList());
        return "integration/integrations";
    }

    @PostMapping("/integrations/sources")
    String rotate(@AuthenticationPrincipal AttainUser user, @RequestParam String source, RedirectAttributes flash) {
        requireAdmin(user);
        String name = source.trim().toLowerCase(java.util.Locale.ROOT);
        if (!name.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            flash.addFlashAttribute("error", "integration.source.invalid");
            return "redirect:/integrations";
        }
        flash.addFlashAttribute("secretFor", name);
        flash.addFlashAttribute("secret", sources.rotate(name, user.getUsername()));
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/connectors/{kind}")
    String configure(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String kind,
            @RequestParam Map<String, String> form,
            RedirectAttributes flash) {
        requireAdmin(user);
        known(kind);
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String name : List.of("client_id", "client_secret", "refresh_token", "token")) {
            String v = form.get("cred_" + name);
            if (v != null && !v.isBlank()) {
                credentials.put(name, v.trim());
            }
        }
        try {
            settings.save(
                    kind,
                    new ConnectorSettings.Change(
                            form.get("baseUrl"),
                            form.get("tokenUrl"),
                            form.get("apiVersion"),
                            form.get("currency"),
                            form.containsKey("scheduled"),
                            credentials.isEmpty() ? null : credentials),
                    user.getUsername());
            flash.addFlashAttribute("saved", kind);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/connectors/{kind}/sync")
    String sync(@AuthenticationPrincipal AttainUser user, @PathVariable String kind, RedirectAttributes flash) {
        requireAdmin(user);
        known(kind);
        try {
            Connectors.Run run = connectors.run(kind, "page:" + user.getUsername());
            flash.addFlashAttribute("ran", run);
        } catch (NotFoundException | ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/subscriptions")
    String subscribe(
            @AuthenticationPrincipal AttainUser user,
            @RequestParam String url,
            @RequestParam(required = false) String[] events,
            RedirectAttributes flash) {
        requireAdmin(user);
        try {
            var created =
                    subscriptions.create(url, events == null ? List.of() : Arrays.asList(events), user.getUsername());
            flash.addFlashAttribute("secretFor", created.subscription().url());
            flash.addFlashAttribute("secret", created.secret());
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/integrations";
    }

    @PostMapping("/integrations/subscriptions/{id}/stop")
    String stop(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        requireAdmin(user);
        subscriptions.deactivate(id, user.getUsername());
        return "redirect:/integrations";
    }

    /** Pages answer 404 rather than 403 to non-admins: the page's existence is not theirs to know. */
    private static void requireAdmin(AttainUser user) {
        if (user == null || !user.has(org.attain.access.Role.ADMIN)) {
            throw new NotFoundException("page", "/integrations");
        }
    }

    private static void known(String kind) {
        if (!ConnectorSettings.KINDS.contains(kind)) {
            throw new NotFoundException("connector", kind);
        }
    }
}
