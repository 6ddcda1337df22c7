package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Salesforce connector against a stand-in that answers like Salesforce's REST API: OAuth
 * token, SOQL query pages linked by nextRecordsUrl, an expired session in the middle of paging and
 * a rate limit (429 with Retry-After). Won deals become pay, open deals pipeline, tasks and events activity.
 */
class SalesforceConnectorTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String page(String type, boolean done, String next, String... records) {
        return """
                {"totalSize":%d,"done":%s,%s"records":[%s]}""".formatted(records.length, done,
                next == null ? "" : "\"nextRecordsUrl\":\"" + next + "\",", String.join(",", records).replace("@T", type));
    }

    private static String record(String type, String id, String fields) {
        return """
                {"attributes":{"type":"%1$s","url":"/services/data/v62.0/sobjects/%1$s/%2$s"},"Id":"%2$s",%3$s,
                 "LastModifiedDate":"2026-11-20T10:00:00.000+0000"}""".formatted(type, id, fields);
    }

    private static String soqlObject(FakeVendor.Seen request) {
        String q = java.net.URLDecoder.decode(request.query(), java.nio.charset.StandardCharsets.UTF_8);
        return q.replaceAll(".* FROM (\\w+) .*", "$1");
    }

    @Test
    void pullsOwnersAccountsDealsAndActivitiesThroughPagingExpiredTokensAndRateLimits() {
        WebSession admin = login("admin", "demo");
        String email = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person").get("email").asString();
        AtomicInteger tokens = new AtomicInteger();
        try (FakeVendor sf = new FakeVendor()) {
            sf.on("POST /services/oauth2/token", r -> FakeVendor.Answer.json("""
                    {"access_token":"00Dtoken%d","signature":"c2ln","scope":"refresh_token api","instance_url":"%s",
                     "id":"%s/id/00Dxx0000001gPL/005xx000001Sv6A","token_type":"Bearer","issued_at":"1764150000000"}"""
                    .formatted(tokens.incrementAndGet(), sf.url(), sf.url())));
            sf.on("GET /services/data/v62.0/query/01gD0000002HU6KIAW-2000", r -> FakeVendor.Answer.json(page("Opportunity", true, null,
                    record("Opportunity", "006OPEN0000001", "\"Name\":\"Pilot\",\"AccountId\":\"001ACME0000001\",\"OwnerId\":\"005REP\","
                            + "\"StageName\":\"Negotiation/Review\",\"Amount\":8000.0,\"CloseDate\":\"2026-12-15\","
                            + "\"CreatedDate\":\"2026-10-01T08:00:00.000+0000\",\"Probability\":60.0,\"IsWon\":false,"
                            + "\"IsClosed\":false,\"Type\":\"New Business\""))));
            sf.on("GET /services/data/v62.0/query", r -> FakeVendor.Answer.json(switch (soqlObject(r)) {
                case "User" -> page("User", true, null, record("User", "005REP", "\"Email\":\"" + email + "\",\"Name\":\"Rep\""),
                        record("User", "005GHOST", "\"Email\":\"ghost@example.com\",\"Name\":\"Ghost\""));
                case "Account" -> page("Account", true, null, record("Account", "001ACME0000001",
                        "\"Name\":\"Acme Corp\",\"Industry\":\"Manufacturing\",\"OwnerId\":\"005REP\""));
                case "Opportunity" -> page("Opportunity", false, "/services/data/v62.0/query/01gD0000002HU6KIAW-2000",
                        record("Opportunity", "006WON00000001", "\"Name\":\"Acme expansion\",\"AccountId\":\"001ACME0000001\","
                                + "\"OwnerId\":\"005REP\",\"StageName\":\"Closed Won\",\"Amount\":25000.5,\"CloseDate\":\"2026-11-18\","
                                + "\"CreatedDate\":\"2026-09-01T08:00:00.000+0000\",\"Probability\":100.0,\"IsWon\":true,"
                                + "\"IsClosed\":true,\"Type\":\"New Business\""));
                case "Task" -> page("Task", true, null,
                        record("Task", "00TCALL0000001", "\"OwnerId\":\"005REP\",\"Subject\":\"Call\",\"TaskSubtype\":\"Call\","
                                + "\"CallDurationInSeconds\":610,\"CallDisposition\":\"Connected\",\"Status\":\"Completed\","
                                + "\"CreatedDate\":\"2026-11-20T09:00:00.000+0000\",\"WhatId\":\"006OPEN0000001\",\"AccountId\":\"001ACME0000001\""),
                        record("Task", "00TMAIL0000001", "\"OwnerId\":\"005REP\",\"Subject\":\"Email: Proposal\",\"TaskSubtype\":\"Email\","
                                + "\"CallDurationInSeconds\":null,\"CallDisposition\":null,\"Status\":\"Completed\","
                                + "\"CreatedDate\":\"2026-11-20T11:00:00.000+0000\",\"WhatId\":null,\"AccountId\":\"001ACME0000001\""));
                case "Event" -> page("Event", true, null, record("Event", "00UMEET0000001", "\"OwnerId\":\"005REP\","
                        + "\"Subject\":\"Demo\",\"StartDateTime\":\"2026-11-21T14:00:00.000+0000\",\"DurationInMinutes\":45,"
                        + "\"WhatId\":\"006OPEN0000001\",\"AccountId\":\"001ACME0000001\""));
                default -> "{\"totalSize\":0,\"done\":true,\"records\":[]}";
            }));
            // The session expires while paging, and the task query is rate limited once.
            sf.once("GET /services/data/v62.0/query/01gD0000002HU6KIAW-2000", new FakeVendor.Answer(401,
                    "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]", Map.of()));

            assertThat(admin.sendJson("PUT", "/api/v1/integrations/connectors/salesforce", """
                    {"baseUrl":"%s","apiVersion":"v62.0","currency":"USD",
                     "credentials":{"client_id":"3MVG9","client_secret":"s3cret","refresh_token":"5Aep861"}}""".formatted(sf.url()))
                    .statusCode()).isEqualTo(200);
            sf.once("GET /services/data/v62.0/query", new FakeVendor.Answer(429,
                    "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                    Map.of("Retry-After", "1")));

            JsonNode run = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/salesforce/sync", null).body());
            assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
            assertThat(tokens.get()).as("one token to start, one after the expired session").isEqualTo(2);

            assertThat(jdbc.sql("select amount from sales_transaction where source = 'salesforce' and external_id = '006WON00000001'")
                    .query(BigDecimal.class).single()).isEqualByComparingTo("25000.50");
            assertThat(jdbc.sql("select stage from opportunity where source = 'salesforce' and external_id = '006OPEN0000001'")
                    .query(String.class).single()).isEqualTo("Negotiation/Review");
            assertThat(jdbc.sql("select kind || ':' || duration_minutes from activity where source = 'salesforce' order by kind")
                    .query(String.class).list()).containsExactly("CALL:11", "EMAIL:0", "MEETING:45");
            assertThat(jdbc.sql("select a.name from activity x join account a on a.id = x.account_id where x.external_id = '00TCALL0000001'")
                    .query(String.class).single()).isEqualTo("Acme Corp");
            assertThat(run.get("counts").get("owners").asLong()).isEqualTo(1);
            assertThat(run.get("counts").get("ownersUnmatched").asLong()).as("ghost@example.com is nobody here").isEqualTo(1);

            int before = sf.seen().size();
            JsonNode again = Json.parse(admin.sendJson("POST", "/api/v1/integrations/connectors/salesforce/sync", null).body());
            assertThat(again.get("counts").path("wonBooked").asLong(0)).isZero();
            assertThat(again.get("counts").get("wonUnchanged").asLong()).isEqualTo(1);
            var opportunityQuery = sf.seen().subList(before, sf.seen().size()).stream()
                    .filter(s -> s.query() != null && soqlObject(s).equals("Opportunity")).findFirst().orElseThrow();
            assertThat(java.net.URLDecoder.decode(opportunityQuery.query(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("LastModifiedDate >= 2026-11-20T10:00:00Z ORDER BY LastModifiedDate ASC");
            assertThat(opportunityQuery.authorization()).isEqualTo("Bearer 00Dtoken2");
        }
    }
}
