package org.attain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session for tests: keeps cookies, logs in through the real form with CSRF. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;
    private String bearer;

    private WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static WebSession anonymous(String base) {
        return new WebSession(base);
    }

    public static WebSession withToken(String base, String token) {
        WebSession s = new WebSession(base);
        s.bearer = token;
        return s;
    }

    /** Logs in through /login; the response of the form post is returned by {@link #lastLogin}. */
    public static WebSession login(String base, String username, String password) {
        WebSession s = new WebSession(base);
        s.lastLogin = s.postForm("/login", Map.of("username", username, "password", password));
        return s;
    }

    private HttpResponse<String> lastLogin;

    public HttpResponse<String> lastLogin() {
        return lastLogin;
    }

    public boolean loggedIn() {
        return lastLogin != null
                && lastLogin.statusCode() == 302
                && !lastLogin.headers().firstValue("Location").orElse("").contains("/login");
    }

    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** A download as bytes (XLSX, PDF), with this session's cookies or token. */
    public HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(b::header);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return postForm(path, fields, Map.of());
    }

    /** A form post with headers of its own (Accept: text/html, as a browser sends). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields, Map<String, String> headers) {
        String token = csrfFrom(get(path.equals("/login") ? "/login" : "/").body());
        String body = fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"))
                + (token == null ? "" : "&_csrf=" + enc(token));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    public HttpResponse<String> sendJson(String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (bearer == null) {
            String token = csrfFrom(get("/").body());
            if (token != null) {
                b.header("X-CSRF-TOKEN", token);
            }
        }
        return send(b);
    }

    /** A POST of a text body of any type (CSV, …), with the CSRF token a cookie session needs. */
    public HttpResponse<String> postText(String path, String contentType, String text) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(text));
        String token = bearer == null ? csrfFrom(get("/").body()) : null;
        if (token != null) {
            b.header("X-CSRF-TOKEN", token);
        }
        return send(b);
    }

    public HttpResponse<String> sendYaml(String path, String yaml) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml));
        String token = csrfFrom(get("/").body());
        if (token != null) {
            b.header("X-CSRF-TOKEN", token);
        }
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrfFrom(String html) {
        Matcher m = CSRF.matcher(html);
        if (m.find()) {
            return m.group(1);
        }
        Matcher meta = CSRF_META.matcher(html);
        return meta.find() ? meta.group(1) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
