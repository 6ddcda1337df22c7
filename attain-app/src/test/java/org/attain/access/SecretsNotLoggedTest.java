package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.LocalOidcProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets never reach the logs: with security, web and Attain logging turned up to DEBUG, a password
 * login, a single sign-on and SCIM calls leave none of the passwords, the client secret or the API token
 * in the application's log file. Also: the stored password is a bcrypt hash.
 */
class SecretsNotLoggedTest extends AttainIntegrationTest {

    @Autowired
    UserAccounts users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoggingSystem logging;

    @Test
    void passwordsClientSecretAndTokensAreNotInTheLogs() throws Exception {
        List<String> loggers = List.of("org.springframework.security", "org.springframework.web", "org.attain");
        Map<String, org.springframework.boot.logging.LoggerConfiguration> before = new java.util.HashMap<>();
        loggers.forEach(l -> before.put(l, logging.getLoggerConfiguration(l)));
        long nonce = System.nanoTime();
        String formPassword = "form-secret-" + nonce;
        String providerPassword = "idp-secret-" + nonce;
        String formUser = "logcheck-" + nonce;
        String ssoLogin = "idp-logcheck-" + nonce;
        String scimToken;
        try {
            loggers.forEach(l -> logging.setLogLevel(l, LogLevel.DEBUG));

            long id = users.create(formUser, formPassword, null, Set.of(Role.REP), "test");
            assertThat(jdbc.sql("select password_hash from app_user where id = :id")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .startsWith("{bcrypt}$2a$10$")
                    .doesNotContain(formPassword);
            assertThat(login(formUser, formPassword).loggedIn()).isTrue();
            assertThat(login(formUser, formPassword + "-wrong").loggedIn()).isFalse();

            oidcProvider()
                    .addUser(
                            ssoLogin,
                            providerPassword,
                            Map.of("email", ssoLogin + "@example.org", "groups", List.of("attain-reps")));
            try (Browser browser = new Browser(baseUrl(), "en")) {
                browser.open("/login");
                SingleSignOnTest.signInAtProvider(browser, ssoLogin, providerPassword);
                assertThat(URI.create(browser.driver().getCurrentUrl()).getPath())
                        .isEqualTo("/");
            }

            scimToken = tokens.create(users.find("admin").orElseThrow(), "log check", Set.of(ApiTokens.SCIM_SCOPE))
                    .secret();
            HttpClient http = HttpClient.newHttpClient();
            for (String bearer : new String[] {scimToken, scimToken + "x"}) {
                var r = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        baseUrl() + "/scim/v2/Users?filter=userName%20eq%20%22" + formUser + "%22"))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isIn(200, 401);
            }
        } finally {
            before.forEach((l, c) -> logging.setLogLevel(l, c == null ? null : c.getConfiguredLevel()));
        }

        String log = readLog();
        // The run really was logged (the check below would pass on an empty file otherwise).
        assertThat(log).contains("/scim/v2/Users").contains("/login/oauth2/code/sso");
        for (String secret : List.of(formPassword, providerPassword, LocalOidcProvider.CLIENT_SECRET, scimToken)) {
            assertThat(log).as("the log holds a secret").doesNotContain(secret);
        }
        // Not even the token's random part after its visible prefix.
        assertThat(log).doesNotContain(scimToken.substring(10));
    }

    private static String readLog() throws IOException {
        // Logging starts before the test's data folder is known: Spring Boot names the file it chose in LOG_FILE.
        String chosen = System.getProperty("LOG_FILE");
        Path file = chosen != null ? Path.of(chosen) : dataDir().resolve("logs").resolve("attain.json");
        assertThat(file).exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
