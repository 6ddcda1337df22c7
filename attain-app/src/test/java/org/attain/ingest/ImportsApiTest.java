package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/** Bulk transactions over REST: ten thousand per call, idempotent by key, and only for importers. */
class ImportsApiTest extends AttainIntegrationTest {

    private static String records(String source, int count, String owner) {
        StringBuilder json = new StringBuilder("{\"source\":\"" + source + "\",\"records\":[");
        for (int i = 1; i <= count; i++) {
            if (i > 1) {
                json.append(',');
            }
            json.append("{\"external_id\":\"B")
                    .append(i)
                    .append("\",\"close_date\":\"2026-05-")
                    .append(String.format("%02d", 1 + i % 28))
                    .append("\",\"amount\":\"")
                    .append(1000 + i)
                    .append(".50\",\"currency\":\"USD\",\"owner\":\"")
                    .append(owner)
                    .append("\",\"deal_type\":\"new_logo\"}");
        }
        return json.append("]}").toString();
    }

    /** An integration posting with a write token, as a CRM sync would, with an Idempotency-Key. */
    private HttpResponse<String> post(String token, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/transactions/bulk"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String writeToken(String user) {
        var created = login(user, "demo")
                .sendJson("POST", "/api/v1/tokens", "{\"name\":\"crm sync\",\"scopes\":[\"read\",\"write\"]}");
        return Json.parse(created.body()).get("secret").asString();
    }

    @Test
    void tenThousandRecordsLoadInOneCallAndTheSameKeyAgainIsOneChange() throws Exception {
        String token = writeToken("compadmin");
        String source = "api-" + UUID.randomUUID();
        String body = records(source, 10_000, "P00038");
        String key = UUID.randomUUID().toString();

        var first = post(token, body, key);
        assertThat(first.statusCode()).isEqualTo(200);
        var result = Json.parse(first.body());
        assertThat(result.get("accepted").asLong()).isEqualTo(10_000);
        assertThat(result.get("rejected").asLong()).isZero();

        var repeat = post(token, body, key);
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Json.parse(repeat.body()).get("importId").asLong())
                .isEqualTo(result.get("importId").asLong());
    }

    @Test
    void badRecordsComeBackWithFieldAndReason() throws Exception {
        String body = "{\"source\":\"api-" + UUID.randomUUID()
                + "\",\"records\":[{\"external_id\":\"X1\",\"close_date\":\"2026-02-30\","
                + "\"amount\":\"12k\",\"currency\":\"USD\",\"owner\":\"P99999\"}]}";
        var response = post(writeToken("admin"), body, null);
        var problems = Json.parse(response.body()).get("rejections").get(0).get("problems");
        assertThat(problems.get(0).get("column").asString()).isEqualTo("close_date");
        assertThat(problems.get(1).get("reason").asString()).isEqualTo("bad amount '12k': not a number like 1234.56");
        assertThat(problems.get(2).get("reason").asString()).startsWith("unknown owner 'P99999'");
    }

    @Test
    void aRepMayNotImport() {
        WebSession rep = login("rep", "demo");
        assertThat(rep.get("/api/v1/imports").statusCode()).isEqualTo(403);
        assertThat(rep.sendJson("POST", "/api/v1/transactions/bulk", records("x", 1, "P00038"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(rep.get("/imports").statusCode()).isEqualTo(403);
    }

    @Test
    void theImportsPageOffersUploadInBothLanguages() {
        WebSession admin = login("compadmin", "demo");
        assertThat(admin.get("/imports").body()).contains("Upload and preview");
        assertThat(admin.get("/imports?lang=de").body()).contains("Hochladen und Vorschau");
    }
}
