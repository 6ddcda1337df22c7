package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Integration tokens: shown once, stored hashed, scoped, revocable. */
class ApiTokensTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIsShownOnceStoredHashedAndWorksAsItsOwner() {
        WebSession admin = login("admin", "demo");
        var created = admin.sendJson("POST", "/api/v1/tokens", "{\"name\":\"payroll sync\",\"scopes\":[\"read\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = Json.parse(created.body()).get("secret").asString();
        assertThat(secret).startsWith("att_");

        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s")
                        .param("s", secret)
                        .query(Long.class)
                        .single())
                .as("the secret itself is never stored")
                .isZero();
        assertThat(admin.get("/api/v1/tokens").body()).doesNotContain(secret);

        WebSession integration = WebSession.withToken(baseUrl(), secret);
        JsonNode me = Json.parse(integration.get("/api/v1/me").body());
        assertThat(me.get("username").asString()).isEqualTo("admin");
    }

    @Test
    void aReadTokenCannotWriteAndARevokedTokenIsRefused() {
        WebSession admin = login("admin", "demo");
        JsonNode created =
                Json.parse(admin.sendJson("POST", "/api/v1/tokens", "{\"name\":\"reader\",\"scopes\":[\"read\"]}")
                        .body());
        WebSession reader =
                WebSession.withToken(baseUrl(), created.get("secret").asString());
        assertThat(reader.get("/api/v1/teams").statusCode()).isEqualTo(200);
        assertThat(reader.sendJson("POST", "/api/v1/periods/2020-Q1/close", null)
                        .statusCode())
                .isEqualTo(403);

        assertThat(admin.sendJson(
                                "DELETE", "/api/v1/tokens/" + created.get("id").asLong(), null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(reader.get("/api/v1/teams").statusCode()).isEqualTo(401);
        assertThat(WebSession.withToken(baseUrl(), "att_made-up")
                        .get("/api/v1/teams")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aRepTokenSeesWhatTheRepSees() {
        WebSession rep = login("rep", "demo");
        long repId = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        String secret = Json.parse(rep.sendJson("POST", "/api/v1/tokens", "{\"name\":\"mine\",\"scopes\":[\"read\"]}")
                        .body())
                .get("secret")
                .asString();
        JsonNode people = Json.parse(
                WebSession.withToken(baseUrl(), secret).get("/api/v1/people").body());
        assertThat(people.get("total").asLong()).isEqualTo(1);
        assertThat(people.get("items").get(0).get("id").asLong()).isEqualTo(repId);
    }
}
