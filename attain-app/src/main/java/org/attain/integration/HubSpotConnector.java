package org.attain.integration;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * HubSpot through its CRM v3 API with a private-app bearer token (or an OAuth access token that is
 * refreshed on 401 when a refresh token is stored): owners from /crm/v3/owners, companies, deals,
 * calls, e-mails and meetings from /crm/v3/objects/{type}/search filtered and sorted by
 * hs_lastmodifieddate, every list followed through paging.next.after.
 */
final class HubSpotConnector {

    static final String KIND = "hubspot";
    static final int PAGE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorSettings.Settings settings;
    private final ConnectorSettings store;
    private final CrmHttp http;
    private String token;

    HubSpotConnector(ConnectorSettings.Settings settings, ConnectorSettings store, CrmHttp http) {
        this.settings = settings;
        this.store = store;
        this.http = http;
        Map<String, String> creds = store.credentials(KIND);
        this.token = creds.getOrDefault("access_token", creds.get("token"));
        if (token == null) {
            throw new ConnectorException("HubSpot has no access token configured");
        }
    }

    void sync(ConnectorSink sink) {
        String after = null;
        do {
            String url = settings.baseUrl() + "/crm/v3/owners?limit=" + PAGE
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            JsonNode answer = http.json(t -> CrmHttp.request(url, t).GET().build(), () -> token, this::refresh);
            answer.path("results").forEach(o -> sink.owner(text(o, "id"), text(o, "email")));
            sink.count("pages", 1);
            after = answer.path("paging").path("next").path("after").isMissingNode()
                    ? null
                    : answer.path("paging").path("next").path("after").asString();
        } while (after != null);
        search(
                sink,
                "companies",
                List.of("name", "industry", "hubspot_owner_id"),
                page -> page.forEach(c -> {
                    JsonNode p = c.path("properties");
                    sink.account(text(c, "id"), text(p, "name"), text(p, "industry"), text(p, "hubspot_owner_id"));
                }));
        search(
                sink,
                "deals",
                List.of(
                        "dealname",
                        "amount",
                        "closedate",
                        "createdate",
                        "dealstage",
                        "hubspot_owner_id",
                        "deal_currency_code",
                        "hs_is_closed_won",
                        "hs_is_closed",
                        "hs_deal_stage_probability",
                        "dealtype"),
                page -> sink.deals(page.stream().map(this::deal).toList()));
        search(
                sink,
                "calls",
                List.of(
                        "hs_timestamp",
                        "hs_call_duration",
                        "hs_call_disposition",
                        "hs_call_status",
                        "hubspot_owner_id"),
                page -> sink.activities(
                        page.stream().map(c -> activity(c, "CALL")).toList()));
        search(
                sink,
                "emails",
                List.of("hs_timestamp", "hs_email_status", "hubspot_owner_id"),
                page -> sink.activities(
                        page.stream().map(c -> activity(c, "EMAIL")).toList()));
        search(
                sink,
                "meetings",
                List.of(
                        "hs_timestamp",
                        "hs_meeting_start_time",
                        "hs_meeting_end_time",
                        "hs_meeting_outcome",
                        "hubspot_owner_id"),
                page -> sink.activities(
                        page.stream().map(c -> activity(c, "MEETING")).toList()));
    }

