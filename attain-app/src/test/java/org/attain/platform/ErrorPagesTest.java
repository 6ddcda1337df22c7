package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/** Friendly pages for people, problem documents for programs, both languages. */
class ErrorPagesTest extends AttainIntegrationTest {

    @Test
    void anUnknownPageIsAFriendly404InTheUsersLanguage() {
        WebSession rep = login("rep", "demo");
        var en = rep.get("/no/such/page", Map.of("Accept", "text/html"));
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("Page not found").doesNotContain("Exception");
        var de = rep.get("/no/such/page?lang=de", Map.of("Accept", "text/html"));
        assertThat(de.body()).contains("Seite nicht gefunden");
    }

    @Test
    void anUnknownApiPathIsAProblemDocument() {
        var response = login("rep", "demo").get("/api/v1/no-such-thing", Map.of("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    /** Access matrix defect: GET /error (no error forwarded to it) answered 500 and logged a server error. */
    @Test
    void aRequestForTheErrorPathItselfIsNotFoundRatherThanAServerError() {
        var page = anonymous().get("/error", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Error id");
        var problem = login("rep", "demo").get("/error", Map.of("Accept", "application/json"));
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.body()).contains("There is nothing at /error").doesNotContain("errorId");
    }

    @Test
    void theLoginPageFollowsTheBrowsersLanguage() {
        assertThat(anonymous()
                        .get("/login", Map.of("Accept-Language", "de-DE,de;q=0.9"))
                        .body())
                .contains("Passwort");
        assertThat(anonymous().get("/login", Map.of("Accept-Language", "en-GB")).body())
                .contains("Password");
        assertThat(anonymous().get("/login", Map.of("Accept-Language", "fr")).body())
                .contains("Password");
    }

    @Test
    void healthAndMetricsAreExposedForOperations() {
        assertThat(anonymous().get("/actuator/health").body()).contains("UP");
        assertThat(anonymous().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(login("admin", "demo").get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
    }
}
