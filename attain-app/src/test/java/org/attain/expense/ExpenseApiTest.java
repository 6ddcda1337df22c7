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
        // The journal file: each line one positive amount between the kind's two accounts, one way or the other.
        HttpResponse<String> csv = finance.get(RANGE.replace("commission-expense?", "commission-expense/journal?"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0])
                .isEqualTo("period,booked_on,kind,debit_account,credit_account,amount,currency,correction,posted");
        assertThat(rows.length).as("the demo's year books entries").isGreaterThan(1);
        for (int i = 1; i < rows.length; i++) {
            String[] cells = rows[i].split(",");
            assertThat(cells).hasSize(9);
            assertThat(new BigDecimal(cells[5]).signum()).as(rows[i]).isPositive();
            String own = OWN_DEBIT.get(cells[2]);
            assertThat(cells[3].equals(own) || cells[4].equals(own)).as(rows[i]).isTrue();
        }
        // The entries of one report against its own lines (another test's recalculation may land between two calls).
        // A period of months nobody posted, carrying no correction, books exactly what the roll-forward says of it now.
        Map<String, BigDecimal> booked = journal(report.get("entries"));
        for (JsonNode l : lines) {
            String period = l.get("period").asString();
            if (booked.containsKey(period + "|frozen")) {
                continue;
            }
            for (Map.Entry<String, String> f : FIELD_OF_KIND.entrySet()) {
                assertThat(booked(booked, period, f.getKey()))
                        .as("%s %s booked once", period, f.getKey())
                        .isEqualByComparingTo(dec(l, f.getValue()));
            }
        }
        assertThat(moves.signum()).as("the demo's year moves money").isPositive();
        // Posted months stay as posted and what later changes did to them is booked in the first month not posted
        // (other tests close periods, next year's too, and then change deals): through a month after all of them every
        // movement is booked exactly once.
        JsonNode everything =
                ok(finance.get("/api/v1/commission-expense?currency=USD&from=2019-01&to=2028-12&by=quarter"));
        Map<String, BigDecimal> allBooked = journal(everything.get("entries"));
        for (Map.Entry<String, String> f : FIELD_OF_KIND.entrySet()) {
            BigDecimal total = BigDecimal.ZERO;
            BigDecimal journal = BigDecimal.ZERO;
            for (JsonNode l : everything.get("lines")) {
                total = total.add(dec(l, f.getValue()));
                journal = journal.add(booked(allBooked, l.get("period").asString(), f.getKey()));
            }
            assertThat(journal)
                    .as("%s booked once over all of time", f.getKey())
                    .isEqualByComparingTo(total);
        }
    }

    private static BigDecimal booked(Map<String, BigDecimal> journal, String period, String kind) {
        return journal.getOrDefault(period + "|" + kind, BigDecimal.ZERO);
    }

    /**
     * The report's journal entries summed per period and kind, signed: an entry in the kind's own direction counts
     * positive, one booked the other way round (a clawback, a correction downwards) negative; "period|frozen" marks a
     * period with a posted month or a correction.
     */
    private static Map<String, BigDecimal> journal(JsonNode entries) {
        Map<String, BigDecimal> booked = new java.util.HashMap<>();
        for (JsonNode e : entries) {
            String kind = e.get("kind").asString().toLowerCase(java.util.Locale.ROOT);
            BigDecimal amount = dec(e, "amount");
            assertThat(amount.signum()).as(e.toString()).isPositive();
            boolean ownDirection = e.get("debit").asString().equals(OWN_DEBIT.get(kind));
            assertThat(ownDirection || e.get("credit").asString().equals(OWN_DEBIT.get(kind)))
                    .as(e.toString())
                    .isTrue();
            String period = e.get("period").asString();
            booked.merge(period + "|" + kind, ownDirection ? amount : amount.negate(), BigDecimal::add);
            if (e.get("correction").asBoolean() || e.get("posted").asBoolean()) {
                booked.put(period + "|frozen", BigDecimal.ONE);
            }
        }
        return booked;
    }

    /** The debit account of each kind's movement when it is positive (the standard accounts). */
    static final Map<String, String> OWN_DEBIT =
            Map.of("expensed", "6000", "capitalised", "1480", "amortised", "6010", "written_off", "6020");

    static final Map<String, String> FIELD_OF_KIND = Map.of(
            "expensed", "expensedAtOnce",
            "capitalised", "capitalised",
            "amortised", "amortised",
            "written_off", "writtenOff");

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

    static BigDecimal dec(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asString());
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body());
    }
}
