package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.attain.access.ApiTokens;
import org.attain.access.UserAccounts;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.BadText;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every JSON (or CSV, YAML) body the API reads, found from the running application's {@code @RequestBody}
 * mappings, is sent broken: not JSON, cut short, the wrong shape, nested 100,000 deep, a megabyte long, numbers
 * beyond any column, NUL, UTF-16 or Latin-1 bytes declared as UTF-8, a BOM, and an object whose every field has
 * the wrong type. Each answer is a 4xx problem that says what is wrong, never a 500 or a stack trace, and the
 * server answers the next request.
 */
class ApiBodiesFuzzTest extends AttainIntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    @Autowired
    UserAccounts users;

    record Endpoint(String method, String path, String contentType, Class<?> body) {}

    record Body(String kind, byte[] bytes, String charset) {
        static Body of(String kind, String text) {
            return new Body(kind, text.getBytes(StandardCharsets.UTF_8), "UTF-8");
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyBodyBrokenEveryWayGetsAClearRefusalAndTheServerStaysUp() {
        var admin = users.loadUserByUsername("admin");
        String api = null;
        String scim = null;
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(60);

        Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        List<String> accepted = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (Body body : bodies(e)) {
                if (calls % 400 == 0) {
                    // a token's allowance is 600 calls a minute; this test is not about the rate limit
                    api = tokens.create(admin, "fuzz api " + calls, Set.of("read", "write"))
                            .secret();
                    scim = tokens.create(admin, "fuzz scim " + calls, Set.of("scim"))
                            .secret();
                }
                HttpResponse<String> answer = send(e, body, e.path().startsWith("/scim") ? scim : api);
                calls++;
                byKind.computeIfAbsent(body.kind(), k -> new TreeMap<>()).merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() < 300) {
                    accepted.add(e.method() + " " + e.path() + " [" + body.kind() + "] " + answer.statusCode());
                }
                String problem = unclear(answer);
                if (problem != null) {
                    failures.add(e.method() + " " + e.path() + " [" + body.kind() + "] " + answer.statusCode() + ": "
                            + problem + " | " + snippet(answer.body()));
                }
            }
        }
        System.out.println(
                "api bodies fuzz: " + endpoints.size() + " endpoints, " + calls + " calls; by kind: " + byKind);
        accepted.forEach(a -> System.out.println("  accepted " + a));
        failures.forEach(f -> System.out.println("  FAIL " + f));
        assertThat(failures).as("answers that were not a clear refusal").isEmpty();
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    /** A number where text belongs is taken as its text (Jackson's scalar coercion): the one body that is stored. */
    @org.junit.jupiter.api.AfterEach
    void removeWhatWasStored(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        jdbc.sql("delete from territory_hierarchy where code = '1e400' and name = '1e400'")
                .update();
    }

    /** Null when the answer is a clear refusal (or a plain success); else what is wrong with it. */
    private static String unclear(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body() == null ? "" : answer.body();
        if (status >= 500) {
            return "server error";
        }
        if (body.matches("(?s).*(Exception|\\tat (java|org)\\.|Caused by|java\\.lang\\.|org\\.attain\\.).*")) {
            return "the program's insides in the answer";
        }
        if (status == 400 && (body.contains("Failed to read request") || body.isBlank())) {
            return "a 400 that does not say what is wrong";
        }
        return null;
    }

    private List<Body> bodies(Endpoint e) {
        List<Body> out = new ArrayList<>();
        out.add(Body.of("empty", ""));
        out.add(Body.of("cut", "{\"a\": [1, 2"));
        out.add(Body.of("not-json", "this is not json, <script>alert(1)</script>"));
        out.add(Body.of("wrong-shape", "[]"));
        out.add(Body.of("scalar", "\"text\""));
        out.add(Body.of("null", "null"));
        out.add(Body.of("deep-array", BadText.nested("[", "1", "]", 100_000)));
        out.add(Body.of("deep-object", BadText.nested("{\"a\":", "1", "}", 5_000)));
        out.add(Body.of("huge", "{\"a\": \"" + "x".repeat(1_000_000) + "\"}"));
        out.add(Body.of("nul", "{\"a\": \"a\u0000b\"}\u0000"));
        String wrong = wrongTypes(e.body());
        out.add(Body.of("wrong-types", wrong));
        out.add(Body.of("huge-numbers", wrongTypes(e.body()).replaceAll("\\[\\[\\[\"x\"]]]", "1e400")));
        out.add(new Body("utf-16", wrong.getBytes(StandardCharsets.UTF_16), "UTF-8"));
        out.add(new Body("latin-1", ("{\"a\": \"caf\u00e9 \u00df\"}").getBytes(StandardCharsets.ISO_8859_1), "UTF-8"));
        out.add(Body.of("bom", "\uFEFF" + wrong));
        out.add(Body.of("nulls", fields(e.body(), c -> "null", "[null]")));
        out.add(Body.of("null-elements", fields(e.body(), c -> listy(c.getType()) ? "[null]" : "null", "[null, 1]")));
        return out;
    }

    /** An object naming the body's own fields, each with a value of the wrong type for it. */
    private static String wrongTypes(Class<?> type) {
        return fields(
                type,
                c -> listy(c.getType())
                        ? "{\"a\": 1}"
                        : Map.class.isAssignableFrom(c.getType())
                                ? "\"text\""
                                : c.getType().isRecord() ? "[1]" : "[[[\"x\"]]]",
                "{\"a\": [[[\"x\"]]], \"name\": {\"a\": 1}}");
    }

    /** The body's record fields, each given the value {@code value} picks; {@code otherwise} for other bodies. */
    private static String fields(
            Class<?> type, java.util.function.Function<RecordComponent, String> value, String otherwise) {
        if (type == null || !type.isRecord()) {
            return otherwise;
        }
        StringBuilder out = new StringBuilder("{");
        for (RecordComponent c : type.getRecordComponents()) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append('"').append(c.getName()).append("\": ").append(value.apply(c));
        }
        return out.append('}').toString();
    }

    private static boolean listy(Class<?> t) {
        return Collection.class.isAssignableFrom(t) || t.isArray();
    }

    private List<Endpoint> endpoints() {
        Map<String, Endpoint> out = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                    mapping.getHandlerMethods().entrySet()) {
                Class<?> body = null;
                boolean reads = false;
                for (var p : entry.getValue().getMethodParameters()) {
                    if (p.hasParameterAnnotation(RequestBody.class)) {
                        reads = true;
                        body = p.getParameterType();
                    }
                }
                RequestMappingInfo info = entry.getKey();
                if (!reads || info.getPatternValues().stream().anyMatch(p -> p.startsWith("/actuator"))) {
                    continue;
                }
                String type = info.getConsumesCondition().getConsumableMediaTypes().stream()
                        .findFirst()
                        .map(MediaType::toString)
                        .orElse("application/json");
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "999999999");
                    for (var m : info.getMethodsCondition().getMethods()) {
                        out.putIfAbsent(m + " " + path, new Endpoint(m.name(), path, type, body));
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }

    private HttpResponse<String> send(Endpoint e, Body body, String token) {
        String type = e.contentType().contains("*") ? "application/json" : e.contentType();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + e.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type + (type.contains("charset") ? "" : "; charset=" + body.charset()))
                .method(e.method(), HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(e.method() + " " + e.path() + " [" + body.kind() + "]", ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return client.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String snippet(String body) {
        String s = body == null ? "" : body.replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
