package org.attain.integration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A vendor API on loopback for tests: answers are scripted per route (first matching prefix wins),
 * one-off answers (a 429, an expired token) are queued in front, and every request is recorded.
 */
final class FakeVendor implements AutoCloseable {

    record Answer(int status, String body, Map<String, String> headers) {
        static Answer json(String body) {
            return new Answer(200, body, Map.of());
        }
    }

    record Seen(
            String method, String path, String query, String authorization, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final Map<String, Function<Seen, Answer>> routes =
            Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, Deque<Answer>> once = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    FakeVendor() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The key is "METHOD /path-prefix"; the function sees the request. */
    FakeVendor on(String key, Function<Seen, Answer> answer) {
        routes.put(key, answer);
        return this;
    }

    /** The next request to this route gets this answer first, then the route answers as usual. */
    FakeVendor once(String key, Answer answer) {
        once.computeIfAbsent(key, k -> new ArrayDeque<>()).add(answer);
        return this;
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Seen request = new Seen(
                ex.getRequestMethod(),
                ex.getRequestURI().getPath(),
                ex.getRequestURI().getQuery(),
                ex.getRequestHeaders().getFirst("Authorization"),
                body,
                headers(ex));
        seen.add(request);
        Answer answer = null;
        String matched = null;
        synchronized (routes) {
            for (var route : routes.entrySet()) {
                String[] key = route.getKey().split(" ", 2);
                if (key[0].equals(request.method()) && request.path().startsWith(key[1])) {
                    matched = route.getKey();
                    Deque<Answer> queued = once.get(matched);
                    answer = queued != null && !queued.isEmpty()
                            ? queued.poll()
                            : route.getValue().apply(request);
                    break;
                }
            }
        }
        if (answer == null) {
            answer = new Answer(404, "[{\"message\":\"no such route\",\"errorCode\":\"NOT_FOUND\"}]", Map.of());
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach((k, v) -> map.put(k, v.get(0)));
        return map;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
