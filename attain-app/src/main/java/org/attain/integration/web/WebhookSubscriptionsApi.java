package org.attain.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.attain.access.AttainUser;
import org.attain.integration.WebhookDispatcher;
import org.attain.integration.WebhookSubscriptions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhook subscriptions and their delivery log. Admins only. */
@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "Webhooks out", description = "statement.published, period.closed, dispute.opened: signed, retried, logged")
class WebhookSubscriptionsApi {

    private final WebhookSubscriptions subscriptions;
    private final WebhookDispatcher dispatcher;

    WebhookSubscriptionsApi(WebhookSubscriptions subscriptions, WebhookDispatcher dispatcher) {
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
    }

    record NewSubscription(String url, List<String> events) {}

    @PostMapping("/subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Subscribe a URL to events; the signing secret is in this answer only",
            description =
                    "Each delivery is a POST of {id, event, occurredAt, data} with X-Attain-Event, X-Attain-Delivery "
                            + "(the event id), X-Attain-Timestamp and X-Attain-Signature = \"sha256=\" + hex HMAC-SHA256 of "
                            + "(timestamp + \".\" + body). Non-2xx answers are retried with doubling waits from 30 s, 8 attempts.")
    WebhookSubscriptions.Created subscribe(@AuthenticationPrincipal AttainUser user, @RequestBody NewSubscription in) {
        IntegrationAccess.requireAdmin(user);
        return subscriptions.create(in.url(), in.events(), user.getUsername());
    }

    @GetMapping("/subscriptions")
    @Operation(summary = "All subscriptions (without secrets)")
    List<WebhookSubscriptions.Subscription> list(@AuthenticationPrincipal AttainUser user) {
        IntegrationAccess.requireAdmin(user);
        return subscriptions.list();
    }

    @DeleteMapping("/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop a subscription; its delivery log stays")
    void unsubscribe(@AuthenticationPrincipal AttainUser user, @PathVariable long id) {
        IntegrationAccess.requireAdmin(user);
        subscriptions.deactivate(id, user.getUsername());
    }

    @GetMapping("/deliveries")
    @Operation(summary = "The delivery log, newest first: status, attempts, last answer, next attempt")
    List<WebhookDispatcher.Delivery> deliveries(
            @AuthenticationPrincipal AttainUser user, @RequestParam(defaultValue = "50") int limit) {
        IntegrationAccess.requireAdmin(user);
        return dispatcher.recent(Math.min(Math.max(limit, 1), 500));
    }
}
