package org.attain.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One caller of the access matrix: anonymous, a logged-in user (cookie session with its CSRF token) or
 * an API token. Streams (server-sent events) are read only up to their status and headers.
 */
final class MatrixCaller {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*(?:value|content)=\"([^\"]+)\"");

    final String name;
    private final String base;
    private final HttpClient client;
    private final String bearer;
    private String csrf;

    private MatrixCaller(String name, String base, String bearer) {
        this.name = name;
        this.base = base;
        this.bearer = bearer;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static MatrixCaller anonymous(String base) {
        MatrixCaller c = new MatrixCaller("anonymous", base, null);
        c.csrf = c.csrfOf("/login");
        return c;
    }

    static MatrixCaller token(String name, String base, String secret) {
        return new MatrixCaller(name, base, secret);
    }

    static MatrixCaller login(String base, String username) {
        MatrixCaller c = new MatrixCaller(username, base, null);
        String token = c.csrfOf("/login");
        Answer a = c.send(
                "POST",
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + enc(username) + "&password=demo&_csrf=" + enc(token),
                false);
        if (a.status() != 302 || a.location().contains("/login")) {
            throw new IllegalStateException("login of " + username + " failed: " + a.status() + " " + a.location());
        }
        // A new session after login carries a new CSRF token.
        c.csrf = c.csrfOf("/");
        return c;
    }

    boolean usesToken() {
        return bearer != null;
    }

    record Answer(int status, String location, String body) {}

    Answer get(String path, boolean stream) {
        return send("GET", path, null, null, stream);
    }

    /** An unsafe call with an empty body: the CSRF token of a cookie session, or the bearer token. */
    Answer unsafe(String method, String path) {
        boolean api = path.startsWith("/api/");
        String type = api ? "application/json" : "application/x-www-form-urlencoded";
        String body = api ? "{}" : (csrf == null ? "" : "_csrf=" + enc(csrf));
        return send(method, path, type, body, false);
    }

    private Answer send(String method, String path, String type, String body, boolean stream) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        } else if (csrf != null && !"GET".equals(method)) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        try {
            if (stream) {
                // A stream sends its headers with its first event: a refusal answers at once, an open stream waits.
                b.timeout(Duration.ofSeconds(10));
                HttpResponse<InputStream> r;
                try {
                    r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
                } catch (java.net.http.HttpTimeoutException open) {
                    return new Answer(200, "", "");
                }
                r.body().close();
                return new Answer(
                        r.statusCode(), r.headers().firstValue("Location").orElse(""), "");
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " as " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String csrfOf(String page) {
        Matcher m = CSRF.matcher(send("GET", page, null, null, false).body());
        return m.find() ? m.group(1) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
