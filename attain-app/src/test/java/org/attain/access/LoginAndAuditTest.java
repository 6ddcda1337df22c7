package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Logging in, failing to, being throttled, and the audit trail that records it. */
class LoginAndAuditTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts users;

    @Test
    void aWrongPasswordGetsTheSameGenericAnswerAsAnUnknownLogin() {
        WebSession wrongPassword = login("finance", "not-the-password");
        WebSession unknownUser = login("nobody-" + System.nanoTime(), "whatever");
        assertThat(wrongPassword.lastLogin().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(unknownUser.lastLogin().headers().firstValue("Location"))
                .isEqualTo(wrongPassword.lastLogin().headers().firstValue("Location"));
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPasswordAfterwards() {
        String name = "throttle-" + System.nanoTime();
        users.create(name, "correct horse battery", null, Set.of(Role.REP), "test");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(login(name, "wrong").loggedIn()).isFalse();
        }
        WebSession blocked = login(name, "correct horse battery");
        assertThat(blocked.loggedIn()).isFalse();
        assertThat(blocked.lastLogin().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?wait="));
    }

    @Test
    void loginsAndRoleChangesAreAudited() {
        String name = "audited-" + System.nanoTime();
        long id = users.create(name, "a long enough password", null, Set.of(Role.REP), "test");
        assertThat(login(name, "a long enough password").loggedIn()).isTrue();
        WebSession admin = login("admin", "demo");
        assertThat(admin.sendJson("PUT", "/api/v1/users/" + id + "/roles", "{\"roles\":[\"MANAGER\"]}")
                        .statusCode())
                .isEqualTo(200);

        assertThat(count("LOGIN", name)).isEqualTo(1);
        String change = jdbc.sql(
                        "select before::text || ' -> ' || after::text from audit_log where action = 'ROLES_CHANGED' and entity_id = :id")
                .param("id", Long.toString(id))
                .query(String.class)
                .single();
        assertThat(change).contains("REP").contains("MANAGER");
    }

    @Test
    void withoutATrustedProxyAForwardedForHeaderDoesNotChooseTheCountedAddress() throws Exception {
        String name = "forged-" + System.nanoTime();
        var client = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        String form = client.send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(form);
        assertThat(csrf.find()).isTrue();
        client.send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + name
                                + "&password=wrong&_csrf="
                                + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(jdbc.sql("select detail from audit_log where action = 'LOGIN_FAILED' and actor = :u")
                        .param("u", name)
                        .query(String.class)
                        .single())
                .isEqualTo("from 127.0.0.1");
    }

    @Test
    void theAuditLogCannotBeRewritten() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        jdbc.sql("update audit_log set actor = 'someone else'").update())
                .hasMessageContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void onlyAnAdminChangesRoles() {
        WebSession compAdmin = login("compadmin", "demo");
        assertThat(compAdmin
                        .sendJson("PUT", "/api/v1/users/1/roles", "{\"roles\":[\"ADMIN\"]}")
                        .statusCode())
                .isEqualTo(403);
    }

    private long count(String action, String actor) {
        return jdbc.sql("select count(*) from audit_log where action = :a and actor = :u")
                .param("a", action)
                .param("u", actor)
                .query(Long.class)
                .single();
    }
}
