package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** An API token over its allowance gets 429 with Retry-After and a problem document; others go on. */
class ApiRateLimitTest extends AttainIntegrationTest {

    @Autowired
    TokenRateLimit limit;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts users;

    @Test
    void aTokenOverItsAllowanceIsToldWhenToComeBack() {
        long requests = limit.requests();
        Duration window = limit.window();
        AttainUser admin = users.loadUserByUsername("admin");
        var busy = tokens.create(admin, "rate-limit busy", Set.of("read"));
        var quiet = tokens.create(admin, "rate-limit quiet", Set.of("read"));
        limit.configure(3, Duration.ofHours(1));
        try {
            WebSession caller = WebSession.withToken(baseUrl(), busy.secret());
            for (int i = 0; i < 3; i++) {
                assertThat(caller.get("/api/v1/me").statusCode())
                        .as("call %s", i + 1)
                        .isEqualTo(200);
            }
            HttpResponse<String> refused = caller.get("/api/v1/me");
            assertThat(refused.statusCode()).isEqualTo(429);
            long retryAfter =
                    Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            // One request of three an hour comes back after at most 20 minutes.
            assertThat(retryAfter).isBetween(1L, 1200L);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            JsonNode problem = Json.parse(refused.body());
            assertThat(problem.get("status").asInt()).isEqualTo(429);
            assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
            assertThat(problem.get("detail").asString()).contains("3 requests in 3600 s");

            assertThat(WebSession.withToken(baseUrl(), quiet.secret())
                            .get("/api/v1/me")
                            .statusCode())
                    .as("another token")
                    .isEqualTo(200);
            assertThat(login("admin", "demo").get("/api/v1/me").statusCode())
                    .as("a browser session of the same user")
                    .isEqualTo(200);
        } finally {
            limit.configure(requests, window);
            tokens.revoke(admin, busy.id());
            tokens.revoke(admin, quiet.id());
        }
    }

    @Test
    void theDefaultAllowsSixHundredRequestsAMinute() {
        assertThat(limit.requests()).isEqualTo(600);
        assertThat(limit.window()).isEqualTo(Duration.ofMinutes(1));
    }
}
