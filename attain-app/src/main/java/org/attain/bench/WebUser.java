package org.attain.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One logged-in browser-like user: its own cookies and its own kept-alive HTTP/1.1 connection,
 * logged in through the real login form.
 *
 * <p>The load phase runs 50 of these in the application's own JVM, on the same two cores, so their
 * CPU counts against the application's: a blocking socket with one reused buffer costs a fraction
 * of {@code java.net.http.HttpClient}, whose every call goes through a selector thread, an
 * executor and a chain of futures. A browser, too, keeps its connection open between pages.
 */
final class WebUser implements AutoCloseable {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final int TIMEOUT_MS = 30_000;

    private final String host;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final byte[] discard = new byte[16 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    private WebUser(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** Status, headers (names lower case, last value wins except cookies) and, when asked for, the body. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    static WebUser login(String baseUrl, String username, String password) throws IOException {
        WebUser user = new WebUser(baseUrl);
        String page = user.send("GET", "/login", "text/html", null, true).bodyText();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("the login page has no CSRF field");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        Response done = user.send("POST", "/login", "text/html", form.getBytes(StandardCharsets.UTF_8), false);
        String location = done.headers().getOrDefault("location", "");
        if (done.status() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + done.status() + " " + location);
        }
        return user;
    }

    /** GETs a path; returns the status code (the body is read and discarded, as a browser would). */
    int get(String path, String accept) throws IOException {
        return send("GET", path, accept, null, false).status();
    }

    private Response send(String method, String path, String accept, byte[] form, boolean keepBody) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nAccept: ")
                .append(accept)
                .append("\r\n");
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            boolean first = true;
            for (Map.Entry<String, String> c : cookies.entrySet()) {
                head.append(first ? "" : "; ").append(c.getKey()).append('=').append(c.getValue());
                first = false;
            }
            head.append("\r\n");
        }
        if (form != null) {
            head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
                    .append(form.length)
                    .append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        // A kept-alive connection the server has closed in the meantime fails on first use: one retry
        // on a new connection (every request here is a GET or the login form, which may be repeated).
        boolean fresh = socket == null;
        try {
            return exchange(request, form, keepBody);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(request, form, keepBody);
        }
    }

    private Response exchange(byte[] request, byte[] form, boolean keepBody) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        out.write(request);
        if (form != null) {
            out.write(form);
        }
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            if (name.equals("set-cookie")) {
                remember(value);
            } else {
                headers.put(name, value);
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            while (!line().isEmpty()) {
                // trailer fields, if any
            }
        } else if (headers.containsKey("content-length")) {
            copy(Long.parseLong(headers.get("content-length")), body);
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Response(code, headers, body == null ? new byte[0] : body.toByteArray());
    }

    private void remember(String setCookie) {
        int semi = setCookie.indexOf(';');
        String pair = semi < 0 ? setCookie : setCookie.substring(0, semi);
        int eq = pair.indexOf('=');
        if (eq > 0) {
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private long chunkSize() throws IOException {
        String s = line();
        int semi = s.indexOf(';');
        return Long.parseLong((semi < 0 ? s : s.substring(0, semi)).trim(), 16);
    }

    private void copy(long length, ByteArrayOutputStream into) throws IOException {
        long left = length;
        while (left > 0) {
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) {
                throw new EOFException("connection closed inside a response body");
            }
            if (into != null) {
                into.write(discard, 0, n);
            }
            left -= n;
        }
    }

    private final StringBuilder lineBuffer = new StringBuilder(128);

    /** One header line without its CRLF, as ISO-8859-1. */
    private String line() throws IOException {
        lineBuffer.setLength(0);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                lineBuffer.append((char) c);
            }
        }
        return lineBuffer.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    /** POSTs JSON with an API token instead of the session (no CSRF); returns the status code. */
    static int postJson(String baseUrl, String path, String token, String json)
            throws IOException, InterruptedException {
        return SHARED.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + path))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** GETs with an API token; returns the status code. */
    static int getWithToken(String baseUrl, String path, String token) throws IOException, InterruptedException {
        return SHARED.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + path))
                                .header("Accept", "application/json")
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(60))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray())
                .statusCode();
    }

    private static final HttpClient SHARED =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
