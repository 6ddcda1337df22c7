package org.attain.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.integration.WebhookSources;
import org.attain.platform.FieldProblem;
import org.attain.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins register the systems that may send webhooks and get each one's signing secret once. */
@RestController
@RequestMapping("/api/v1/integrations/webhook-sources")
@Tag(name = "Webhooks", description = "Signed CRM events in")
class WebhookSourcesApi {

    private final WebhookSources sources;

    WebhookSourcesApi(WebhookSources sources) {
        this.sources = sources;
    }

    record Secret(String source, String secret, String endpoint) {}

    @GetMapping
    @Operation(summary = "The registered webhook sources (without secrets)")
    List<WebhookSources.Source> list(@AuthenticationPrincipal AttainUser user) {
        IntegrationAccess.requireAdmin(user);
        return sources.list();
    }

    @PostMapping("/{source}/secret")
    @Operation(summary = "Register a source or rotate its secret; the secret is in this answer only")
    Secret rotate(@AuthenticationPrincipal AttainUser user, @PathVariable String source) {
        IntegrationAccess.requireAdmin(user);
        if (!source.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            throw new InvalidInputException(new FieldProblem(
                    "source", "integration.source.name", "use 1 to 40 lower-case letters, digits, '-' or '_'"));
        }
        return new Secret(source, sources.rotate(source, user.getUsername()), "/api/v1/webhooks/" + source);
    }
}
