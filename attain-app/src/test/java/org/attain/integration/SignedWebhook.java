package org.attain.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A CRM sending webhooks to Attain: signs the body with the source's secret like a real sender, and
 * stamps it by the same clock as the app's (the tests pin the app's day; a real sender and Attain
 * share real time).
 */
public record SignedWebhook(String baseUrl, String source, String secret, java.time.Clock clock) {

    public HttpResponse<String> send(String delivery, String body) {
        return send(delivery, body, now(), secret);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    HttpResponse<String> send(String delivery, String body, long timestamp, String signWith) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return post(delivery, bytes, String.valueOf(timestamp), Signatures.sign(signWith, timestamp, bytes));
    }

    HttpResponse<String> post(String delivery, byte[] body, String timestamp, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/webhooks/" + source))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (delivery != null) {
            b.header(Signatures.DELIVERY, delivery);
        }
        if (timestamp != null) {
            b.header(Signatures.TIMESTAMP, timestamp);
        }
        if (signature != null) {
            b.header(Signatures.SIGNATURE, signature);
        }
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
