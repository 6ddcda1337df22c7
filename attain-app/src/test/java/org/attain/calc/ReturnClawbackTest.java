package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Golden case 19 in the app, over real HTTP: a return imported with {@code kind: return, refers_to} claws back what its
 * deal earned in the deal's closed quarter, in the open quarter where it is recorded, naming the deal in the trace;
 * the closed quarter stays as issued and the open quarter's attainment does not move. A return whose deal is unknown
 * is quarantined naming its row and the refers_to field.
 */
class ReturnClawbackTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalcRuns runs;

    @Test
    void return19ClawsBackItsCommissionInTheOpenQuarterNamingTheDeal() {
        WebSession compAdmin = login("compadmin", "demo");
        ReturnFixture f = ReturnFixture.make(jdbc, runs, compAdmin, TODAY);
        JsonNode closedBefore = f.closedBefore();

        JsonNode open = ReturnFixture.statement(compAdmin, f.rep(), f.paidIn());
        JsonNode clawback = ReturnFixture.clawback(open, f.returnId());
        assertThat(clawback)
                .as("a return clawback line in %s: %s", f.paidIn(), open)
                .isNotNull();
        assertThat(clawback.get("component").asString()).isEqualTo("clawback");
        assertThat(clawback.get("amount").decimalValue()).isNegative();
        // The quarter's clawback line adds up every return in it (other tests return the demo rep's deals too): the
        // step of this return names it; the line is what they take back, rounded once.
        // Each return takes back its share (args[3], "50%") of what its deal earned (args[4]).
        JsonNode step = null;
        java.util.Map<String, BigDecimal> byReturn = new java.util.HashMap<>();
        for (JsonNode s : clawback.get("trace").get("steps")) {
            if ("trace.returns.clawback".equals(s.path("code").asString(""))) {
                BigDecimal share =
                        new BigDecimal(s.get("args").get(3).asString().replace("%", "")).movePointLeft(2);
                byReturn.put(
                        s.get("args").get(0).asString(),
                        new BigDecimal(s.get("args").get(4).asString()).multiply(share));
                if (f.returnId().equals(s.get("args").get(0).asString())) {
                    step = s;
                }
            }
        }
        assertThat(step).as(clawback.toString()).isNotNull();
        JsonNode args = step.get("args");
        assertThat(args.get(0).asString()).isEqualTo(f.returnId());
        assertThat(args.get(1).asString()).isEqualTo(f.deal());
        assertThat(args.get(2).asString()).isEqualTo(f.dealPeriod());
        assertThat(args.get(3).asString()).isEqualTo("100%");
        assertThat(new BigDecimal(args.get(4).asString())).isPositive();
        // Exactly what the deals earned in their own quarters, rounded once.
        assertThat(clawback.get("amount").decimalValue())
                .as("%s", byReturn)
                .isEqualByComparingTo(byReturn.values().stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .negate());
        assertThat(clawback.get("trace").toString()).contains("trace.returns.slice", "trace.returns.bookings");

        // The return is no booking: the open quarter's attainment is what it was before the return.
        if (f.before().hasNonNull("attainment")) {
            assertThat(open.get("attainment").decimalValue())
                    .isEqualByComparingTo(f.before().get("attainment").decimalValue());
        }
        // The closed quarter is not rerun.
        JsonNode closedNow = ReturnFixture.statement(compAdmin, f.rep(), f.dealPeriod());
        assertThat(closedNow.get("runId").asLong())
                .isEqualTo(closedBefore.get("runId").asLong());
        assertThat(closedNow.get("payout").decimalValue())
                .isEqualByComparingTo(closedBefore.get("payout").decimalValue());
    }

    @Test
    void aReturnOfAnUnknownDealIsQuarantinedNamingItsRowAndTheRefersToField() {
        WebSession compAdmin = login("compadmin", "demo");
        long rep = ReturnFixture.repId(jdbc);
        var answer = compAdmin.sendJson(
                "POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [
                  {"external_id": "RET-OK-DEAL", "close_date": "%1$s", "amount": "10.00", "currency": "USD", "owner": "%2$s"},
                  {"external_id": "RET-UNKNOWN", "kind": "return", "refers_to": "NO-SUCH-DEAL", "close_date": "%1$s",
                   "amount": "-10.00", "currency": "USD", "owner": "%2$s"},
                  {"external_id": "RET-ON-A-DEAL", "refers_to": "RET-OK-DEAL", "close_date": "%1$s",
                   "amount": "-10.00", "currency": "USD", "owner": "%2$s"}]}""".formatted(TODAY, ReturnFixture.employeeId(jdbc, rep)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode result = Json.parse(answer.body());
        assertThat(result.get("accepted").asLong()).isEqualTo(1);
        assertThat(result.get("rejected").asLong()).isEqualTo(2);
        JsonNode unknown = rejection(result, 2);
        assertThat(unknown.get("problems").get(0).get("column").asString()).isEqualTo("refers_to");
        assertThat(unknown.get("problems").get(0).get("reason").asString())
                .isEqualTo("refers to transaction NO-SUCH-DEAL, which is not in source attain nor in this file;"
                        + " load the original deal first");
        JsonNode onADeal = rejection(result, 3);
        assertThat(onADeal.get("problems").get(0).get("column").asString()).isEqualTo("refers_to");
        assertThat(onADeal.get("problems").get(0).get("reason").asString())
                .isEqualTo("only a RETURN or REVERSAL refers to a deal; this row's kind is DEAL");
        assertThat(jdbc.sql(
                                "select count(*) from sales_transaction where external_id in ('RET-UNKNOWN', 'RET-ON-A-DEAL')")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void returnsAddingUpToMoreThanTheirDealAreQuarantinedAndAPartialReturnIsKept() {
        WebSession compAdmin = login("compadmin", "demo");
        long rep = ReturnFixture.repId(jdbc);
        String owner = ReturnFixture.employeeId(jdbc, rep);
        var first = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [
                  {"external_id": "RET-OVER-DEAL", "close_date": "%1$s", "amount": "100.00", "currency": "USD", "owner": "%2$s"},
                  {"external_id": "RET-OVER-1", "kind": "return", "refers_to": "RET-OVER-DEAL", "close_date": "%1$s",
                   "amount": "-60.00", "currency": "USD", "owner": "%2$s"}]}""".formatted(TODAY, owner));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Json.parse(first.body()).get("accepted").asLong())
                .as(first.body())
                .isEqualTo(2);

        // 60 are back already; another 60 would take back 120 of a 100 deal.
        var second = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [
                  {"external_id": "RET-OVER-2", "kind": "return", "refers_to": "RET-OVER-DEAL", "close_date": "%1$s",
                   "amount": "-60.00", "currency": "USD", "owner": "%2$s"}]}""".formatted(TODAY, owner));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode result = Json.parse(second.body());
        assertThat(result.get("rejected").asLong()).as(second.body()).isEqualTo(1);
        JsonNode over = rejection(result, 1);
        assertThat(over.get("problems").get(0).get("column").asString()).isEqualTo("refers_to");
        assertThat(over.get("problems").get(0).get("reason").asString())
                .isEqualTo("the returns of transaction RET-OVER-DEAL add up to 120.00, more than its amount 100.00;"
                        + " a deal cannot be returned more than once over");
        // Sending the first return again is no second return: it is the same one.
        var again = compAdmin.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "attain", "records": [
                  {"external_id": "RET-OVER-1", "kind": "return", "refers_to": "RET-OVER-DEAL", "close_date": "%1$s",
                   "amount": "-60.00", "currency": "USD", "owner": "%2$s"}]}""".formatted(TODAY, owner));
        assertThat(Json.parse(again.body()).get("rejected").asLong())
                .as(again.body())
                .isZero();
        assertThat(jdbc.sql("select count(*) from sales_transaction where refers_to = 'RET-OVER-DEAL'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static JsonNode rejection(JsonNode result, long row) {
        for (JsonNode r : result.get("rejections")) {
            if (r.get("rowNumber").asLong() == row) {
                return r;
            }
        }
        throw new AssertionError("no rejection of row " + row + ": " + result);
    }
}
