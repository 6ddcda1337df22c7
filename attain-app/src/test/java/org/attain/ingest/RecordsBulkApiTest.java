package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bulk upserts of the other record kinds: ten thousand accounts per call, idempotent by key, unchanged when sent again. */
class RecordsBulkApiTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static String accounts(String source, int count) {
        StringBuilder json = new StringBuilder("{\"source\":\"" + source + "\",\"records\":[");
        for (int i = 1; i <= count; i++) {
            json.append(i > 1 ? "," : "")
                    .append("{\"external_id\":\"ACC")
                    .append(i)
                    .append("\",\"name\":\"Account ")
                    .append(i)
                    .append("\",\"country\":\"DE\",\"size_band\":\"MID\",\"employees\":")
                    .append(100 + i)
                    .append(",\"owner\":\"P00038\"}");
        }
        return json.append("]}").toString();
    }

    @Test
    void tenThousandAccountsLoadInOneCallTheSameKeyAnswersAgainAndANewCallChangesNothing() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("erp");
        String body = accounts(source, 10_000);
        String key = UUID.randomUUID().toString();

        var first = api.postJson("/api/v1/accounts/bulk", body, key);

        assertThat(first.statusCode()).isEqualTo(200);
        var result = Json.parse(first.body());
        assertThat(result.get("accepted").asLong()).isEqualTo(10_000);
        assertThat(result.get("rejected").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from account where source = :s")
                        .param("s", source)
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000);

        var repeat = api.postJson("/api/v1/accounts/bulk", body, key);
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Json.parse(repeat.body()).get("importId").asLong())
                .isEqualTo(result.get("importId").asLong());

        var again = Json.parse(
                api.postJson("/api/v1/accounts/bulk", body, UUID.randomUUID().toString())
                        .body());
        assertThat(again.get("unchanged").asLong()).isEqualTo(10_000);
        assertThat(again.get("accepted").asLong()).isZero();
    }

    @Test
    void aBadRecordComesBackWithItsPositionFieldReasonAndClosestKnownValue() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("admin", "demo"));
        String body = "{\"records\":[{\"person\":\"P00124\",\"period\":\"2027-Q3\",\"amount\":\"90000\"},"
                + "{\"person\":\"Katrin Mueller\",\"period\":\"2027-Q3\",\"amount\":90000}]}";

        var response =
                Json.parse(api.postJson("/api/v1/quotas/bulk", body, null).body());

        assertThat(response.get("accepted").asLong() + response.get("unchanged").asLong())
                .isEqualTo(1);
        var rejection = response.get("rejections").get(0);
        assertThat(rejection.get("rowNumber").asLong()).isEqualTo(2);
        var problem = rejection.get("problems").get(0);
        assertThat(problem.get("column").asString()).isEqualTo("person");
        assertThat(problem.get("reason").asString()).startsWith("unknown person 'Katrin Mueller'");
        // the bulk API matches people by employee id or e-mail, so the closest e-mail is suggested
        assertThat(problem.get("suggestion").asString()).isEqualTo("katrin.mueller@brightlane.example");
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneWithTheDatabasesReasonAndTheOthersLoad() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("admin", "demo"));
        String id = ImportApiCalls.fresh("X");
        String body = "{\"records\":[" + person(id + "A", id + "@twice.example") + ","
                + person(id + "B", id + "@twice.example") + "," + person(id + "C", id + "c@once.example") + "]}";

        var response =
                Json.parse(api.postJson("/api/v1/people/bulk", body, null).body());

        assertThat(response.get("accepted").asLong()).isEqualTo(2);
        var rejection = response.get("rejections").get(0);
        assertThat(rejection.get("rowNumber").asLong()).isEqualTo(2);
        assertThat(rejection.get("problems").get(0).get("reason").asString())
                .startsWith(
                        "the database refused the row: duplicate key value violates unique constraint \"person_email_key\"");
        assertThat(jdbc.sql("select count(*) from person where external_id like :id")
                        .param("id", id + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    private static String person(String id, String email) {
        return "{\"external_id\":\"" + id + "\",\"first_name\":\"Kim\",\"last_name\":\"Twice\",\"email\":\"" + email
                + "\",\"title\":\"AE\",\"employment_start\":\"2026-01-01\"}";
    }

    @Test
    void everyBulkEndpointIsInTheOpenApiDocument() {
        assertThat(anonymous().get("/api/v1/openapi").body())
                .contains(
                        "/api/v1/people/bulk",
                        "/api/v1/reporting-lines/bulk",
                        "/api/v1/teams/bulk",
                        "/api/v1/quotas/bulk",
                        "/api/v1/accounts/bulk",
                        "/api/v1/products/bulk",
                        "/api/v1/opportunities/bulk",
                        "/api/v1/activities/bulk",
                        "/api/v1/fx-rates/bulk",
                        "/api/v1/transactions/bulk",
                        "/api/v1/imports/records/{record}",
                        "Idempotency-Key");
    }

    @Test
    void theFieldsOfEveryKindAreListed() {
        var kinds = Json.parse(
                login("compadmin", "demo").get("/api/v1/imports/records").body());
        // every record kind besides transactions: people … fx rates, territories, their rules and members, quota
        // plan targets and submissions, budgets, target incentives
        assertThat(kinds).hasSize(16);
        var quotas = Json.parse(
                login("compadmin", "demo").get("/api/v1/imports/records/quotas").body());
        assertThat(quotas.get("key").toString()).isEqualTo("[\"person\",\"period\",\"measure\"]");
        assertThat(quotas.get("bulkPath").asString()).isEqualTo("/api/v1/quotas/bulk");
    }
}
