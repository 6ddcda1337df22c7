package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Tomcat with {@link ForwardedProtoValve}, called over HTTP from 127.0.0.1: the session cookie is
 * {@code Secure} exactly when a trusted proxy says the client came over https.
 */
class ForwardedProtoTest {

    @TempDir
    Path base;

    private Tomcat tomcat;

    @AfterEach
    void stop() throws LifecycleException {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void httpsFromATrustedProxyMakesTheSessionCookieSecure() throws Exception {
        int port = start("127.0.0.1/32");
        HttpResponse<String> r = get(port, "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(r)).contains("Secure").contains("HttpOnly");
        assertThat(r.body()).isEqualTo("https true 443");
    }

    @Test
    void theStandardForwardedHeaderCountsToo() throws Exception {
        int port = start("127.0.0.0/8");
        HttpResponse<String> r = get(port, "Forwarded", "for=192.0.2.60;proto=https;by=203.0.113.43");
        assertThat(sessionCookie(r)).contains("Secure");
    }

    @Test
    void thePortAProxyNamesIsKept() throws Exception {
        int port = start("127.0.0.1");
        HttpResponse<String> r = get(port, "X-Forwarded-Proto", "https", "X-Forwarded-Port", "8443");
        assertThat(r.body()).isEqualTo("https true 8443");
    }

    @Test
    void plainHttpFromTheProxyStaysPlain() throws Exception {
        int port = start("127.0.0.1");
        assertThat(sessionCookie(get(port, "X-Forwarded-Proto", "http"))).doesNotContain("Secure");
        assertThat(sessionCookie(get(port))).doesNotContain("Secure");
    }

    @Test
    void theHeaderFromAPeerThatIsNoTrustedProxyChangesNothing() throws Exception {
        int port = start("10.0.0.0/8");
        HttpResponse<String> r = get(port, "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(r)).doesNotContain("Secure");
        assertThat(r.body()).startsWith("http false");
    }

    @Test
    void withoutTrustedProxiesNobodyIsTrusted() throws Exception {
        int port = start();
        assertThat(sessionCookie(get(port, "X-Forwarded-Proto", "https"))).doesNotContain("Secure");
    }

    private int start(String... trusted) throws LifecycleException, IOException {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        Path docs = Files.createDirectories(base.resolve("docs"));
        Context context = tomcat.addContext("", docs.toString());
        context.getCookieProcessor();
        Tomcat.addServlet(context, "session", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                req.getSession(true);
                resp.getWriter().write(req.getScheme() + " " + req.isSecure() + " " + req.getServerPort());
            }
        });
        context.addServletMappingDecoded("/", "session");
        context.setUseHttpOnly(true);
        tomcat.getEngine().getPipeline().addValve(new ForwardedProtoValve(new ClientAddress(List.of(trusted))));
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    private static HttpResponse<String> get(int port, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
    }
}
