package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A correction to a deal in a closed quarter: the closed statement stays exactly as issued, and the
 * difference is paid in the open quarter as a prior-period adjustment that names the closed quarter.
 */
class PriorPeriodAdjustmentTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCorrectionToAClosedQuarterIsPaidAsAnAdjustmentInTheOpenOne() {
        WebSession compAdmin = login("compadmin", "demo");
        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("id")
                .asLong();
        String current = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        record Deal(String externalId, String period, String currency, BigDecimal amount, String closeDate) {}
        Deal deal = jdbc.sql("""
                select t.external_id, q.id as period, t.currency, t.amount, t.close_date::text as close_date
                from sales_transaction t join period q on q.kind = 'QUARTER' and t.close_date between q.starts_on and q.ends_on
                where t.owner_id = :rep and t.source = 'attain' and t.status = 'won' and t.splits is null
                  and q.ends_on < (select starts_on from period where id = :current) and q.status = 'OPEN'
                order by t.close_date desc limit 1""")
                .param("rep", rep)
                .param("current", current)
                .query(Deal.class)
                .single();

        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/periods/" + deal.period() + "/close", null)
                        .statusCode())
                .isEqualTo(200);
        JsonNode closedBefore = statement(compAdmin, rep, deal.period());

        var corrected = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [{"external_id": "%s", "close_date": "%s", "amount": "%s",
                  "currency": "%s", "owner": "%s"}]}""".formatted(
                        deal.externalId(),
                        deal.closeDate(),
                        deal.amount().add(new BigDecimal("10000")).toPlainString(),
                        deal.currency(),
                        jdbc.sql("select external_id from person where id = :p")
                                .param("p", rep)
                                .query(String.class)
                                .single()));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(Json.parse(corrected.body()).get("updated").asLong()).isEqualTo(1);

        JsonNode closedAfter = statement(compAdmin, rep, deal.period());
        assertThat(closedAfter.get("payout").decimalValue())
                .isEqualByComparingTo(closedBefore.get("payout").decimalValue());
        assertThat(closedAfter.get("runId").asLong())
                .isEqualTo(closedBefore.get("runId").asLong());

        // The correction is made after today's close, so it counts from tomorrow (the engine counts in
        // days): on a quarter's last day it is paid in the next quarter.
        String paidIn = jdbc.sql("select id from period where kind = 'QUARTER' and :d between starts_on and ends_on")
                .param("d", TODAY.plusDays(1))
                .query(String.class)
                .single();
        JsonNode open = statement(compAdmin, rep, paidIn);
        JsonNode adjustment = null;
        for (JsonNode line : open.get("lines")) {
            if (line.get("component").asString().equals("prior_period_adjustment")) {
                adjustment = line;
            }
        }
        assertThat(adjustment)
                .as("a prior-period adjustment line in %s", paidIn)
                .isNotNull();
        assertThat(adjustment.get("forPeriod").asString()).isEqualTo(deal.period());
        assertThat(adjustment.get("amount").decimalValue()).isPositive();
    }

    private static JsonNode statement(WebSession s, long person, String period) {
        return Json.parse(
                s.get("/api/v1/people/" + person + "/earnings?period=" + period).body());
    }
}
