package org.attain.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP to a CRM with the two answers every CRM API gives under load or after a while: 429 (or 503)
 * with Retry-After, which is waited out (capped, a few times at most), and 401 for an expired access
 * token, which gets one token refresh and one retry. Anything else that is not 2xx ends the run
 * with the vendor's status and message.
 */
final class CrmHttp {

    static final int MAX_RATE_LIMIT_RETRIES = 3;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String vendor;
    private final Sleeper sleeper;
    private final java.time.Clock clock;

    /** Waits out a Retry-After; a seam so the wait is bounded and visible, not a hidden Thread.sleep. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    CrmHttp(String vendor, Sleeper sleeper, java.time.Clock clock) {
        this.vendor = vendor;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * @param request builds the request with the current access token
     * @param refresh gets a new access token after a 401; called at most once per call
     */
    JsonNode json(Function<String, HttpRequest> request, Supplier<String> token, Runnable refresh) {
        boolean refreshed = false;
        int limited = 0;
        while (true) {
            HttpResponse<String> response = send(request.apply(token.get()));
            int status = response.statusCode();
            if (status == 401 && !refreshed) {
                refreshed = true;
                refresh.run();
                continue;
            }
            if ((status == 429 || status == 503) && limited < MAX_RATE_LIMIT_RETRIES) {
                limited++;
                wait(retryAfter(response, clock.instant()));
                continue;
            }
            if (status / 100 != 2) {
                throw new ConnectorException(vendor + " answered " + status + " to "
                        + response.request().method() + " "
                        + response.request().uri().getPath() + ": " + abbreviate(response.body()));
            }
            return response.body() == null || response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ConnectorException(
                    vendor + " could not be reached at " + request.uri().getHost() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while talking to " + vendor);
        }
    }

    static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        return bearer == null ? b : b.header("Authorization", "Bearer " + bearer);
    }

    /** Seconds or an HTTP date; without the header one second; never more than {@link #MAX_WAIT}. */
    static Duration retryAfter(HttpResponse<?> response, java.time.Instant now) {
        String value = response.headers().firstValue("Retry-After").orElse("1").trim();
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value));
        } catch (NumberFormatException e) {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException bad) {
                wait = Duration.ofSeconds(1);
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private void wait(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for " + vendor + "'s rate limit");
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
