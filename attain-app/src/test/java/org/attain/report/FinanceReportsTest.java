package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.payout.PayoutFixtures;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Finance reads commission cost, accrual against approvals, and cost of sales; one currency per figure. */
@DateDependent
class FinanceReportsTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    PayoutFixtures cast;
    WebSession finance;

    @BeforeEach
    void cast() {
        cast = new PayoutFixtures(jdbc, this::login);
        finance = login("finance", "demo");
    }

    @Test
    void commissionCostIsPerCurrencyAndMatchesTheStatementsOfTheQuarter() {
        JsonNode cost = Json.parse(finance.get("/api/v1/finance/commission-cost?period=" + cast.quarter)
                .body());
        Set<String> currencies = new HashSet<>();
        BigDecimal usd = BigDecimal.ZERO;
        for (JsonNode row : cost.get("rows")) {
            assertThat(row.get("currency").asString()).matches("[A-Z]{3}");
            currencies.add(row.get("currency").asString());
            if (row.get("currency").asString().equals("USD")) {
                usd = usd.add(row.get("amount").decimalValue());
            }
        }
        assertThat(currencies).as("the demo company pays in several currencies").hasSizeGreaterThan(1);
        BigDecimal expected =
                jdbc.sql("""
                select coalesce(sum(l.amount), 0) from payee_period_result r join earnings_line l on l.result_id = r.id
                where r.is_current and r.period_id = :q and r.currency = 'USD'""").param("q", cast.quarter).query(BigDecimal.class).single();
        assertThat(usd).isEqualByComparingTo(expected);
    }

    @Test
    void anApprovedPayoutCountsAsApprovedInItsOwnCurrency() {
        long payee = cast.outsiders().get(8);
        String currency = jdbc.sql(
                        "select currency from payee_period_result where person_id = :p and period_id = :q and is_current")
                .param("p", payee)
                .param("q", cast.quarter)
                .query(String.class)
                .single();
        BigDecimal before = approved(currency);
        BigDecimal payout = Json.parse(login("compadmin", "demo")
                        .sendJson(
                                "POST",
                                "/api/v1/approvals",
                                "{\"personId\":" + payee + ",\"period\":\"" + cast.quarter + "\"}")
                        .body())
                .get("payout")
                .decimalValue();
        assertThat(approved(currency)).isEqualByComparingTo(before.add(payout));
    }

    @Test
    void costOfSalesIsCommissionsOverBookingsInTheSameCurrency() {
        JsonNode report = Json.parse(finance.get("/api/v1/finance/cost-of-sales?period=" + cast.quarter)
                .body());
        List<JsonNode> withShare = report.get("rows")
                .valueStream()
                .filter(r ->
                        r.get("costOfSales") != null && !r.get("costOfSales").isNull())
                .toList();
        assertThat(withShare).isNotEmpty();
        for (JsonNode r : withShare) {
            BigDecimal share = r.get("commissions")
                    .decimalValue()
                    .divide(r.get("bookings").decimalValue(), 6, RoundingMode.HALF_EVEN);
            assertThat(r.get("costOfSales").decimalValue()).isEqualByComparingTo(share);
        }
        assertThat(finance.get("/finance?period=" + cast.quarter).body())
                .contains("data-test=\"report-cost-of-sales\"");
    }

    private BigDecimal approved(String currency) {
        JsonNode rows = Json.parse(finance.get("/api/v1/finance/accrued-vs-paid?period=" + cast.quarter)
                        .body())
                .get("rows");
        return rows.valueStream()
                .filter(r -> r.get("currency").asString().equals(currency))
                .map(r -> r.get("approved").decimalValue())
                .findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
