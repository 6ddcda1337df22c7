package org.attain.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.integration.ConnectorSettings;
import org.attain.integration.Connectors;
import org.attain.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Salesforce and HubSpot connectors over REST: configure, run now, read the run log. Admins only. */
@RestController
@RequestMapping("/api/v1/integrations/connectors")
@Tag(
        name = "Connectors",
        description = "Salesforce and HubSpot: deals, owners, accounts and activities by last-modified cursor")
class ConnectorsApi {

    private final ConnectorSettings settings;
    private final Connectors connectors;

    ConnectorsApi(ConnectorSettings settings, Connectors connectors) {
        this.settings = settings;
        this.connectors = connectors;
    }

    @GetMapping
    @Operation(summary = "Both connectors' settings (credentials are never returned)")
    List<ConnectorSettings.Settings> list(@AuthenticationPrincipal AttainUser user) {
        IntegrationAccess.requireAdmin(user);
        return settings.all();
    }

    @PutMapping("/{kind}")
    @Operation(
            summary = "Configure a connector",
            description =
                    "credentials for salesforce: client_id, client_secret and refresh_token (or none for the client "
                            + "credentials flow); for hubspot: token (private app) or access_token with refresh_token, client_id and "
                            + "client_secret. Omit credentials to keep the stored ones. URLs must be https (http only to localhost).")
    ConnectorSettings.Settings configure(
            @AuthenticationPrincipal AttainUser user,
            @PathVariable String kind,
            @RequestBody ConnectorSettings.Change change) {
        IntegrationAccess.requireAdmin(user);
        return settings.save(known(kind), change, user.getUsername());
    }

    @PostMapping("/{kind}/sync")
    @Operation(summary = "Pull what changed since the last run now; answers with the finished run")
    Connectors.Run sync(@AuthenticationPrincipal AttainUser user, @PathVariable String kind) {
        IntegrationAccess.requireAdmin(user);
        return connectors.run(known(kind), "api:" + user.getUsername());
    }

    @GetMapping("/runs")
    @Operation(summary = "The latest connector runs, newest first")
    List<Connectors.Run> runs(@AuthenticationPrincipal AttainUser user, @RequestParam(defaultValue = "20") int limit) {
        IntegrationAccess.requireAdmin(user);
        return connectors.recent(Math.min(Math.max(limit, 1), 200));
    }

    private static String known(String kind) {
        if (!ConnectorSettings.KINDS.contains(kind)) {
            throw new NotFoundException("connector", kind);
        }
        return kind;
    }
}
