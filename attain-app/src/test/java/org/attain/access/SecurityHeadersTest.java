package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Every response carries the Content Security Policy (scripts and styles from the app's own files
 * only, nothing inline) and Referrer-Policy; and no template holds what that policy would refuse.
 */
class SecurityHeadersTest extends AttainIntegrationTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void theLoginPageALoggedInPageAndTheApiCarryThePolicyAndReferrerPolicy() {
        List<HttpResponse<String>> responses = List.of(
                anonymous().get("/login"),
                login("rep", "demo").get("/"),
                login("rep", "demo").get("/api/v1/me"),
                anonymous().get("/css/attain.css"));
        for (HttpResponse<String> r : responses) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(r.uri().toString())
                    .isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY)
                    .contains("script-src 'self';")
                    .contains("style-src 'self';")
                    .doesNotContain("unsafe");
            assertThat(r.headers().firstValue("Referrer-Policy"))
                    .as(r.uri().toString())
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    @Test
    void onlySwaggerUiMayApplyInlineStylesAndEvenThereScriptsAreTheAppsOwn() {
        String csp = login("admin", "demo")
                .get("/api/swagger-ui/index.html")
                .headers()
                .firstValue("Content-Security-Policy")
                .orElse("");
        assertThat(csp)
                .isEqualTo(SecurityConfig.SWAGGER_UI_POLICY)
                .contains("script-src 'self';")
                .contains("style-src 'self' 'unsafe-inline';")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void noTemplateHasAnInlineScriptAnEventHandlerOrAStyleAttribute() throws IOException {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\b(th:)?src=)(?![^>]*type=\"application/json\")[^>]*>");
        Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+=\"");
        Pattern style = Pattern.compile("\\s(th:)?style=\"|<style");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                assertThat(inlineScript.matcher(html).find())
                        .as("inline <script> in %s", f)
                        .isFalse();
                assertThat(handler.matcher(html).find())
                        .as("inline event handler in %s", f)
                        .isFalse();
                assertThat(style.matcher(html).find())
                        .as("style attribute or element in %s", f)
                        .isFalse();
            }
        }
    }
}
