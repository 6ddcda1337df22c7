package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.attain.calc.CalcRuns;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Payouts are approved once per result version: a manager approves their team, two admins at the
 * same moment produce exactly one approval, and a recalculation afterwards asks for a new one.
 */
@DateDependent
class PayoutApprovalTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalcRuns runs;

    PayoutFixtures cast;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
    }

    @Test
    void aManagerApprovesTheirRepsPayoutAndItLeavesTheQueue() {
        long teammate = cast.teammates().get(0);
        WebSession manager = login("manager", "demo");
        assertThat(state(manager, teammate)).isEqualTo("PENDING");
        HttpResponse<String> approved = approve(manager, teammate);
        assertThat(approved.statusCode()).isEqualTo(201);
        assertThat(Json.parse(approved.body()).get("approvedBy").asString()).isEqualTo("manager");
        assertThat(state(manager, teammate)).isEqualTo("APPROVED");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PAYOUT_APPROVED' and entity_id = :e")
                        .param("e", teammate + "/" + cast.quarter)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void twoAdminsApprovingTheSamePayoutAtOnceMakeExactlyOneApproval() throws Exception {
        long payee = cast.outsiders().get(0);
        WebSession admin = login("admin", "demo");
        WebSession compadmin = login("compadmin", "demo");
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first =
                CompletableFuture.supplyAsync(() -> await(start, () -> approve(admin, payee)));
        CompletableFuture<HttpResponse<String>> second =
                CompletableFuture.supplyAsync(() -> await(start, () -> approve(compadmin, payee)));
        start.countDown();
        List<HttpResponse<String>> both = List.of(first.get(), second.get());

        assertThat(both).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(201, 409);
        HttpResponse<String> winner =
                both.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        HttpResponse<String> loser =
                both.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        String approver = Json.parse(winner.body()).get("approvedBy").asString();
        assertThat(Json.parse(loser.body()).get("detail").asString()).contains("already approved by " + approver);
        assertThat(jdbc.sql("select count(*) from payout_approval where person_id = :p and period_id = :q")
                        .param("p", payee)
                        .param("q", cast.quarter)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRecalculationAfterApprovalShowsAsChangedAndNeedsANewApproval() {
        long payee = cast.outsiders().get(1);
        WebSession compadmin = login("compadmin", "demo");
        assertThat(approve(compadmin, payee).statusCode()).isEqualTo(201);
        BigDecimalText before = payout(compadmin, payee);

        addWonDeal(payee);
        runs.runFor(Set.of(payee), "payout test", "test");

        JsonNode item = item(compadmin, payee);
        assertThat(item.get("state").asString()).isEqualTo("CHANGED");
        assertThat(item.get("approvedPayout").decimalValue()).isEqualByComparingTo(before.value());
        assertThat(login("finance", "demo")
                        .get("/api/v1/payroll/" + cast.quarter + "/payouts")
                        .body())
                .as("a changed payout is not paid until approved again")
                .doesNotContain("\"personId\":" + payee + ",");
        assertThat(approve(compadmin, payee).statusCode()).isEqualTo(201);
        assertThat(state(compadmin, payee)).isEqualTo("APPROVED");
    }

    @Test
    void approvingTwiceInARowSaysWhoApprovedFirst() {
        long payee = cast.outsiders().get(2);
        assertThat(approve(login("admin", "demo"), payee).statusCode()).isEqualTo(201);
        HttpResponse<String> again = approve(login("compadmin", "demo"), payee);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.parse(again.body()).get("detail").asString()).contains("already approved by admin");
    }

    @Test
    void nobodyApprovesTheirOwnPayout() {
        assertThat(approve(login("manager", "demo"), cast.manager).statusCode()).isEqualTo(403);
        assertThat(approve(login("rep", "demo"), cast.rep).statusCode()).isEqualTo(403);
    }

    private record BigDecimalText(java.math.BigDecimal value) {}

    private BigDecimalText payout(WebSession s, long payee) {
        return new BigDecimalText(item(s, payee).get("payout").decimalValue());
    }

    private void addWonDeal(long payee) {
        jdbc.sql("""
                insert into sales_transaction(source, external_id, kind, status, owner_id, close_date, amount, currency, deal_type, term_months)
                select 'payout-test', 'APPROVAL-CHANGE-' || :p, 'DEAL', 'won', p.id, per.starts_on + 5, 250000, p.currency, 'new_logo', 12
                from person p, period per where p.id = :p and per.id = :q""").param("p", payee).param("q", cast.quarter).update();
    }

    private HttpResponse<String> approve(WebSession s, long payee) {
        return s.sendJson(
                "POST", "/api/v1/approvals", "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}");
    }

    private String state(WebSession s, long payee) {
        return item(s, payee).get("state").asString();
    }

    private JsonNode item(WebSession s, long payee) {
        return Json.parse(s.get("/api/v1/approvals?period=" + cast.quarter).body())
                .valueStream()
                .filter(n -> n.get("personId").asLong() == payee)
                .findFirst()
                .orElseThrow();
    }

    private static <T> T await(CountDownLatch latch, java.util.function.Supplier<T> action) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return action.get();
    }
}
