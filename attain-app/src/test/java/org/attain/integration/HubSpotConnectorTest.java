package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The HubSpot connector against a stand-in answering like the CRM v3 API: owners and search
 * results paged by "after", a 429 with Retry-After on the calls search, and a revoked token.
 */
class HubSpotConnectorTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String results(String next, String... objects) {
        return """
                {"total":%d,"results":[%s]%s}""".formatted(objects.length, String.join(",", objects),
                next == null ? "" : ",\"paging\":{\"next\":{\"after\":\"" + next + "\",\"link\":\"https://api.hubapi.com/x?after=" + next + "\"}}");
    }

    private static String object(String id, String properties) {
        return """
                {"id":"%1$s","properties":{%2$s,"hs_lastmodifieddate":"2026-11-20T10:00:00.000Z","hs_object_id":"%1$s"},
                 "createdAt":"2026-10-01T12:00:00.000Z","updatedAt":"2026-11-20T10:00:00.000Z","archived":false}"""
                .formatted(id, properties);
    }

    private static String owner(String id, String email) {
        return """
                {"id":"%s","email":"%s","type":"PERSON","firstName":"A","lastName":"B","userId":9586504,
                 "createdAt":"2019-12-25T13:01:35.228Z","updatedAt":"2023-08-22T13:40:26.790Z","archived":false}"""
                .formatted(id, email);
    }

    private void configure(WebSession admin, FakeVendor hub, String token) {
        assertThat(admin.sendJson("PUT", "/api/v1/integrations/connectors/hubspot", """
                {"baseUrl":"%s","currency":"EUR","credentials":{"token":"%s"}}""".formatted(hub.url(), token)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void pullsOwnersDealsAndEngagementsPageByPageAndWaitsOutTheRateLimit() {
        WebSession admin = login("admin", "demo");
        String email = Json.parse(login("manager", "demo").get("/api/v1/me").body()).get("person").get("email").asString();
        try (FakeVendor hub = new FakeVendor()) {
            hub.on("GET /crm/v3/owners", r -> FakeVendor.Answer.json(r.query().contains("after=2")
                    ? results(null, owner("77", email)) : results("2", owner("41", "someone@else.example"))));
            hub.on("POST /crm/v3/objects/companies/search", r -> FakeVendor.Answer.json(results(null)));
            hub.on("POST /crm/v3/objects/deals/search", r -> FakeVendor.Answer.json(r.body().contains("\"after\":\"100\"")
                    ? results(null, object("9002", "\"dealname\":\"Open deal\",\"amount\":\"4000\",\"closedate\":\"2026-12-20T00:00:00Z\","
                            + "\"createdate\":\"2026-10-01T12:00:00.000Z\",\"dealstage\":\"presentationscheduled\",\"hubspot_owner_id\":\"77\","
                            + "\"hs_is_closed_won\":\"false\",\"hs_is_closed\":\"false\",\"hs_deal_stage_probability\":\"0.6\""))
                    : results("100", object("9001", "\"dealname\":\"Won deal\",\"amount\":\"1500.25\",\"closedate\":\"2026-11-18T00:00:00Z\","
                            + "\"createdate\":\"2026-10-01T12:00:00.000Z\",\"dealstage\":\"closedwon\",\"hubspot_owner_id\":\"77\","
                            + "\"deal_currency_code\":\"EUR\",\"hs_is_closed_won\":\"true\",\"hs_is_closed\":\"true\","
                            + "\"hs_deal_stage_probability\":\"1\",\"dealtype\":\"newbusiness\""))));
            hub.on("POST /crm/v3/objects/calls/search", r -> FakeVendor.Answer.json(results(null, object("5001",
                    "\"hs_timestamp\":\"2026-11-20T09:00:00.000Z\",\"hs_call_duration\":\"125000\","
                            + "\"hs_call_disposition\":\"f240bbac-87c9-4f6e-bf70-924b57d47db7\",\"hs_call_status\":\"COMPLETED\","
                            + "\"hubspot_owner_id\":\"77\""))));
            hub.on("POST /crm/v3/objects/emails/search", r -> FakeVendor.Answer.json(results(null, object("6001",
                    "\"hs_timestamp\":\"2026-11-20T10:00:00.000Z\",\"hs_email_status\":\"SENT\",\"hubspot_owner_id\":\"77\""))));
            hub.on("POST /crm/v3/objects/meetings/search", r -> FakeVendor.Answer.json(results(null, object("7001",
                    "\"hs_timestamp\":\"2026-11-21T14:00:00.000Z\",\"hs_meeting_start_time\":\"2026-11-21T14:00:00.000Z\","
                            + "\"hs_meeting_end_time\":\"2026-11-21T14:30:00.000Z\",\"hs_meeting_outcome\":\"COMPLETED\","
                            + "\"hubspot_owner_id\":\"77\""))));
            hub.once("POST /crm/v3/objects/calls/search", new FakeVendor.Answer(429, """
                    {"status":"error","message":"You have reached your secondly limit.","errorType":"RATE_LIMIT",
                     "correlationId":"c033cdaa-2c40-4a64-ae48-b4cec88dad24","policyName":"SECONDLY"}""", Map.of("Retry-After", "1")));
            configure(admin, hub, "pat-na1-11111111");

            JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null).body());
            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");

            assertThat(jdbc.sql("select amount || ' ' || currency from sales_transaction where source = 'hubspot' and external_id = '9001'")
                    .query(String.class).single()).isEqualTo(new BigDecimal("1500.2500") + " EUR");
            assertThat(jdbc.sql("select probability from opportunity where source = 'hubspot' and external_id = '9002'")
                    .query(BigDecimal.class).single()).isEqualByComparingTo("0.6");
            assertThat(jdbc.sql("select kind || ':' || duration_minutes from activity where source = 'hubspot' order by kind")
                    .query(String.class).list()).containsExactly("CALL:3", "EMAIL:0", "MEETING:30");
            assertThat(hub.seen()).allSatisfy(s -> assertThat(s.authorization()).isEqualTo("Bearer pat-na1-11111111"));
            assertThat(hub.seen().stream().filter(s -> s.path().equals("/crm/v3/objects/calls/search")).count())
                    .as("the rate-limited search is asked again").isEqualTo(2);

            JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null).body());
            assertThat(again.get("counts").path("activities").asLong(0)).isZero();
            assertThat(hub.seen().get(hub.seen().size() - 1).body()).contains("\"value\":\"" + 1795168800000L + "\"");
        }
    }

    @Test
    void aRevokedPrivateAppTokenStopsTheRunWithAClearMessage() {
        WebSession admin = login("admin", "demo");
        try (FakeVendor hub = new FakeVendor()) {
            hub.on("GET /crm/v3/owners", r -> new FakeVendor.Answer(401, """
                    {"status":"error","message":"Authentication credentials not found.","correlationId":"x","category":"INVALID_AUTHENTICATION"}""",
                    Map.of()));
            configure(admin, hub, "pat-na1-revoked");
            JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/hubspot/sync", null).body());
            assertThat(run.get("status").asString()).isEqualTo("FAILED");
            assertThat(run.get("message").asString()).contains("no refresh token").contains("private-app token");
        }
    }

    @Test
    void onlyAdminsConfigureConnectors() {
        assertThat(login("compadmin", "demo").get("/api/v1/integrations/connectors").statusCode()).isEqualTo(403);
        assertThat(login("admin", "demo").sendJson("PUT", "/api/v1/integrations/connectors/hubspot",
                "{\"baseUrl\":\"http://example.com\"}").statusCode()).isEqualTo(400);
    }
}
