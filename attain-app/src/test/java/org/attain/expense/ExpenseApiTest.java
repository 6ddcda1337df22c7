package org.attain.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commission expense over real HTTP on the demo company's calculated commissions: every period's roll-forward
 * closes where the next opens, capitalised less amortised and written off is the closing balance, the journal
 * CSV balances the movements, a policy change moves contracts between capitalised and expensed, bad input is
 * refused naming the field, and only finance and admins see it.
 */
class ExpenseApiTest extends AttainIntegrationTest {

    static final String RANGE = "/api/v1/commission-expense?currency=USD&from=2026-01&to=2026-12&by=quarter";

    @Test
    void theRollForwardChainsAndTheJournalCarriesEveryMovement() {
        WebSession finance = login("finance", "demo");
        JsonNode report = ok(finance.get(RANGE));
        JsonNode lines = report.get("lines");
        assertThat(lines).hasSize(4);
        assertThat(report.get("contracts").asInt())
                .as("the demo's commissions name deals with terms")
                .isPositive();
        assertThat(report.get("capitalisedContracts").asInt()).isPositive();
        BigDecimal previousClosing = null;
        BigDecimal moves = BigDecimal.ZERO;
        for (JsonNode l : lines) {
            BigDecimal opening = dec(l, "opening");
            BigDecimal closing = dec(l, "closing");
            assertThat(opening.add(dec(l, "capitalised"))
                            .subtract(dec(l, "amortised"))
                            .subtract(dec(l, "writtenOff")))
                    .isEqualByComparingTo(closing);
            if (previousClosing != null) {
                assertThat(opening).isEqualByComparingTo(previousClosing);
            }
            previousClosing = closing;
            moves = moves.add(dec(l, "capitalised"))
                    .add(dec(l, "amortised"))
                    .add(dec(l, "writtenOff"))
                    .add(dec(l, "expensedAtOnce"));
        }
        HttpResponse<String> csv = finance.get(RANGE.replace("commission-expense?", "commission-expense/journal?"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0])
                .isEqualTo("period,booked_on,kind,debit_account,credit_account,amount,currency,correction,posted");
        BigDecimal booked = BigDecimal.ZERO;
        for (int i = 1; i < rows.length; i++) {
            String[] cells = rows[i].split(",");
            assertThat(cells).hasSize(9);
            booked = booked.add(new BigDecimal(cells[5]).abs());
        }
        assertThat(booked).as("every movement booked once").isEqualByComparingTo(absMoves(lines));
        assertThat(moves).isNotNull();
    }

    @Test
    void aLongerThresholdExpensesWhatWasCapitalisedAndIsPutBack() {
        WebSession finance = login("finance", "demo");
        int before = ok(finance.get(RANGE)).get("capitalisedContracts").asInt();
        try {
            ok(finance.sendJson(
                    "PUT", "/api/v1/commission-expense/policies", "{\"portfolio\": \"*\", \"thresholdMonths\": 120}"));
            assertThat(ok(finance.get(RANGE)).get("capitalisedContracts").asInt())
                    .isLessThan(before);
        } finally {
            ok(finance.sendJson(
                    "PUT", "/api/v1/commission-expense/policies", "{\"portfolio\": \"*\", \"thresholdMonths\": 12}"));
        }
        assertThat(ok(finance.get(RANGE)).get("capitalisedContracts").asInt()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOnlyFinanceAndAdminsSeeIt() {
        WebSession finance = login("finance", "demo");
        HttpResponse<String> threshold = finance.sendJson(
                "PUT", "/api/v1/commission-expense/policies", "{\"portfolio\": \"\", \"thresholdMonths\": 500}");
        assertThat(threshold.statusCode()).isEqualTo(400);
        assertThat(threshold.body()).contains("\"portfolio\"").contains("\"thresholdMonths\"");
        HttpResponse<String> month = finance.get("/api/v1/commission-expense?currency=USD&from=2026-13&to=2026-12");
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(month.body()).contains("\"from\"");
        HttpResponse<String> reversed = finance.get("/api/v1/commission-expense?currency=USD&from=2026-12&to=2026-01");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(login("manager", "demo").get(RANGE).statusCode()).isEqualTo(403);
        assertThat(login("rep", "demo").get(RANGE).statusCode()).isEqualTo(403);
        assertThat(login("rep", "demo")
                        .get("/finance/commission-expense", Map.of())
                        .statusCode())
                .isEqualTo(403);
    }

    private static BigDecimal absMoves(JsonNode lines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode l : lines) {
            for (String f : new String[] {"capitalised", "amortised", "writtenOff", "expensedAtOnce"}) {
                sum = sum.add(dec(l, f).abs());
            }
        }
        return sum;
    }

    static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
