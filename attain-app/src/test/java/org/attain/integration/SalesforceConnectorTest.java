package org.attain.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Salesforce connector against two WireMock servers laid out like Salesforce: a login server
 * with the OAuth 2.0 token endpoint, and the org's instance (named by the token answer's
 * instance_url) with the REST API. SOQL query pages linked by nextRecordsUrl, a session that expires
 * in the middle of paging (401 INVALID_SESSION_ID), a rate-limited query (429 with Retry-After) and
 * the org's daily API limit (403 REQUEST_LIMIT_EXCEEDED). Won deals become pay, open deals pipeline,
 * tasks and events activity.
 */
class SalesforceConnectorTest extends AttainIntegrationTest {

    private static final String QUERY = "/services/data/v62.0/query";
    private static final String NEXT_OPPORTUNITIES = QUERY + "/01gD0000002HU6KIAW-2000";

    @RegisterExtension
    static WireMockExtension login = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @RegisterExtension
    static WireMockExtension instance = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Autowired
    JdbcClient jdbc;

    private static String url(WireMockExtension server) {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A query answer; totalSize is the size of the whole result, not of this page. */
    private static String page(int totalSize, String next, String... records) {
        return """
                {"totalSize":%d,"done":%s,%s"records":[%s]}""".formatted(
                        totalSize,
                        next == null,
                        next == null ? "" : "\"nextRecordsUrl\":\"" + next + "\",",
                        String.join(",", records));
    }

    private static String record(String type, String id, String fields) {
        return """
                {"attributes":{"type":"%1$s","url":"/services/data/v62.0/sobjects/%1$s/%2$s"},"Id":"%2$s",%3$s,
                 "LastModifiedDate":"2026-11-20T10:00:00.000+0000"}""".formatted(type, id, fields);
    }

    /** The answer of the token endpoint to a refresh-token grant. */
    private static String token(int n) {
        return """
                {"access_token":"00Dtoken%d","signature":"c2ln","scope":"refresh_token api","instance_url":"%s",
                 "id":"%s/id/00Dxx0000001gPL/005xx000001Sv6A","token_type":"Bearer","issued_at":"1764150000000"}""".formatted(n, url(instance), url(login));
    }

    private static ResponseDefinitionBuilder errors(int status, String message, String errorCode) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("[{\"message\":\"" + message + "\",\"errorCode\":\"" + errorCode + "\"}]");
    }

    /** The token endpoint answers a refresh-token grant with the stored client and refresh token, n times at most. */
    private static void tokenEndpoint(int times) {
        for (int n = 1; n <= times; n++) {
            login.stubFor(post("/services/oauth2/token")
                    .inScenario("tokens")
                    .whenScenarioStateIs(n == 1 ? STARTED : "issued " + (n - 1))
                    .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                    .withFormParam("grant_type", equalTo("refresh_token"))
                    .withFormParam("refresh_token", equalTo("5Aep861"))
                    .withFormParam("client_id", equalTo("3MVG9"))
                    .withFormParam("client_secret", equalTo("s3cret"))
                    .willReturn(okJson(token(n)))
                    .willSetStateTo("issued " + n));
        }
    }

    /** A SOQL query on one object, with the session of either token, answered with one page. */
    private static void query(String object, String answer) {
        instance.stubFor(get(urlPathEqualTo(QUERY))
                .atPriority(5)
                .withQueryParam("q", containing(" FROM " + object + " WHERE "))
                .withHeader("Authorization", matching("Bearer 00Dtoken[12]"))
                .willReturn(okJson(answer)));
    }

    private static RequestPatternBuilder queried(String object) {
        return getRequestedFor(urlPathEqualTo(QUERY)).withQueryParam("q", containing(" FROM " + object + " WHERE "));
    }

    /** A query on the object whose SOQL also contains the given text. */
    private static RequestPatternBuilder queried(String object, String soql) {
        return getRequestedFor(urlPathEqualTo(QUERY))
                .withQueryParam("q", and(containing(" FROM " + object + " WHERE "), containing(soql)));
    }

