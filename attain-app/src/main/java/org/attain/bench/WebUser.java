package org.attain.bench;

import java.io.IOException;
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

/** One logged-in browser-like user: its own cookie jar, logged in through the real login form. */
final class WebUser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String baseUrl;
    private final HttpClient http;

    private WebUser(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static WebUser login(String baseUrl, String username, String password) throws IOException, InterruptedException {
        WebUser user = new WebUser(baseUrl);
        String page = user.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the login page has no CSRF field");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<Void> done = user.http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = done.headers().firstValue("Location").orElse("");
        if (done.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + done.statusCode() + " " + location);
        }
        return user;
    }

    /** GETs a path; returns the status code (the body is read and discarded, as a browser would). */
    int get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    /** POSTs JSON with an API token instead of the session (no CSRF); returns the status code. */
    static int postJson(String baseUrl, String path, String token, String json) throws IOException, InterruptedException {
        return SHARED.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** GETs with an API token; returns the status code. */
    static int getWithToken(String baseUrl, String path, String token) throws IOException, InterruptedException {
        return SHARED.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }

    private static final HttpClient SHARED = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
