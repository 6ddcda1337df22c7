package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A CRM pushes deals and activities; only signed, fresh deliveries count, and each delivery counts once. */
@DateDependent
class InboundWebhookTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private SignedWebhook crm;
    private String repEmail;

    @BeforeEach
    void registerTheCrm() {
        String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = login("admin", "demo")
                .sendJson("POST", "/api/v1/integrations/webhook-sources/" + source + "/secret", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        crm = new SignedWebhook(
                baseUrl(), source, Json.parse(answer.body()).get("secret").asString(), clock);
        repEmail = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
    }

    private String dealWon(String id, String amount) {
        return """
                {"event":"deal.won","data":{"external_id":"%s","name":"Big renewal","close_date":"2026-05-04","amount":"%s",
                 "currency":"USD","owner":"%s","deal_type":"new_logo"}}""".formatted(id, amount, repEmail);
    }

    private long transactions(String externalId) {
        return jdbc.sql("select count(*) from sales_transaction where source = :s and external_id = :id")
                .param("s", crm.source())
                .param("id", externalId)
                .query(Long.class)
                .single();
    }

    @Test
    void aWonDealBecomesOneTransactionEvenWhenTheDeliveryIsRepeated() {
        var first = crm.send("d-1", dealWon("OPP-1", "12000.00"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Json.parse(first.body()).get("status").asString()).isEqualTo("applied");

        var again = crm.send("d-1", dealWon("OPP-1", "12000.00"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(transactions("OPP-1")).isEqualTo(1);
        assertThat(jdbc.sql("select amount from sales_transaction where source = :s and external_id = 'OPP-1'")
                        .param("s", crm.source())
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("12000.00");
    }

    @Test
    void aChangedAmountInANewDeliveryMakesANewVersion() {
        crm.send("d-1", dealWon("OPP-2", "5000.00"));
        var changed = crm.send("d-2", dealWon("OPP-2", "5500.00"));
        assertThat(Json.parse(changed.body()).get("status").asString()).isEqualTo("applied");
        assertThat(jdbc.sql("select version from sales_transaction where source = :s and external_id = 'OPP-2'")
                        .param("s", crm.source())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anOpenDealIsPipelineNotPay() {
        var response = crm.send("d-open", """
                {"event":"deal.changed","data":{"external_id":"OPP-3","name":"Pilot","stage":"Negotiation","close_date":"2026-09-30",
                 "amount":"8000","currency":"USD","owner":"%s","probability":"0.6"}}""".formatted(repEmail));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select stage from opportunity where source = :s and external_id = 'OPP-3'")
                        .param("s", crm.source())
                        .query(String.class)
                        .single())
                .isEqualTo("Negotiation");
        assertThat(transactions("OPP-3")).isZero();
    }

    @Test
    void aLoggedCallIsCapturedAsActivity() {
        var response = crm.send("d-call", """
                {"event":"activity.logged","data":{"external_id":"CALL-1","person":"%s","kind":"call",
                 "occurred_at":"2026-05-04T09:30:00Z","duration_minutes":25,"outcome":"connected"}}""".formatted(repEmail));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select duration_minutes from activity where source = :s and external_id = 'CALL-1'")
                        .param("s", crm.source())
                        .query(Integer.class)
                        .single())
                .isEqualTo(25);
    }

    @Test
    void aWrongSignatureIsRefusedWith401() {
        var response = crm.send("d-x", dealWon("OPP-4", "1.00"), crm.now(), "not-the-secret");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(transactions("OPP-4")).isZero();
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenCorrectlySigned() {
        long tenMinutesAgo = crm.now() - 600;
        var response = crm.send("d-old", dealWon("OPP-5", "1.00"), tenMinutesAgo, crm.secret());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Json.parse(response.body()).get("detail").asString()).contains("5 minutes");
    }

    @Test
    void aMissingSignatureIsRefused() {
        var response = crm.post("d-y", dealWon("OPP-6", "1.00").getBytes(), String.valueOf(crm.now()), null);
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedPayloadIsA400NamingTheField() {
        var response = crm.send("d-bad", """
                {"event":"deal.won","data":{"external_id":"OPP-7","close_date":"04.05.2026","amount":"12k","currency":"USD",
                 "owner":"%s"}}""".formatted(repEmail));
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = Json.parse(response.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactly("data.close_date", "data.amount");
        assertThat(crm.send("d-bad2", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void anAbsurdAmountANonCurrencyAndYearOneAreRefusedNamingTheirFieldsBeforeAnythingIsWritten() {
        var response = crm.send(
                "d-absurd",
                dealWon("OPP-9", "999999999999999.99")
                        .replace("\"USD\"", "\"XXX\"")
                        .replace("2026-05-04", "0001-01-01"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = Json.parse(response.body()).get("errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactly("data.close_date", "data.amount", "data.currency");
        assertThat(errors.get(1).get("reason").asString())
                .isEqualTo("amount 999999999999999.99 is too large: an amount must be less than 1000000000000 in size");
        assertThat(transactions("OPP-9")).isZero();
        assertThat(jdbc.sql("select count(*) from opportunity where source = :s and external_id = 'OPP-9'")
                        .param("s", crm.source())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anAmountSentAsAJsonNumberKeepsEveryDecimal() {
        var response = crm.send("d-number", dealWon("OPP-10", "x").replace("\"x\"", "900719925474.0993"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select amount::text from sales_transaction where source = :s and external_id = 'OPP-10'")
                        .param("s", crm.source())
                        .query(String.class)
                        .single())
                .isEqualTo("900719925474.0993");
        assertThat(crm.send("d-infinite", dealWon("OPP-11", "x").replace("\"x\"", "1e400"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anUnknownOwnerIsQuarantinedNotLost() {
        var response = crm.send("d-unknown", dealWon("OPP-8", "100.00").replace(repEmail, "nobody@example.com"));
        JsonNode body = Json.parse(response.body());
        assertThat(body.get("status").asString()).isEqualTo("rejected");
        assertThat(body.get("problems").get(0).get("field").asString()).isEqualTo("data.owner");
        long importId = body.get("importId").asLong();
        assertThat(login("compadmin", "demo")
                        .get("/api/v1/imports/" + importId + "/quarantine")
                        .body())
                .contains("nobody@example.com");
    }

    @Test
    void onlyAdminsRegisterSources() {
        WebSession compAdmin = login("compadmin", "demo");
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/integrations/webhook-sources/other/secret", null)
                        .statusCode())
                .isEqualTo(403);
    }
}
