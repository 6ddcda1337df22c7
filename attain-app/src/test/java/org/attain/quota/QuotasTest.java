package org.attain.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A comp admin changes quotas in bulk; the change is audited, all-or-nothing, and flows into pay. */
class QuotasTest extends AttainIntegrationTest {

    @Test
    void aNewQuotaIsAuditedAndRecalculatesTheRep() throws InterruptedException {
        WebSession compAdmin = login("compadmin", "demo");
        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var response = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"rows\":[{\"personId\":" + rep + ",\"periodId\":\"" + quarter + "\",\"amount\":\"123000.00\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("changed").asInt()).isEqualTo(1);

        BigDecimal quota = null;
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            JsonNode statement = Json.parse(compAdmin
                    .get("/api/v1/people/" + rep + "/earnings?period=" + quarter)
                    .body());
            quota = statement.get("quota").decimalValue();
            if (quota.compareTo(new BigDecimal("123000")) == 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(quota).isEqualByComparingTo("123000.00");
        assertThat(login("admin", "demo").get("/api/v1/audit?action=QUOTA_SET").body())
                .contains(rep + "/" + quarter);
    }

    @Test
    void aBulkEditWithOneBadRowSavesNothingAndNamesTheRow() {
        WebSession compAdmin = login("compadmin", "demo");
        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        var response = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"rows\":["
                        + "{\"personId\":" + rep + ",\"periodId\":\"" + quarter + "\",\"amount\":\"1.00\"},"
                        + "{\"personId\":" + rep + ",\"periodId\":\"" + quarter + "\",\"amount\":\"-5\"}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("rows[2].amount");
        JsonNode rows =
                Json.parse(compAdmin.get("/api/v1/quotas?period=" + quarter).body());
        rows.forEach(r -> {
            if (r.get("personId").asLong() == rep) {
                assertThat(r.get("amount").decimalValue()).isNotEqualByComparingTo("1.00");
            }
        });
    }

    @Test
    void repsCannotSetQuotasAndManagersSeeOnlyTheirTeam() {
        String quarter = Json.parse(login("rep", "demo")
                        .get("/api/v1/periods/current?kind=QUARTER")
                        .body())
                .get("id")
                .asString();
        assertThat(login("rep", "demo")
                        .sendJson("PUT", "/api/v1/quotas", "{\"rows\":[]}")
                        .statusCode())
                .isEqualTo(403);
        int managerSees = Json.parse(login("manager", "demo")
                        .get("/api/v1/quotas?period=" + quarter)
                        .body())
                .size();
        int adminSees = Json.parse(login("compadmin", "demo")
                        .get("/api/v1/quotas?period=" + quarter)
                        .body())
                .size();
        assertThat(managerSees).isPositive().isLessThan(adminSees);
    }
}