    /** One object type from its cursor, oldest change first; the cursor moves after all pages are stored. */
    private void search(ConnectorSink sink, String type, List<String> properties, Consumer<List<JsonNode>> store) {
        Instant since = this.store.cursor(KIND, type);
        Instant newest = since;
        String after = null;
        do {
            ObjectNode body = JSON.createObjectNode();
            ObjectNode filter = body.putArray("filterGroups")
                    .addObject()
                    .putArray("filters")
                    .addObject();
            filter.put("propertyName", "hs_lastmodifieddate")
                    .put("operator", "GTE")
                    .put("value", String.valueOf(since.toEpochMilli()));
            body.putArray("sorts")
                    .addObject()
                    .put("propertyName", "hs_lastmodifieddate")
                    .put("direction", "ASCENDING");
            var props = body.putArray("properties");
            properties.forEach(props::add);
            props.add("hs_lastmodifieddate");
            body.put("limit", PAGE);
            if (after != null) {
                body.put("after", after);
            }
            String json = JSON.writeValueAsString(body);
            String url = settings.baseUrl() + "/crm/v3/objects/" + type + "/search";
            JsonNode answer = http.json(
                    t -> CrmHttp.request(url, t)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    () -> token,
                    this::refresh);
            List<JsonNode> page = new ArrayList<>();
            answer.path("results").forEach(page::add);
            store.accept(page);
            for (JsonNode r : page) {
                Instant modified = instant(text(r.path("properties"), "hs_lastmodifieddate"));
                if (modified == null) {
                    modified = instant(text(r, "updatedAt"));
                }
                if (modified != null && modified.isAfter(newest)) {
                    newest = modified;
                }
            }
            sink.count("pages", 1);
            JsonNode next = answer.path("paging").path("next").path("after");
            after = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (after != null);
        this.store.moveCursor(KIND, type, newest);
    }

    /** A private-app token does not expire; an OAuth token does and is refreshed with the stored refresh token. */
    private void refresh() {
        Map<String, String> creds = store.credentials(KIND);
        if (creds.get("refresh_token") == null) {
            throw new ConnectorException("HubSpot refused the access token (401) and no refresh token is stored; "
                    + "enter a new private-app token");
        }
        String form = "grant_type=refresh_token&client_id=" + enc(creds.get("client_id")) + "&client_secret="
                + enc(creds.get("client_secret")) + "&refresh_token=" + enc(creds.get("refresh_token"));
        String url = settings.tokenUrl() != null ? settings.tokenUrl() : settings.baseUrl() + "/oauth/v1/token";
        var response = http.send(CrmHttp.request(url, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        if (response.statusCode() != 200) {
            throw new ConnectorException("HubSpot refused the token refresh (" + response.statusCode() + ")");
        }
        token = text(JSON.readTree(response.body()), "access_token");
        store.updateCredential(KIND, "access_token", token);
    }

    private ConnectorSink.Deal deal(JsonNode d) {
        JsonNode p = d.path("properties");
        String stage = text(p, "dealstage");
        boolean won = "true".equalsIgnoreCase(text(p, "hs_is_closed_won")) || "closedwon".equals(stage);
        boolean closed = "true".equalsIgnoreCase(text(p, "hs_is_closed")) || "closedlost".equals(stage);
        String currency = text(p, "deal_currency_code");
        return new ConnectorSink.Deal(
                text(d, "id"),
                text(p, "dealname"),
                null,
                text(p, "hubspot_owner_id"),
                stage,
                won,
                closed && !won,
                decimal(text(p, "amount")),
                currency == null ? settings.currency() : currency,
                date(text(p, "createdate")),
                date(text(p, "closedate")),
                decimal(text(p, "hs_deal_stage_probability")),
                text(p, "dealtype"));
    }

    private ConnectorSink.Activity activity(JsonNode a, String kind) {
        JsonNode p = a.path("properties");
        Instant at = instant(text(p, "hs_timestamp"));
        Integer minutes = null;
        if (kind.equals("CALL") && text(p, "hs_call_duration") != null) {
            minutes = (int) ((Long.parseLong(text(p, "hs_call_duration")) + 59_999) / 60_000);
        } else if (kind.equals("MEETING")
                && text(p, "hs_meeting_start_time") != null
                && text(p, "hs_meeting_end_time") != null) {
            minutes = (int) java.time.Duration.between(
                            instant(text(p, "hs_meeting_start_time")), instant(text(p, "hs_meeting_end_time")))
                    .toMinutes();
            at = instant(text(p, "hs_meeting_start_time"));
        }
        String outcome = kind.equals("CALL")
                ? first(text(p, "hs_call_disposition"), text(p, "hs_call_status"))
                : kind.equals("MEETING") ? text(p, "hs_meeting_outcome") : text(p, "hs_email_status");
        return new ConnectorSink.Activity(
                text(a, "id"), text(p, "hubspot_owner_id"), kind, at, minutes, outcome, null, null);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asString();
        return s == null || s.isBlank() ? null : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    /** HubSpot writes date-times as ISO 8601 (2026-05-04T09:30:00.000Z) or, in older properties, epoch millis. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        return s.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochMilli(Long.parseLong(s))
                : OffsetDateTime.parse(s).toInstant();
    }

    private static LocalDate date(String s) {
        return s == null
                ? null
                : s.length() == 10
                        ? LocalDate.parse(s)
                        : instant(s).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
