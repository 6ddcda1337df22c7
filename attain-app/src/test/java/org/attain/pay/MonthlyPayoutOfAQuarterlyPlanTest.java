package org.attain.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A plan published with {@code frequency: month, measurement: quarter} runs monthly in the app: each month's
 * statement shows the quarter's quota and the attainment to date (not "no quota") and pays the quarter to
 * date minus what the quarter's earlier months paid (golden case 15's numbers, in this year's Q4).
 */
public class MonthlyPayoutOfAQuarterlyPlanTest extends AttainIntegrationTest {

    static final String PLAN = """
            id: qtd-monthly-%s
            name: AE quarterly quota, monthly payout
            currency: USD
            frequency: month
            measurement: quarter
            components:
              - id: commission
                kind: tiered
                tier_mode: marginal
                tiers_on: attainment
                tiers:
                  - {from: "0.00", to: "1.00", rate: "0.10"}
                  - {from: "1.00", rate: "0.15"}
            """;

    /** The person on the plan, with the months of the current quarter (October, November, December). */
    public record Setup(long person, List<String> months) {}

    @Test
    void eachMonthOfAQuarterlyPlanShowsTheQuartersQuotaAndPaysTheTrueUp() throws InterruptedException {
        WebSession compAdmin = login("compadmin", "demo");
        Setup setup = publishAssignAndBook(compAdmin);
        String oct = setup.months().get(0);
        String nov = setup.months().get(1);
        String dec = setup.months().get(2);

        JsonNode november = awaitPayout(compAdmin, setup.person(), nov, "10500.00");
        assertThat(november.get("quota").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(november.get("attainment").decimalValue()).isEqualByComparingTo("1.0833");
        String trace = november.get("lines").get(0).get("trace").toString();
        assertThat(trace)
                .contains("trace.payfreq.toDate")
                .contains("130000.00")
                .contains("trace.payfreq.paidBefore")
                .contains("3000.00")
                .contains("13500.00 - 3000.00 = 10500.00 USD paid in " + nov);

        JsonNode october = awaitPayout(compAdmin, setup.person(), oct, "3000.00");
        assertThat(october.get("quota").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(october.get("attainment").decimalValue()).isEqualByComparingTo("0.2500");
        JsonNode december = awaitPayout(compAdmin, setup.person(), dec, "3000.00");
        assertThat(december.get("attainment").decimalValue()).isEqualByComparingTo("1.2500");

        // The statement page of a month: the quarter's quota and the attainment to date.
        String page = compAdmin
                .get("/people/" + setup.person() + "/statement?period=" + nov)
                .body();
        assertThat(page).contains("120,000").contains("108.3%").contains("<option value=\"" + nov + "\"");
    }

    @Test
    void aPlanPaidYearlyButMeasuredOnTheQuarterIsRefusedNamingTheLineAndField() {
        WebSession compAdmin = login("compadmin", "demo");
        var response = compAdmin.sendYaml("/api/v1/plans", """
                id: bad-frequency
                currency: USD
                frequency: year
                measurement: quarter
                components: [{id: commission, kind: rate, rate: "0.10"}]
                """);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(response.body()).get("errors").get(0);
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("reason").asString()).contains("'frequency: year' is longer than 'measurement: quarter'");
    }

    /**
     * Publishes the plan, adds a person on it from the quarter's start with a quarterly quota of 120,000 and
     * books case 15's three deals: 30,000 in the first month, 100,000 in the second, 20,000 in the third.
     */
    public static Setup publishAssignAndBook(WebSession compAdmin) {
        String n = Long.toString(System.nanoTime());
        JsonNode quarter =
                Json.parse(compAdmin.get("/api/v1/periods/current?kind=QUARTER").body());
        String q = quarter.get("id").asString();
        String start = quarter.get("startsOn").asString();
        List<String> months = new ArrayList<>();
        for (JsonNode p : Json.parse(compAdmin.get("/api/v1/periods?kind=MONTH").body())) {
            String from = p.get("startsOn").asString();
            if (from.compareTo(start) >= 0
                    && from.compareTo(quarter.get("endsOn").asString()) <= 0) {
                months.add(p.get("id").asString());
            }
        }
        months.sort(String::compareTo);
        assertThat(months).hasSize(3);

        var published = compAdmin.sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(n));
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
        var created = compAdmin.sendJson("POST", "/api/v1/people", """
                {"externalId": "QTD-%s", "firstName": "Quentin", "lastName": "Monat", "email": "quentin.%s@example.com",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "%s", "currency": "USD"}""".formatted(n, n, start));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long person = Json.parse(created.body()).get("id").asLong();
        var assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/qtd-monthly-" + n + "/assignments",
                "{\"personIds\": [" + person + "], \"from\": \"" + start + "\"}");
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        var quota = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"rows\":[{\"personId\":" + person + ",\"periodId\":\"" + q + "\",\"amount\":\"120000.00\"}]}");
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
        String[] amounts = {"30000.00", "100000.00", "20000.00"};
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            records.append(i == 0 ? "" : ",")
                    .append("{\"external_id\": \"QTD-%s-%d\", \"close_date\": \"%s-02\", \"amount\": \"%s\","
                            .formatted(n, i, months.get(i), amounts[i]))
                    .append(" \"currency\": \"USD\", \"owner\": \"QTD-%s\", \"deal_type\": \"new_logo\"}".formatted(n));
        }
        var deals = compAdmin.sendJson(
                "POST", "/api/v1/transactions/bulk", "{\"source\": \"crm\", \"records\": [" + records + "]}");
        assertThat(deals.statusCode()).as(deals.body()).isEqualTo(200);
        return new Setup(person, months);
    }

    /** Waits for the person's month statement to pay {@code payout} (a run follows every change). */
    public static JsonNode awaitPayout(WebSession session, long person, String period, String payout)
            throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        String body = "";
        while (Instant.now().isBefore(until)) {
            body = session.get("/api/v1/people/" + person + "/earnings?period=" + period)
                    .body();
            JsonNode statement = Json.parse(body);
            if (statement.path("calculated").asBoolean()
                    && statement.get("payout").decimalValue().compareTo(new java.math.BigDecimal(payout)) == 0
                    && statement.get("quota").isNumber()) {
                return statement;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no statement paying " + payout + " for " + period + ": " + body);
    }
}
