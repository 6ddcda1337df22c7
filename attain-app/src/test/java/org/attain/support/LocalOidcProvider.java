package org.attain.support;

import java.util.Map;
import localoidc.LocalOidcProviderConfig;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server on embedded Tomcat on a random
 * port, in the test JVM but its own small application context (no auto-configuration, no logging set-up,
 * nothing of Attain's; its configuration lives outside org.attain so the application's component scan
 * never sees it). It has one client, {@link #CLIENT_ID}, and users the tests add with the claims their ID
 * token should carry. It answers on {@code localhost} while Attain's tests use {@code 127.0.0.1}, so the
 * browser keeps the two applications' session cookies apart.
 */
public final class LocalOidcProvider {

    public static final String CLIENT_ID = LocalOidcProviderConfig.CLIENT_ID;
    /** Distinctive, so that a test can look for it in the application's logs. */
    public static final String CLIENT_SECRET = LocalOidcProviderConfig.CLIENT_SECRET;

    private final AnnotationConfigServletWebServerApplicationContext context;

    private LocalOidcProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
    }

    public static LocalOidcProvider start() {
        return new LocalOidcProvider(
                new AnnotationConfigServletWebServerApplicationContext(LocalOidcProviderConfig.class));
    }

    public String issuer() {
        return "http://localhost:" + context.getWebServer().getPort();
    }

    /** A user who can log in at the provider; their ID token carries these claims (e.g. email, groups). */
    public void addUser(String username, String password, Map<String, Object> claims) {
        LocalOidcProviderConfig.ACCOUNTS.put(
                username, new LocalOidcProviderConfig.Account(password, Map.copyOf(claims)));
    }

    public void stop() {
        context.close();
    }
}
