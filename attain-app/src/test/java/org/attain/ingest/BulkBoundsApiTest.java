package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the bulk API takes: amounts exact to the last decimal and below an absurd size, ids with quotes and
 * commas as they are, only currencies in circulation and plausible dates; what no quarantine could hold is a 400
 * naming the record and field.
 */
class BulkBoundsApiTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private ImportApiCalls api() {
        return new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
    }

    private static String deal(String id, String amountJson, String currency, String closeDate) {
        return "{\"external_id\":" + quote(id) + ",\"close_date\":\"" + closeDate + "\",\"amount\":" + amountJson
                + ",\"currency\":\"" + currency + "\",\"owner\":\"P00038\"}";
    }

    private static String quote(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    private static String bulk(String source, String... records) {
        return "{\"source\":" + quote(source) + ",\"records\":[" + String.join(",", records) + "]}";
    }

    private String stored(String source, String externalId) {
        return jdbc.sql("select amount::text from sales_transaction where source = :s and external_id = :id")
                .param("s", source)
                .param("id", externalId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Test
    void anAbsurdAmountIsRejectedWithFieldAndReasonWhileTheRestOfTheBatchLoads() {
        String source = ImportApiCalls.fresh("bounds");
        var answer = Json.parse(api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk(
                                source,
                                deal("HUGE1", "\"999999999999999.9999\"", "USD", "2026-11-20"),
                                deal("OK1", "\"100.00\"", "USD", "2026-11-20")),
                        null)
                .body());

        assertThat(answer.get("accepted").asLong()).isEqualTo(1);
        JsonNode rejection = answer.get("rejections").get(0);
        assertThat(rejection.get("rowNumber").asLong()).isEqualTo(1);
        assertThat(rejection.get("problems").get(0).get("column").asString()).isEqualTo("amount");
        assertThat(rejection.get("problems").get(0).get("reason").asString())
                .isEqualTo(
                        "amount 999999999999999.9999 is too large: an amount must be less than 1000000000000 in size");
        assertThat(stored(source, "HUGE1")).isNull();
        assertThat(stored(source, "OK1")).isEqualTo("100.0000");
    }

    @Test
    void anIdLikeASpreadsheetFormulaAndASourceWithBackslashAndQuotesAreStoredExactly() {
        String source = "C:\\exports\\\"crm\" " + ImportApiCalls.fresh("eu");
        String id = "=HYPERLINK(\"http://x\",\"tx\"),y";
        var answer = api().postJson(
                        "/api/v1/transactions/bulk", bulk(source, deal(id, "\"1000.00\"", "USD", "2026-11-20")), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Json.parse(answer.body()).get("accepted").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select external_id from sales_transaction where source = :s")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo(id);
    }

    @Test
    void anAmountSentAsAJsonNumberIsStoredToTheLastDecimal() {
        String source = ImportApiCalls.fresh("exact");
        // through a double this would become 900719925474.0992
        var answer = Json.parse(api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk(
                                source,
                                deal("N1", "900719925474.0993", "USD", "2026-11-20"),
                                deal("N2", "12345678901234.5678", "USD", "2026-11-20")),
                        null)
                .body());

        assertThat(stored(source, "N1")).isEqualTo("900719925474.0993");
        // above the bound, but read exactly too: the quarantine keeps the digits as sent
        assertThat(answer.get("rejections").get(0).get("cells").get("amount").asString())
                .isEqualTo("12345678901234.5678");
    }

    @Test
    void aQuotaSentAsAJsonNumberIsStoredToTheLastDecimal() {
        String body = "{\"records\":[{\"person\":\"P00124\",\"period\":\"2027-Q3\",\"measure\":\"exact-"
                + ImportApiCalls.fresh("m") + "\",\"amount\":900719.0993}]}";
        var answer =
                Json.parse(api().postJson("/api/v1/quotas/bulk", body, null).body());

        assertThat(answer.get("accepted").asLong()).as(answer.toString()).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select amount::text from quota q join person p on p.id = q.person_id "
                                        + "where p.external_id = 'P00124' and q.period_id = '2027-Q3' and q.measure like 'exact-%' order by q.id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("900719.0993");
    }

    @Test
    void numbersTooLongToWriteOutAndTextNoTableCanHoldAreRefusedNamingTheRecordAndField() {
        String source = ImportApiCalls.fresh("refused");
        var number = api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk(
                                source,
                                deal("R1", "\"10.00\"", "USD", "2026-11-20"),
                                deal("R2", "1e400", "USD", "2026-11-20")),
                        null);
        var nul = api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk(source, deal("R3\u0000x", "\"10.00\"", "USD", "2026-11-20")),
                        null);

        assertThat(number.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(number.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("records[1].amount");
        assertThat(error.get("reason").asString()).startsWith("1E+400 is out of range");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(Json.parse(nul.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("records[0].external_id");
        assertThat(jdbc.sql("select count(*) from ingest_import where source = :s")
                        .param("s", source)
                        .query(Long.class)
                        .single())
                .as("nothing of a refused call is loaded")
                .isZero();
    }

    @Test
    void noCurrencyTestingCodesYearOneAndTabsInIdsAreRejectedWithTheirReasons() {
        String source = ImportApiCalls.fresh("odd");
        var answer = Json.parse(api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk(
                                source,
                                deal("C1", "\"10\"", "XXX", "2026-11-20"),
                                deal("C2", "\"10\"", "XTS", "2026-11-20"),
                                deal("C3", "\"10\"", "USD", "0001-01-01"),
                                deal("C4\tx", "\"10\"", "USD", "2026-11-20"),
                                deal("C5", "\"10.12345\"", "USD", "2026-11-20")),
                        null)
                .body());

        assertThat(answer.get("accepted").asLong()).isZero();
        assertThat(answer.get("rejections"))
                .extracting(r -> r.get("problems").get(0).get("reason").asString())
                .containsExactly(
                        "XXX is not a currency in circulation (ISO 4217 keeps the code for no currency, testing, funds, metals or a "
                                + "withdrawn currency); use the currency the deal is booked in",
                        "XTS is not a currency in circulation (ISO 4217 keeps the code for no currency, testing, funds, metals or a "
                                + "withdrawn currency); use the currency the deal is booked in",
                        "close date 0001-01-01 is outside 1970-01-01 to 2199-12-31",
                        "the id contains the control character U+0009; an id may hold any other character, quotes and commas included",
                        "amount 10.12345 has more than 4 decimal places; amounts are kept with at most 4, round it in the source system");
    }

    @Test
    void aSourceWithAControlCharacterIsRefused() {
        var answer = api().postJson(
                        "/api/v1/transactions/bulk",
                        bulk("crm\u0001eu", deal("S1", "\"10\"", "USD", "2026-11-20")),
                        null);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(Json.parse(answer.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("source");
    }
}
