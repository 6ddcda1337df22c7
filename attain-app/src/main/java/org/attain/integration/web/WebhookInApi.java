package org.attain.integration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.attain.integration.InboundEvents;
import org.attain.integration.Signatures;
import org.attain.integration.WebhookClaims;
import org.attain.integration.WebhookSources;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * CRM events in: deal won, deal changed, activity logged. A delivery is accepted only with a valid
 * signature over timestamp and raw body and a timestamp within five minutes; its delivery id is
 * claimed before the change is applied, so the same delivery again is
 * answered from the log and changes nothing.
 */
@RestController
@Tag(name = "Webhooks", description = "Signed CRM events in")
class WebhookInApi {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookSources sources;
    private final InboundEvents events;
    private final WebhookClaims claims;
    private final Clock clock;

    WebhookInApi(WebhookSources sources, InboundEvents events, WebhookClaims claims, Clock clock) {
        this.sources = sources;
        this.events = events;
        this.claims = claims;
        this.clock = clock;
    }

    @PostMapping(path = "/api/v1/webhooks/{source}", consumes = "application/json")
    @Operation(summary = "Receive a signed CRM event: deal.won, deal.changed or activity.logged", description = """
                    Body: {"event": "deal.won" | "deal.changed" | "activity.logged", "data": {...}}.
                    deal.won data: external_id, close_date (yyyy-MM-dd), amount, currency, owner (e-mail or employee id) and
                    optionally account, deal_type, product_code, name. deal.changed adds stage (and optional probability,
                    created_on); a stage of "Closed Won" books the deal like deal.won. activity.logged data: external_id,
                    person, kind (CALL, EMAIL, MEETING, WEBINAR), occurred_at (ISO 8601), duration_minutes, outcome,
                    account, deal.
                    Headers: X-Attain-Timestamp (Unix seconds, within 5 minutes of now), X-Attain-Delivery (unique per
                    delivery; a repeat returns the first answer with Idempotent-Replayed: true, or 409 with Retry-After
                    while the first is still being applied) and X-Attain-Signature:
                    "sha256=" + hex HMAC-SHA256 of (timestamp + "." + raw body) with the source's secret.
                    Bad or missing signature or stale timestamp: 401. Malformed body: 400 naming the field.""")
    ResponseEntity<?> receive(
            @PathVariable String source,
            @Parameter(description = "sha256=<hex>") @RequestHeader(name = Signatures.SIGNATURE, required = false)
                    String signature,
            @Parameter(description = "Unix seconds") @RequestHeader(name = Signatures.TIMESTAMP, required = false)
                    String timestamp,
            @RequestHeader(name = Signatures.DELIVERY, required = false) String delivery,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        Long ts = parseTimestamp(timestamp);
        if (ts == null) {
            return unauthorized("The " + Signatures.TIMESTAMP + " header is missing or not Unix seconds.");
        }
        if (Math.abs(clock.instant().getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
            return unauthorized("The timestamp is more than " + TOLERANCE.toMinutes() + " minutes away from now; "
                    + "deliveries must be signed when they are sent.");
        }
        String secret = sources.secret(source).orElse(null);
        // An unknown source and a wrong signature answer alike, so the endpoint does not reveal which sources exist.
        if (secret == null || !Signatures.matches(secret, ts, raw, signature)) {
            return unauthorized("The signature does not match the body for this source.");
        }
        if (delivery == null || delivery.isBlank() || delivery.length() > 200) {
            return ResponseEntity.badRequest()
                    .body(InboundEvents.invalid(List.of(new InboundEvents.Problem(
                            Signatures.DELIVERY, "is required: a unique id per delivery, at most 200 characters"))));
        }
        InboundEvents.Parsed parsed = events.parse(raw);
        if (!parsed.problems().isEmpty()) {
            return ResponseEntity.badRequest().body(InboundEvents.invalid(parsed.problems()));
        }
        // The delivery id is claimed first, on its own: a repeat (even a concurrent one) finds the claim and
        // changes nothing. The change itself runs outside this claim's transaction so that the load path's
        // follow-ups (recalculation after commit) see a committed import, as they do for file imports. A claim
        // left by an instance killed while applying it is taken over by the retry (WebhookClaims).
        WebhookClaims.Claim claim = claims.claim(source, delivery, parsed.event());
        if (claim == WebhookClaims.Claim.IN_FLIGHT) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT, "This delivery is being applied right now; send it again in a few seconds.");
            p.setTitle("Delivery in progress");
            p.setType(URI.create("https://attain.dev/problems/webhook-in-progress"));
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .header("Retry-After", "5")
                    .body(p);
        }
        if (claim == WebhookClaims.Claim.ANSWERED) {
            return ResponseEntity.ok()
                    .header("Idempotent-Replayed", "true")
                    .body(JSON.readTree(claims.answer(source, delivery)));
        }
        Map<String, Object> outcome;
        try {
            outcome = events.apply(source, delivery, parsed);
        } catch (RuntimeException e) {
            // Nothing was applied: free the delivery id so the sender's retry is processed.
            claims.release(source, delivery);
            throw e;
        }
        claims.answer(source, delivery, outcome);
        return ResponseEntity.ok(outcome);
    }

    private static Long parseTimestamp(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        p.setTitle("Webhook not accepted");
        p.setType(URI.create("https://attain.dev/problems/webhook-signature"));
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(p);
    }
}
