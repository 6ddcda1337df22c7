package org.attain.integration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Salesforce through its REST API: an OAuth 2.0 token from the token endpoint (refresh-token grant,
 * or client credentials when no refresh token is stored), SOQL queries on /services/data/vXX.X/query
 * followed through nextRecordsUrl, each object read from its LastModifiedDate cursor in ascending
 * order. Users are the owners; Tasks with subtype Call or Email and Events (meetings) the activities.
 */
final class SalesforceConnector {

    static final String KIND = "salesforce";
    /** SOQL date-time literals are unquoted ISO instants. */
    private static final DateTimeFormatter SOQL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Salesforce writes date-times as 2026-05-04T09:30:00.000+0000. */
    private static final DateTimeFormatter SF = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final ConnectorSettings.Settings settings;
    private final ConnectorSettings store;
    private final CrmHttp http;
    private String accessToken;
    private String instanceUrl;

    SalesforceConnector(ConnectorSettings.Settings settings, ConnectorSettings store, CrmHttp http) {
        this.settings = settings;
        this.store = store;
        this.http = http;
        Map<String, String> creds = store.credentials(KIND);
        this.accessToken = creds.get("access_token");
        this.instanceUrl = creds.get("instance_url");
    }

    void sync(ConnectorSink sink) {
        if (accessToken == null || instanceUrl == null) {
            refresh();
        }
        read(sink, "User", "Id, Email, Name", "", r -> sink.owner(text(r, "Id"), text(r, "Email")));
        read(
                sink,
                "Account",
                "Id, Name, Industry, OwnerId",
                "",
                r -> sink.account(text(r, "Id"), text(r, "Name"), text(r, "Industry"), text(r, "OwnerId")));
        readPages(
                sink,
                "Opportunity",
                "Id, Name, AccountId, OwnerId, StageName, Amount, CloseDate, CreatedDate, Probability, "
                        + "IsWon, IsClosed, Type",
                "",
                page -> sink.deals(page.stream().map(this::deal).toList()));
        readPages(
                sink,
                "Task",
                "Id, OwnerId, Subject, TaskSubtype, CallDurationInSeconds, CallDisposition, Status, CreatedDate, "
                        + "WhatId, AccountId",
                "TaskSubtype IN ('Call', 'Email') AND ",
                page -> sink.activities(page.stream().map(this::task).toList()));
        readPages(
                sink,
                "Event",
                "Id, OwnerId, Subject, StartDateTime, DurationInMinutes, WhatId, AccountId",
                "",
                page -> sink.activities(page.stream().map(this::event).toList()));
    }

    private void read(ConnectorSink sink, String object, String fields, String where, Consumer<JsonNode> each) {
        readPages(sink, object, fields, where, page -> page.forEach(each));
    }

    /** One object from its cursor; the cursor moves to the newest LastModifiedDate after all pages are stored. */
    private void readPages(
            ConnectorSink sink, String object, String fields, String where, Consumer<List<JsonNode>> store) {
        Instant since = this.store.cursor(KIND, object);
        String soql = "SELECT " + fields + ", LastModifiedDate FROM " + object + " WHERE " + where
                + "LastModifiedDate >= " + SOQL.format(since) + " ORDER BY LastModifiedDate ASC";
        String next = "/services/data/" + settings.apiVersion() + "/query?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8);
        Instant newest = since;
        while (next != null) {
            String path = next;
            JsonNode answer = http.json(
                    token -> CrmHttp.request(instanceUrl + path, token).GET().build(),
                    () -> accessToken,
                    this::refresh);
            List<JsonNode> page = new ArrayList<>();
            answer.path("records").forEach(page::add);
            store.accept(page);
            for (JsonNode r : page) {
                Instant modified = instant(text(r, "LastModifiedDate"));
                if (modified != null && modified.isAfter(newest)) {
                    newest = modified;
                }
            }
            sink.count("pages", 1);
            next = answer.path("done").asBoolean(true) ? null : text(answer, "nextRecordsUrl");
        }
        this.store.moveCursor(KIND, object, newest);
    }

    /** Gets a new access token; Salesforce also says which instance to call. */
    private void refresh() {
        Map<String, String> creds = store.credentials(KIND);
        String tokenUrl =
                settings.tokenUrl() != null ? settings.tokenUrl() : settings.baseUrl() + "/services/oauth2/token";
        Map<String, String> form = new java.util.LinkedHashMap<>();
        if (creds.get("refresh_token") != null) {
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", creds.get("refresh_token"));
        } else {
            form.put("grant_type", "client_credentials");
        }
        form.put("client_id", creds.getOrDefault("client_id", ""));
        form.put("client_secret", creds.getOrDefault("client_secret", ""));
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var response = http.send(CrmHttp.request(tokenUrl, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != 200) {
            throw new ConnectorException("Salesforce refused the token request (" + response.statusCode()
                    + "); check the client id, secret and refresh token");
        }
        JsonNode token =
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body());
        accessToken = text(token, "access_token");
        instanceUrl = text(token, "instance_url") == null ? settings.baseUrl() : text(token, "instance_url");
        store.updateCredential(KIND, "access_token", accessToken);
        store.updateCredential(KIND, "instance_url", instanceUrl);
    }

    private ConnectorSink.Deal deal(JsonNode r) {
        BigDecimal probability = decimal(r, "Probability");
        return new ConnectorSink.Deal(
                text(r, "Id"),
                text(r, "Name"),
                text(r, "AccountId"),
                text(r, "OwnerId"),
                text(r, "StageName"),
                r.path("IsWon").asBoolean(false),
                r.path("IsClosed").asBoolean(false) && !r.path("IsWon").asBoolean(false),
                decimal(r, "Amount"),
                settings.currency(),
                date(text(r, "CreatedDate")),
                date(text(r, "CloseDate")),
                probability == null ? null : probability.divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_EVEN),
                text(r, "Type"));
    }

    private ConnectorSink.Activity task(JsonNode r) {
        Integer seconds = r.path("CallDurationInSeconds").isNumber()
                ? r.path("CallDurationInSeconds").asInt()
                : null;
        String what = text(r, "WhatId");
        return new ConnectorSink.Activity(
                text(r, "Id"),
                text(r, "OwnerId"),
                text(r, "TaskSubtype"),
                instant(text(r, "CreatedDate")),
                seconds == null ? null : (seconds + 59) / 60,
                text(r, "CallDisposition") != null ? text(r, "CallDisposition") : text(r, "Status"),
                text(r, "AccountId"),
                what != null && what.startsWith("006") ? what : null);
    }

    private ConnectorSink.Activity event(JsonNode r) {
        String what = text(r, "WhatId");
        return new ConnectorSink.Activity(
                text(r, "Id"),
                text(r, "OwnerId"),
                "MEETING",
                instant(text(r, "StartDateTime")),
                r.path("DurationInMinutes").isNumber()
                        ? r.path("DurationInMinutes").asInt()
                        : null,
                null,
                text(r, "AccountId"),
                what != null && what.startsWith("006") ? what : null);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static BigDecimal decimal(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }

    /** Accepts Salesforce's 2026-05-04T09:30:00.000+0000 as well as ISO 8601. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, SF).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return OffsetDateTime.parse(s).toInstant();
        }
    }

    private static LocalDate date(String s) {
        return s == null
                ? null
                : s.length() == 10
                        ? LocalDate.parse(s)
                        : instant(s).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
