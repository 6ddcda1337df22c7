package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.attain.platform.InstanceLease;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Attain killed between claiming a delivery and recording its answer leaves the claim "processing":
 * the sender's retry applies the delivery (once), instead of being told it was done and losing it.
 */
class WebhookClaimLeftBehindTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InstanceLease lease;

    @Autowired
    java.time.Clock clock;

    @Autowired
    DataSource dataSource;

    private SignedWebhook crm;
    private String repEmail;

    @BeforeEach
    void registerTheCrm() {
        String source = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        var answer = login("admin", "demo")
                .sendJson("POST", "/api/v1/integrations/webhook-sources/" + source + "/secret", null);
        crm = new SignedWebhook(
                baseUrl(), source, Json.parse(answer.body()).get("secret").asString(), clock);
        repEmail = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("person")
                .get("email")
                .asString();
    }

    private String dealWon(String id) {
        return """
                {"event":"deal.won","data":{"external_id":"%s","close_date":"2026-05-04","amount":"700.00",
                 "currency":"USD","owner":"%s"}}""".formatted(id, repEmail);
    }

    private void claimedBy(String delivery, int instance) {
        jdbc.sql("""
                insert into integration_webhook_delivery(source, delivery_id, event, received_at, outcome, instance_key)
                values (:s, :d, 'deal.won', now(), '{"status":"processing"}', :k)""")
                .param("s", crm.source())
                .param("d", delivery)
                .param("k", instance)
                .update();
    }

    private long transactions(String externalId) {
        return jdbc.sql("select count(*) from sales_transaction where source = :s and external_id = :id")
                .param("s", crm.source())
                .param("id", externalId)
                .query(Long.class)
                .single();
    }

    @Test
    void aRetryAppliesADeliveryWhoseInstanceDiedWhileApplyingIt() {
        int dead = lease.key() + 1;
        assertThat(InstanceLease.gone(jdbc, dead)).isTrue();
        claimedBy("d-killed", dead);

        var retry = crm.send("d-killed", dealWon("OPP-K1"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(Json.parse(retry.body()).get("status").asString()).isEqualTo("applied");
        assertThat(transactions("OPP-K1")).isEqualTo(1);

        var again = crm.send("d-killed", dealWon("OPP-K1"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Json.parse(again.body()).get("status").asString()).isEqualTo("applied");
        assertThat(transactions("OPP-K1")).isEqualTo(1);
    }

    @Test
    void aClaimOfThisInstanceThatNoRequestIsApplyingAnyMoreIsTakenOver() {
        // the apply failed while the database was down, so freeing the claim failed too
        claimedBy("d-stuck", lease.key());

        var retry = crm.send("d-stuck", dealWon("OPP-K3"));
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(Json.parse(retry.body()).get("status").asString()).isEqualTo("applied");
        assertThat(transactions("OPP-K3")).isEqualTo(1);
    }

    @Test
    void aRepeatWhileAnotherLiveInstanceAppliesTheDeliveryIsToldToComeBack() throws Exception {
        int other = lease.key() + 2;
        try (Connection otherInstance = dataSource.getConnection();
                Statement s = otherInstance.createStatement()) {
            // what a live instance holds for its life (InstanceLease)
            s.execute("select pg_advisory_lock_shared(7362, " + other + ")");
            claimedBy("d-busy", other);
            var repeat = crm.send("d-busy", dealWon("OPP-K2"));
            assertThat(repeat.statusCode()).isEqualTo(409);
            assertThat(repeat.headers().firstValue("Retry-After")).contains("5");
            assertThat(repeat.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(transactions("OPP-K2")).isZero();
        } finally {
            jdbc.sql("delete from integration_webhook_delivery where source = :s and delivery_id = 'd-busy'")
                    .param("s", crm.source())
                    .update();
        }
    }
}