    private void configure(WebSession admin) {
        assertThat(admin.sendJson("PUT", "/api/v1/integrations/connectors/salesforce", """
                {"baseUrl":"%s","apiVersion":"v62.0","currency":"USD",
                 "credentials":{"client_id":"3MVG9","client_secret":"s3cret","refresh_token":"5Aep861"}}""".formatted(url(login)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pullsOwnersAccountsDealsAndActivitiesThroughPagingExpiredTokensAndRateLimits() {
        WebSession admin = login("admin", "demo");
        String email = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
        tokenEndpoint(2);
        query(
                "User",
                page(
                        2,
                        null,
                        record("User", "005REP", "\"Email\":\"" + email + "\",\"Name\":\"Rep\""),
                        record("User", "005GHOST", "\"Email\":\"ghost@example.com\",\"Name\":\"Ghost\"")));
        query(
                "Account",
                page(
                        1,
                        null,
                        record(
                                "Account",
                                "001ACME0000001",
                                "\"Name\":\"Acme Corp\",\"Industry\":\"Manufacturing\",\"OwnerId\":\"005REP\"")));
        query(
                "Opportunity",
                page(
                        2,
                        NEXT_OPPORTUNITIES,
                        record(
                                "Opportunity",
                                "006WON00000001",
                                "\"Name\":\"Acme expansion\",\"AccountId\":\"001ACME0000001\","
                                        + "\"OwnerId\":\"005REP\",\"StageName\":\"Closed Won\",\"Amount\":25000.5,\"CloseDate\":\"2026-11-18\","
                                        + "\"CreatedDate\":\"2026-09-01T08:00:00.000+0000\",\"Probability\":100.0,\"IsWon\":true,"
                                        + "\"IsClosed\":true,\"Type\":\"New Business\"")));
        instance.stubFor(
                get(NEXT_OPPORTUNITIES)
                        .atPriority(5)
                        .withHeader("Authorization", matching("Bearer 00Dtoken[12]"))
                        .willReturn(
                                okJson(
                                        page(
                                                2,
                                                null,
                                                record(
                                                        "Opportunity",
                                                        "006OPEN0000001",
                                                        "\"Name\":\"Pilot\","
                                                                + "\"AccountId\":\"001ACME0000001\",\"OwnerId\":\"005REP\",\"StageName\":\"Negotiation/Review\","
                                                                + "\"Amount\":8000.0,\"CloseDate\":\"2026-12-15\",\"CreatedDate\":\"2026-10-01T08:00:00.000+0000\","
                                                                + "\"Probability\":60.0,\"IsWon\":false,\"IsClosed\":false,\"Type\":\"New Business\"")))));
        query(
                "Task",
                page(
                        2,
                        null,
                        record(
                                "Task",
                                "00TCALL0000001",
                                "\"OwnerId\":\"005REP\",\"Subject\":\"Call\",\"TaskSubtype\":\"Call\","
                                        + "\"CallDurationInSeconds\":610,\"CallDisposition\":\"Connected\",\"Status\":\"Completed\","
                                        + "\"CreatedDate\":\"2026-11-20T09:00:00.000+0000\",\"WhatId\":\"006OPEN0000001\",\"AccountId\":\"001ACME0000001\""),
                        record(
                                "Task",
                                "00TMAIL0000001",
                                "\"OwnerId\":\"005REP\",\"Subject\":\"Email: Proposal\",\"TaskSubtype\":\"Email\","
                                        + "\"CallDurationInSeconds\":null,\"CallDisposition\":null,\"Status\":\"Completed\","
                                        + "\"CreatedDate\":\"2026-11-20T11:00:00.000+0000\",\"WhatId\":null,\"AccountId\":\"001ACME0000001\"")));
        query(
                "Event",
                page(
                        1,
                        null,
                        record(
                                "Event",
                                "00UMEET0000001",
                                "\"OwnerId\":\"005REP\","
                                        + "\"Subject\":\"Demo\",\"StartDateTime\":\"2026-11-21T14:00:00.000+0000\",\"DurationInMinutes\":45,"
                                        + "\"WhatId\":\"006OPEN0000001\",\"AccountId\":\"001ACME0000001\"")));
        // The first session expires while the opportunities are paged: from the next page on, 00Dtoken1 is refused.
        instance.stubFor(get(NEXT_OPPORTUNITIES)
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
                .inScenario("session")
                .willReturn(errors(401, "Session expired or invalid", "INVALID_SESSION_ID"))
                .willSetStateTo("expired"));
        instance.stubFor(get(urlPathMatching("/services/data/.*"))
                .atPriority(2)
                .withHeader("Authorization", equalTo("Bearer 00Dtoken1"))
                .inScenario("session")
                .whenScenarioStateIs("expired")
                .willReturn(errors(401, "Session expired or invalid", "INVALID_SESSION_ID")));
        // The task query is rate limited once.
        instance.stubFor(get(urlPathEqualTo(QUERY))
                .atPriority(1)
                .withQueryParam("q", containing(" FROM Task WHERE "))
                .inScenario("limit")
                .whenScenarioStateIs(STARTED)
                .willReturn(errors(429, "TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        configure(admin);

        JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/salesforce/sync", null)
                .body());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(login.findAllUnmatchedRequests()).isEmpty();
        assertThat(instance.findAllUnmatchedRequests()).isEmpty();
        login.verify(2, postRequestedFor(urlPathEqualTo("/services/oauth2/token")));
        assertThat(login.findAll(anyRequestedFor(anyUrl())))
                .as("the login server only issues tokens")
                .hasSize(2);
        instance.verify(0, postRequestedFor(anyUrl()));
        // Every object is read from the beginning, oldest change first, with the task filter in the WHERE clause.
        for (String object : List.of("User", "Account", "Opportunity", "Event")) {
            instance.verify(
                    1,
                    queried(
                            object,
                            " FROM " + object
                                    + " WHERE LastModifiedDate >= 2000-01-01T00:00:00Z ORDER BY LastModifiedDate ASC"));
        }
        instance.verify(
                2,
                queried(
                        "Task",
                        "WHERE TaskSubtype IN ('Call', 'Email') AND LastModifiedDate >= 2000-01-01T00:00:00Z ORDER BY LastModifiedDate ASC"));
        instance.verify(1, queried("Opportunity").withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
        // The expired session: one refused next page, one refresh, the same next page again with the new token.
        instance.verify(
                1,
                getRequestedFor(urlPathEqualTo(NEXT_OPPORTUNITIES))
                        .withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
        instance.verify(
                1,
                getRequestedFor(urlPathEqualTo(NEXT_OPPORTUNITIES))
                        .withHeader("Authorization", equalTo("Bearer 00Dtoken2")));
        instance.verify(
                0,
                getRequestedFor(urlPathEqualTo(QUERY))
                        .withQueryParam("q", matching(".* FROM (Task|Event) .*"))
                        .withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
        // The rate limit: the task query is asked again after the Retry-After second.
        List<LoggedRequest> tasks = instance.findAll(queried("Task"));
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1).getLoggedDate().getTime()
                        - tasks.get(0).getLoggedDate().getTime())
                .as("Retry-After: 1 is waited out")
                .isGreaterThanOrEqualTo(900);

        assertThat(jdbc.sql(
                                "select amount from sales_transaction where source = 'salesforce' and external_id = '006WON00000001'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("25000.50");
        assertThat(jdbc.sql(
                                "select stage from opportunity where source = 'salesforce' and external_id = '006OPEN0000001'")
                        .query(String.class)
                        .single())
                .isEqualTo("Negotiation/Review");
        assertThat(jdbc.sql(
                                "select kind || ':' || duration_minutes from activity where source = 'salesforce' order by kind")
                        .query(String.class)
                        .list())
                .containsExactly("CALL:11", "EMAIL:0", "MEETING:45");
        assertThat(jdbc.sql(
                                "select a.name from activity x join account a on a.id = x.account_id where x.external_id = '00TCALL0000001'")
                        .query(String.class)
                        .single())
                .isEqualTo("Acme Corp");
        assertThat(run.get("counts").get("owners").asLong()).isEqualTo(1);
        assertThat(run.get("counts").get("ownersUnmatched").asLong())
                .as("ghost@example.com is nobody here")
                .isEqualTo(1);

        // The second run starts with the stored token at the stored instance, from the cursors the first run left.
        login.resetRequests();
        instance.resetRequests();
        JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/salesforce/sync", null)
                .body());
        assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("counts").path("wonBooked").asLong(0)).isZero();
        assertThat(again.get("counts").get("wonUnchanged").asLong()).isEqualTo(1);
        assertThat(login.findAll(anyRequestedFor(anyUrl())))
                .as("no new token while the stored one works")
                .isEmpty();
        for (String object : List.of("User", "Account", "Opportunity", "Task", "Event")) {
            instance.verify(
                    1,
                    queried(object, "LastModifiedDate >= 2026-11-20T10:00:00Z ORDER BY LastModifiedDate ASC")
                            .withHeader("Authorization", equalTo("Bearer 00Dtoken2")));
        }
        assertThat(instance.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer 00Dtoken2"));
    }

    @Test
    void theOrgsDailyApiLimitEndsTheRunWithSalesforcesMessageWithoutRetrying() {
        WebSession admin = login("admin", "demo");
        tokenEndpoint(1);
        instance.stubFor(get(urlPathEqualTo(QUERY))
                .willReturn(errors(403, "TotalRequests Limit exceeded.", "REQUEST_LIMIT_EXCEEDED")));
        configure(admin);

        JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/salesforce/sync", null)
                .body());
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("message").asString()).contains("403").contains("REQUEST_LIMIT_EXCEEDED");
        instance.verify(1, getRequestedFor(anyUrl()));
        instance.verify(1, queried("User").withHeader("Authorization", equalTo("Bearer 00Dtoken1")));
    }
}
