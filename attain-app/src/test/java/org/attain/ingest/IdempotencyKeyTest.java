package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An Idempotency-Key is one caller's name for one request: the same request again is answered from the
 * first call, another request with it is refused, and concurrent calls with it load once.
 */
class IdempotencyKeyTest extends AttainIntegrationTest {

    private static final String PATH = "/api/v1/transactions/bulk";

    @Autowired
    JdbcClient jdbc;

    private static String deals(String source, String prefix, int count) {
        StringBuilder json = new StringBuilder("{\"source\":\"" + source + "\",\"records\":[");
        for (int i = 1; i <= count; i++) {
            json.append(i > 1 ? "," : "")
                    .append("{\"external_id\":\"")
                    .append(prefix)
                    .append(i)
                    .append("\",\"close_date\":\"2026-11-20\",\"amount\":\"")
                    .append(100 + i)
                    .append(".00\",\"currency\":\"USD\",")
                    .append("\"owner\":\"P00038\"}");
        }
        return json.append("]}").toString();
    }

    private long rows(String source) {
        return jdbc.sql("select count(*) from sales_transaction where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    private long imports(String source) {
        return jdbc.sql("select count(*) from ingest_import where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndItsBatchIsNotLoaded() {
        var api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("idem");
        String key = UUID.randomUUID().toString();

        var first = api.postJson(PATH, deals(source, "A", 2), key);
        var same = api.postJson(PATH, deals(source, "A", 2), key);
        var other = api.postJson(PATH, deals(source, "B", 3), key);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(same.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Json.parse(same.body()).get("importId").asLong())
                .isEqualTo(Json.parse(first.body()).get("importId").asLong());
        assertThat(other.statusCode()).isEqualTo(422);
        var error = Json.parse(other.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(error.get("reason").asString()).contains("already used for a different request");
        assertThat(rows(source)).isEqualTo(2);
        assertThat(imports(source)).isEqualTo(1);
    }

    @Test
    void theSameBodyWithTheKeyOnAnotherEndpointIsAnotherRequest() {
        var api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String key = UUID.randomUUID().toString();
        String body = "{\"source\":\"" + ImportApiCalls.fresh("erp")
                + "\",\"records\":[{\"external_id\":\"X1\",\"name\":\"X\"}]}";

        assertThat(api.postJson("/api/v1/accounts/bulk", body, key).statusCode())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/products/bulk", body, key).statusCode())
                .isEqualTo(422);
    }

    @Test
    void anotherCallersSameKeyIsTheirOwnAndLoadsTheirData() {
        String key = "shared-" + UUID.randomUUID();
        String mine = ImportApiCalls.fresh("mine");
        String theirs = ImportApiCalls.fresh("theirs");

        var compadmin =
                new ImportApiCalls(baseUrl(), login("compadmin", "demo")).postJson(PATH, deals(mine, "M", 2), key);
        var admin = new ImportApiCalls(baseUrl(), login("admin", "demo")).postJson(PATH, deals(theirs, "T", 3), key);

        assertThat(compadmin.statusCode()).isEqualTo(200);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(Json.parse(admin.body()).get("replayed").asBoolean()).isFalse();
        assertThat(rows(mine)).isEqualTo(2);
        assertThat(rows(theirs)).isEqualTo(3);
    }

    @Test
    void fiveConcurrentCallsWithOneKeyLoadOnceAndAllAnswerTheSameImport() throws Exception {
        var api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("concurrent");
        String body = deals(source, "C", 500);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return api.postJson(PATH, body, key);
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (var call : calls) {
                answers.add(call.get());
            }

            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
            assertThat(answers)
                    .extracting(a -> Json.parse(a.body()).get("importId").asLong())
                    .containsOnly(
                            Json.parse(answers.get(0).body()).get("importId").asLong());
            assertThat(answers)
                    .filteredOn(a -> !Json.parse(a.body()).get("replayed").asBoolean())
                    .hasSize(1);
            assertThat(answers)
                    .extracting(a -> Json.parse(a.body()).get("inserted").asLong())
                    .containsOnly(500L);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rows(source)).isEqualTo(500);
        assertThat(imports(source)).isEqualTo(1);
    }
}
