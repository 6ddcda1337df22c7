package org.attain.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
 * The HubSpot connector against a WireMock server answering like the CRM v3 API: owners listed and
 * objects searched page by page through paging.next.after, a 429 with Retry-After on the calls
 * search, an OAuth access token that expires in the middle of a run and is refreshed at
 * /oauth/v1/token, and a revoked private-app token.
 */
class HubSpotConnectorTest extends AttainIntegrationTest {

    private static final String PRIVATE_APP_TOKEN = "pat-na1-11111111";
    /** 2026-11-20T10:00:00Z, the newest hs_lastmodifieddate of the first run. */
    private static final String CURSOR_AFTER_FIRST_RUN = "1795168800000";
    /** 2000-01-01T00:00:00Z, where a connector without a cursor starts. */
    private static final String BEGINNING = "946684800000";

    @RegisterExtension
    static WireMockExtension hub = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    @Autowired
    JdbcClient jdbc;

    private static String results(String next, String... objects) {
        return """
                {"total":%d,"results":[%s]%s}""".formatted(
                        objects.length,
                        String.join(",", objects),
                        next == null
                                ? ""
                                : ",\"paging\":{\"next\":{\"after\":\"" + next
                                        + "\",\"link\":\"https://api.hubapi.com/x?after=" + next + "\"}}");
    }

    private static String object(String id, String properties) {
        return """
                {"id":"%1$s","properties":{%2$s,"hs_lastmodifieddate":"2026-11-20T10:00:00.000Z","hs_object_id":"%1$s"},
                 "createdAt":"2026-10-01T12:00:00.000Z","updatedAt":"2026-11-20T10:00:00.000Z","archived":false}""".formatted(id, properties);
    }

    private static String owner(String id, String email) {
        return """
                {"id":"%s","email":"%s","type":"PERSON","firstName":"A","lastName":"B","userId":9586504,
                 "createdAt":"2019-12-25T13:01:35.228Z","updatedAt":"2023-08-22T13:40:26.790Z","archived":false}""".formatted(id, email);
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(body);
    }

