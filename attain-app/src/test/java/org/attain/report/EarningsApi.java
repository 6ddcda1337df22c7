package org.attain.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Reads the earnings export as a client would, and the same figures straight from the database to compare. */
final class EarningsApi {

    private EarningsApi() {}

    static JsonNode page(WebSession s, String period, int page, int size) {
        HttpResponse<String> r = s.get("/api/v1/reports/earnings?period=" + period + "&page=" + page + "&size=" + size);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** Every row, page after page until the total is reached; every page must state the same total. */
    static List<JsonNode> allRows(WebSession s, String period, int size) {
        JsonNode first = page(s, period, 0, size);
        long total = first.get("total").asLong();
        List<JsonNode> rows = new ArrayList<>(first.get("rows").valueStream().toList());
        for (int p = 1; (long) p * size < total; p++) {
            JsonNode next = page(s, period, p, size);
            assertThat(next.get("total").asLong()).as("total on page %s", p).isEqualTo(total);
            assertThat(next.get("rows").size()).as("rows on page %s", p).isLessThanOrEqualTo(size);
            next.get("rows").forEach(rows::add);
        }
        assertThat(rows).as("rows over all pages").hasSize((int) total);
        return rows;
    }

    /** Sum of amounts per currency over rows of the API. */
    static Map<String, BigDecimal> sumByCurrency(List<JsonNode> rows) {
        Map<String, BigDecimal> out = new TreeMap<>();
        rows.forEach(
                r -> out.merge(r.get("currency").asString(), r.get("amount").decimalValue(), BigDecimal::add));
        return out;
    }

    /** The totals block of a response, per currency. */
    static Map<String, BigDecimal> totals(JsonNode response) {
        Map<String, BigDecimal> out = new TreeMap<>();
        response.get("totals")
                .forEach(t ->
                        out.put(t.get("currency").asString(), t.get("amount").decimalValue()));
        return out;
    }

    /** The earnings of the current results with lines in the database, per currency, for these people (null: everyone). */
    static Map<String, BigDecimal> currentEarnings(JdbcClient jdbc, List<String> periods, Long[] people) {
        Map<String, BigDecimal> out = new TreeMap<>();
        jdbc.sql("""
                select r.currency, sum(r.earnings) from payee_period_result r
                where r.is_current and r.period_id = any(cast(:periods as text[]))
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))
                  and exists (select 1 from earnings_line l where l.result_id = r.id)
                group by r.currency""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", people)
                .query((rs, n) -> out.put(rs.getString(1), rs.getBigDecimal(2)))
                .list();
        return out;
    }

    /** Earnings lines of the current results in the database for these people (null: everyone). */
    static long currentLines(JdbcClient jdbc, List<String> periods, Long[] people) {
        return jdbc.sql("""
                select count(*) from payee_period_result r join earnings_line l on l.result_id = r.id
                where r.is_current and r.period_id = any(cast(:periods as text[]))
                  and (cast(:ids as bigint[]) is null or r.person_id = any(cast(:ids as bigint[])))""")
                .param("periods", periods.toArray(String[]::new))
                .param("ids", people)
                .query(Long.class)
                .single();
    }

    /**
     * The quarter before the current one and its first month: a month the demo pays no monthly results in. (The
     * current quarter's months may hold results of the tests that publish a monthly plan measured on the quarter.)
     */
    static List<String> previousQuarterAndItsFirstMonth(WebSession s) {
        String start = Json.parse(s.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("startsOn")
                .asString();
        String lastDay = java.time.LocalDate.parse(start).minusDays(1).toString();
        String quarter = null;
        String firstDay = null;
        for (JsonNode q : Json.parse(s.get("/api/v1/periods?kind=QUARTER").body())) {
            if (q.get("endsOn").asString().equals(lastDay)) {
                quarter = q.get("id").asString();
                firstDay = q.get("startsOn").asString();
            }
        }
        assertThat(quarter).as("a quarter ending on " + lastDay).isNotNull();
        for (JsonNode m : Json.parse(s.get("/api/v1/periods?kind=MONTH").body())) {
            if (m.get("startsOn").asString().equals(firstDay)) {
                return List.of(quarter, m.get("id").asString());
            }
        }
        throw new AssertionError("no month starting on " + firstDay);
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** Compares money maps by value, so 10.5000 equals 10.50. */
    static void assertSameMoney(Map<String, BigDecimal> actual, Map<String, BigDecimal> expected, String what) {
        assertThat(actual.keySet()).as(what + ": currencies").isEqualTo(expected.keySet());
        expected.forEach((currency, amount) ->
                assertThat(actual.get(currency)).as(what + " in " + currency).isEqualByComparingTo(amount));
    }
}
