package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * The application's Tomcat carries {@link ForwardedProtoValve}; with no trusted proxy configured (the
 * default, as here) a client's own {@code X-Forwarded-Proto} changes nothing. {@link ForwardedProtoTest}
 * shows the trusted case on a real Tomcat.
 */
class ProxyHeadersInTheAppTest extends AttainIntegrationTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void theValveIsInTheApplicationsTomcat() {
        var valves = ((TomcatWebServer) context.getWebServer())
                .getTomcat()
                .getEngine()
                .getPipeline()
                .getValves();
        assertThat(Arrays.stream(valves).anyMatch(ForwardedProtoValve.class::isInstance))
                .isTrue();
    }

    @Test
    void aClientsOwnForwardedProtoDoesNotMakeItsCookieSecure() {
        HttpResponse<String> login = anonymous().get("/login", Map.of("X-Forwarded-Proto", "https"));
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }
}