    /**
     * A search as HubSpot's documentation writes it: one filter on hs_lastmodifieddate (GTE, epoch
     * millis), sorted ascending by it, the page size and the properties to return.
     */
    private static MappingBuilder search(String type, String bearer) {
        return post("/crm/v3/objects/" + type + "/search")
                .withHeader("Authorization", equalTo("Bearer " + bearer))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(
                        matchingJsonPath("$.filterGroups[0].filters[0].propertyName", equalTo("hs_lastmodifieddate")))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].operator", equalTo("GTE")))
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", matching("[0-9]+")))
                .withRequestBody(matchingJsonPath("$.sorts[0].propertyName", equalTo("hs_lastmodifieddate")))
                .withRequestBody(matchingJsonPath("$.sorts[0].direction", equalTo("ASCENDING")))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("100")))
                .withRequestBody(matchingJsonPath("$.properties[?(@ == 'hs_lastmodifieddate')]"))
                .withRequestBody(matchingJsonPath("$.properties[?(@ == 'hubspot_owner_id')]"));
    }

    private static RequestPatternBuilder searched(String type) {
        return postRequestedFor(urlEqualTo("/crm/v3/objects/" + type + "/search"));
    }

    private static RequestPatternBuilder searchedSince(String type, String epochMillis) {
        return searched(type)
                .withRequestBody(matchingJsonPath("$.filterGroups[0].filters[0].value", equalTo(epochMillis)));
    }

    private void configure(WebSession admin, String credentials) {
        assertThat(admin.sendJson("PUT", "/api/v1/integrations/connectors/hubspot", """
                {"baseUrl":"http://127.0.0.1:%d","currency":"EUR","credentials":%s}""".formatted(
                                        hub.getPort(), credentials))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void pullsOwnersDealsAndEngagementsPageByPageAndWaitsOutTheRateLimit() {
        WebSession admin = login("admin", "demo");
        String email = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
        String bearer = "Bearer " + PRIVATE_APP_TOKEN;
        hub.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .withHeader("Authorization", equalTo(bearer))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("after", absent())
                .willReturn(okJson(results("2", owner("41", "someone@else.example")))));
        hub.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .withHeader("Authorization", equalTo(bearer))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("after", equalTo("2"))
                .willReturn(okJson(results(null, owner("77", email)))));
        hub.stubFor(search("companies", PRIVATE_APP_TOKEN).willReturn(okJson(results(null))));
        hub.stubFor(search("deals", PRIVATE_APP_TOKEN)
                .atPriority(5)
                .withRequestBody(matchingJsonPath("$.properties[?(@ == 'dealstage')]"))
                .willReturn(okJson(results(
                        "100",
                        object(
                                "9001",
                                "\"dealname\":\"Won deal\",\"amount\":\"1500.25\","
                                        + "\"closedate\":\"2026-11-18T00:00:00Z\",\"createdate\":\"2026-10-01T12:00:00.000Z\",\"dealstage\":\"closedwon\","
                                        + "\"hubspot_owner_id\":\"77\",\"deal_currency_code\":\"EUR\",\"hs_is_closed_won\":\"true\",\"hs_is_closed\":\"true\","
                                        + "\"hs_deal_stage_probability\":\"1\",\"dealtype\":\"newbusiness\"")))));
        hub.stubFor(search("deals", PRIVATE_APP_TOKEN)
                .atPriority(1)
                .withRequestBody(matchingJsonPath("$.after", equalTo("100")))
                .willReturn(okJson(results(
                        null,
                        object(
                                "9002",
                                "\"dealname\":\"Open deal\",\"amount\":\"4000\","
                                        + "\"closedate\":\"2026-12-20T00:00:00Z\",\"createdate\":\"2026-10-01T12:00:00.000Z\","
                                        + "\"dealstage\":\"presentationscheduled\",\"hubspot_owner_id\":\"77\",\"hs_is_closed_won\":\"false\","
                                        + "\"hs_is_closed\":\"false\",\"hs_deal_stage_probability\":\"0.6\"")))));
        hub.stubFor(search("calls", PRIVATE_APP_TOKEN)
                .atPriority(5)
                .willReturn(okJson(results(
                        null,
                        object(
                                "5001",
                                "\"hs_timestamp\":\"2026-11-20T09:00:00.000Z\",\"hs_call_duration\":\"125000\","
                                        + "\"hs_call_disposition\":\"f240bbac-87c9-4f6e-bf70-924b57d47db7\",\"hs_call_status\":\"COMPLETED\","
                                        + "\"hubspot_owner_id\":\"77\"")))));
        hub.stubFor(
                search("emails", PRIVATE_APP_TOKEN)
                        .willReturn(
                                okJson(
                                        results(
                                                null,
                                                object(
                                                        "6001",
                                                        "\"hs_timestamp\":\"2026-11-20T10:00:00.000Z\",\"hs_email_status\":\"SENT\",\"hubspot_owner_id\":\"77\"")))));
        hub.stubFor(search("meetings", PRIVATE_APP_TOKEN)
                .willReturn(okJson(results(
                        null,
                        object(
                                "7001",
                                "\"hs_timestamp\":\"2026-11-21T14:00:00.000Z\",\"hs_meeting_start_time\":\"2026-11-21T14:00:00.000Z\","
                                        + "\"hs_meeting_end_time\":\"2026-11-21T14:30:00.000Z\",\"hs_meeting_outcome\":\"COMPLETED\","
                                        + "\"hubspot_owner_id\":\"77\"")))));
        // The first calls search hits the ten-secondly limit.
        hub.stubFor(post("/crm/v3/objects/calls/search")
                .atPriority(1)
                .inScenario("limit")
                .whenScenarioStateIs(STARTED)
                .willReturn(error(429, """
                        {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT",
                         "correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"TEN_SECONDLY_ROLLING"}""").withHeader("Retry-After", "1"))
                .willSetStateTo("waited"));
        configure(admin, "{\"token\":\"" + PRIVATE_APP_TOKEN + "\"}");

        JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null)
                .body());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(hub.findAllUnmatchedRequests()).isEmpty();
        // The first run reads every object type from the beginning (no cursor yet).
        assertThat(hub.findAll(postRequestedFor(urlPathMatching("/crm/v3/objects/.*/search"))))
                .as("companies, 2 deals pages, calls twice, emails, meetings")
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"value\":\"" + BEGINNING + "\""));

        assertThat(jdbc.sql(
                                "select amount || ' ' || currency from sales_transaction where source = 'hubspot' and external_id = '9001'")
                        .query(String.class)
                        .single())
                .isEqualTo(new BigDecimal("1500.2500") + " EUR");
        assertThat(jdbc.sql("select probability from opportunity where source = 'hubspot' and external_id = '9002'")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0.6");
        assertThat(jdbc.sql(
                                "select kind || ':' || duration_minutes from activity where source = 'hubspot' order by kind")
                        .query(String.class)
                        .list())
                .containsExactly("CALL:3", "EMAIL:0", "MEETING:30");
        assertThat(hub.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(bearer));
        // Both pages of owners and deals, each next page asked with the previous page's paging.next.after.
        hub.verify(2, getRequestedFor(urlPathEqualTo("/crm/v3/owners")));
        hub.verify(1, getRequestedFor(urlPathEqualTo("/crm/v3/owners")).withQueryParam("after", equalTo("2")));
        hub.verify(2, searched("deals"));
        hub.verify(1, searched("deals").withRequestBody(matchingJsonPath("$.after", equalTo("100"))));
        // The rate-limited search is asked again, after the Retry-After second.
        List<LoggedRequest> calls = hub.findAll(searched("calls"));
        assertThat(calls).as("the rate-limited search is asked again").hasSize(2);
        assertThat(calls.get(1).getLoggedDate().getTime()
                        - calls.get(0).getLoggedDate().getTime())
                .as("Retry-After: 1 is waited out")
                .isGreaterThanOrEqualTo(900);

        hub.resetRequests();
        JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null)
                .body());
        assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(again.get("counts").path("activities").asLong(0)).isZero();
        // Each object type with records is searched (every page of it) from the newest hs_lastmodifieddate the first
        // run saw; companies, which had none, from where they were.
        for (String type : List.of("deals", "calls", "emails", "meetings")) {
            hub.verify(type.equals("deals") ? 2 : 1, searchedSince(type, CURSOR_AFTER_FIRST_RUN));
            hub.verify(
                    0,
                    searched(type)
                            .withRequestBody(matchingJsonPath(
                                    "$.filterGroups[0].filters[0].value", not(equalTo(CURSOR_AFTER_FIRST_RUN)))));
        }
        hub.verify(1, searchedSince("companies", BEGINNING));
    }

    @Test
    void anExpiredOAuthTokenIsRefreshedOnceAndKeptForTheNextRun() {
        WebSession admin = login("admin", "demo");
        String email = Json.parse(login("manager", "demo").get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
        String expired = "CJSP5qf1KhICAQEYs-gDIIGOBii1";
        String fresh = "CN2zlYnmLBICAQIYyLmHAiCqmQ";
        // The old token still works for the first owners page, then expires: from then on HubSpot refuses it
        // everywhere.
        hub.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .withQueryParam("after", absent())
                .withHeader("Authorization", matching("Bearer (" + expired + "|" + fresh + ")"))
                .inScenario("expiry")
                .willSetStateTo("expired")
                .willReturn(okJson(results("2", owner("41", "someone@else.example")))));
        hub.stubFor(any(urlPathMatching("/crm/.*"))
                .atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + expired))
                .inScenario("expiry")
                .whenScenarioStateIs("expired")
                .willReturn(error(401, """
                        {"status":"error","message":"The OAuth token used to make this call expired 3 second(s) ago.",
                         "correlationId":"5b2a5e8b-3b1e-4d4c-9a3d-1b0b8f0e2c11","category":"EXPIRED_AUTHENTICATION"}""")));
        hub.stubFor(post("/oauth/v1/token")
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("client_id", equalTo("5fd3a6e1-3c47-4d2c-9a10-2f6c1b1c1d2e"))
                .withFormParam("client_secret", equalTo("7a9b0c1d-secret"))
                .withFormParam("refresh_token", equalTo("6f18f21e-a743-4509"))
                .willReturn(okJson("""
                        {"token_type":"bearer","refresh_token":"6f18f21e-a743-4509","access_token":"%s","expires_in":1800}""".formatted(fresh))));
        hub.stubFor(get(urlPathEqualTo("/crm/v3/owners"))
                .withQueryParam("after", equalTo("2"))
                .withHeader("Authorization", equalTo("Bearer " + fresh))
                .willReturn(okJson(results(null, owner("77", email)))));
        for (String type : List.of("companies", "deals", "calls", "emails", "meetings")) {
            hub.stubFor(search(type, fresh).willReturn(okJson(results(null))));
        }
        configure(admin, """
                {"access_token":"%s","refresh_token":"6f18f21e-a743-4509",
                 "client_id":"5fd3a6e1-3c47-4d2c-9a10-2f6c1b1c1d2e","client_secret":"7a9b0c1d-secret"}""".formatted(expired));

        JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null)
                .body());
        assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(hub.findAllUnmatchedRequests()).isEmpty();
        assertThat(run.get("counts").get("owners").asLong()).isEqualTo(1);
        hub.verify(1, postRequestedFor(urlEqualTo("/oauth/v1/token")));
        hub.verify(
                1,
                getRequestedFor(urlPathEqualTo("/crm/v3/owners"))
                        .withQueryParam("after", equalTo("2"))
                        .withHeader("Authorization", equalTo("Bearer " + expired)));
        hub.verify(
                1,
                getRequestedFor(urlPathEqualTo("/crm/v3/owners"))
                        .withQueryParam("after", equalTo("2"))
                        .withHeader("Authorization", equalTo("Bearer " + fresh)));
        hub.verify(
                5,
                postRequestedFor(urlPathMatching("/crm/v3/objects/.*/search"))
                        .withHeader("Authorization", equalTo("Bearer " + fresh)));

        // The refreshed token was stored: the next run uses it from the start and needs no refresh.
        hub.resetRequests();
        JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null)
                .body());
        assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
        hub.verify(0, postRequestedFor(urlEqualTo("/oauth/v1/token")));
        assertThat(hub.findAll(anyRequestedFor(anyUrl())))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + fresh));
    }

    @Test
    void aRevokedPrivateAppTokenStopsTheRunWithAClearMessage() {
        WebSession admin = login("admin", "demo");
        hub.stubFor(get(urlPathEqualTo("/crm/v3/owners")).willReturn(error(401, """
                {"status":"error","message":"Authentication credentials not found.","correlationId":"x","category":"INVALID_AUTHENTICATION"}""")));
        configure(admin, "{\"token\":\"pat-na1-revoked\"}");
        JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null)
                .body());
        assertThat(run.get("status").asString()).isEqualTo("FAILED");
        assertThat(run.get("message").asString()).contains("no refresh token").contains("private-app token");
        hub.verify(1, getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer pat-na1-revoked")));
        hub.verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void onlyAdminsConfigureConnectors() {
        assertThat(login("compadmin", "demo")
                        .get("/api/v1/integrations/connectors")
                        .statusCode())
                .isEqualTo(403);
        assertThat(login("admin", "demo")
                        .sendJson(
                                "PUT",
                                "/api/v1/integrations/connectors/hubspot",
                                "{\"baseUrl\":\"http://example.com\"}")
                        .statusCode())
                .isEqualTo(400);
    }
}
