package org.attain.integration;

import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar attain.jar webhook-bench --url URL [--deals N] [--reps N] [--user U --password P] [--seed S]}:
 * a CRM's view of "a deal won through a webhook is reflected in that rep's earnings". Against a
 * running server it logs in as an admin, registers a webhook source through the API (getting its
 * secret), then for each deal sends one HMAC-signed {@code deal.won} delivery for a rep on a plan and
 * reads {@code GET /api/v1/people/{id}/earnings} until a line of the current quarter lists the deal.
 * Deliveries go one after another, cycling through the reps. Prints the latency percentiles in
 * {@code key=value} lines, with the incremental calculation run's own share; exits 1 when a deal is not reflected within the timeout.
 *
 * <p>No Spring here: the server is a separate process (bench/webhook.sh starts it), as it is for a CRM.
 */
public final class WebhookLatencyCommand {

    static final String USAGE =
            "usage: webhook-bench --url URL [--deals N] [--reps N] [--user U] [--password P] [--seed S] "
                    + "[--timeout-seconds T]";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

    private record Rep(long id, String employeeId, String currency) {}

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private String csrf;

    private WebhookLatencyCommand(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = "admin";
        String password = "demo";
        int deals = 100;
        int reps = 50;
        long seed = 20261126;
        int timeoutSeconds = 30;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--url" -> url = v;
                    case "--user" -> user = v;
                    case "--password" -> password = v;
                    case "--deals" -> deals = Integer.parseInt(v);
                    case "--reps" -> reps = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
                i++;
            }
            if (url == null || user == null || password == null || deals < 1 || reps < 1 || timeoutSeconds < 1) {
                throw new IllegalArgumentException("--url is required; counts must be positive");
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return new WebhookLatencyCommand(url)
                    .measure(
                            user,
                            password,
                            deals,
                            reps,
                            new Random(seed),
                            Duration.ofSeconds(timeoutSeconds),
                            out,
                            err);
        } catch (IOException | RuntimeException e) {
            err.println("webhook bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int measure(
            String user,
            String password,
            int deals,
            int repCount,
            Random random,
            Duration timeout,
            PrintStream out,
            PrintStream err)
            throws IOException, InterruptedException {
        login(user, password);
        String source = "crm-bench-" + Long.toString(System.currentTimeMillis(), 36);
        JsonNode registered = JSON.readTree(send(
                post("/api/v1/integrations/webhook-sources/" + source + "/secret", "{}")
                        .header("X-CSRF-TOKEN", csrf)
                        .build(),
                200));
        String secret = registered.get("secret").asString();
        String endpoint = registered.get("endpoint").asString();
        List<Rep> reps = repsOnAPlan(repCount, random);
        out.println("source=" + source);
        out.println("reps=" + reps.size());
        String today = LocalDate.now().toString();
        List<Long> total = new ArrayList<>();
        List<Long> answered = new ArrayList<>();
        List<Long> calc = new ArrayList<>();
        long slowest = 0;
        int slowestDeal = -1;
        for (int i = 0; i < deals; i++) {
            Rep rep = reps.get(i % reps.size());
            String externalId = "WB-" + i;
            String body = """
                    {"event":"deal.won","data":{"external_id":"%s","name":"Webhook bench deal %d","close_date":"%s",\
                    "amount":"%d.00","currency":"%s","owner":"%s","deal_type":"new_logo"}}""".formatted(
                            externalId, i, today, 5_000 + random.nextInt(50_000), rep.currency(), rep.employeeId());
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            long started = System.nanoTime();
            long ts = System.currentTimeMillis() / 1000;
            HttpRequest delivery = HttpRequest.newBuilder(URI.create(base + endpoint))
                    .header("Content-Type", "application/json")
                    .header(Signatures.TIMESTAMP, String.valueOf(ts))
                    .header(Signatures.DELIVERY, source + "-" + i)
                    .header(Signatures.SIGNATURE, Signatures.sign(secret, ts, raw))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                    .build();
            JsonNode outcome = JSON.readTree(send(delivery, 200));
            if (!"applied".equals(outcome.path("status").asString())) {
                throw new IllegalStateException("delivery " + i + " was not applied: " + outcome);
            }
            long accepted = System.nanoTime();
            String wanted = source + ":" + externalId;
            JsonNode statement;
            while ((statement = reflected(rep, wanted)) == null) {
                if (System.nanoTime() - started > timeout.toNanos()) {
                    err.println("deal " + wanted + " not in the earnings of person " + rep.id() + " after "
                            + timeout.toSeconds() + " s");
                    return 1;
                }
                Thread.sleep(10);
            }
            long done = System.nanoTime();
            total.add(done - started);
            answered.add(accepted - started);
            if (done - started > slowest) {
                slowest = done - started;
                slowestDeal = i;
            }
            // The incremental run's own time (started to switched current), as the run records it.
            JsonNode run = JSON.readTree(
                    send(get("/api/v1/calc/runs/" + statement.path("runId").asLong()), 200));
            if (run.hasNonNull("startedAt") && run.hasNonNull("finishedAt")) {
                calc.add(Duration.between(instant(run.get("startedAt")), instant(run.get("finishedAt")))
                        .toNanos());
            }
        }
        out.println("deals=" + total.size());
        print(out, "webhook_answer", answered);
        print(out, "deal_to_earnings", total);
        if (!calc.isEmpty()) {
            print(out, "calc_run", calc);
        }
        out.println("slowest_deal=" + slowestDeal + " (0 = the first delivery after start)");
        long over = total.stream().filter(ns -> ns > 2_000_000_000L).count();
        out.println("over_2s=" + over);
        return 0;
    }

    /** Reps whose current-quarter statement has lines, i.e. who are on a plan, in a seeded random order. */
    private List<Rep> repsOnAPlan(int wanted, Random random) throws IOException, InterruptedException {
        JsonNode page = JSON.readTree(send(get("/api/v1/people?role=REP&size=500"), 200));
        List<Rep> all = new ArrayList<>();
        for (JsonNode p : page.get("items")) {
            if (p.path("employmentEnd").isNull() || p.path("employmentEnd").isMissingNode()) {
                all.add(new Rep(
                        p.get("id").asLong(),
                        p.get("externalId").asString(),
                        p.get("currency").asString()));
            }
        }
        Collections.shuffle(all, random);
        List<Rep> chosen = new ArrayList<>();
        for (Rep r : all) {
            if (chosen.size() == wanted) {
                break;
            }
            JsonNode statement = JSON.readTree(send(get("/api/v1/people/" + r.id() + "/earnings"), 200));
            if (statement.path("calculated").asBoolean()
                    && statement.path("lines").size() > 0) {
                chosen.add(r);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalStateException("no rep on a plan with a calculated statement this quarter");
        }
        return chosen;
    }

    /** The rep's current statement when one of its lines lists the transaction, else null. */
    private JsonNode reflected(Rep rep, String transactionId) throws IOException, InterruptedException {
        JsonNode statement = JSON.readTree(send(get("/api/v1/people/" + rep.id() + "/earnings"), 200));
        for (JsonNode line : statement.path("lines")) {
            for (JsonNode q : line.path("qualifying")) {
                if (transactionId.equals(q.asString())) {
                    return statement;
                }
            }
        }
        return null;
    }

    private void login(String user, String password) throws IOException, InterruptedException {
        String token = match(CSRF_INPUT, send(get("/login"), 200), "login page");
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        HttpResponse<String> landed = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (landed.statusCode() != 200 || landed.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("could not log in as " + user + " (landed on "
                    + landed.uri().getPath() + ")");
        }
        csrf = match(CSRF_META, send(get("/"), 200), "home page after login");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private String send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                            + abbreviate(response.body()));
        }
        return response.body();
    }

    private static String match(Pattern pattern, String html, String where) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the " + where);
        }
        return m.group(1);
    }

    private static void print(PrintStream out, String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        out.println(name + "_p50_ms=" + ms(percentile(sorted, 50)));
        out.println(name + "_p95_ms=" + ms(percentile(sorted, 95)));
        out.println(name + "_p99_ms=" + ms(percentile(sorted, 99)));
        out.println(name + "_max_ms=" + ms(sorted.get(sorted.size() - 1)));
    }

    /** Nearest rank: the smallest value with at least p % of the values at or below it. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** An ISO-8601 instant, or epoch seconds with a fraction should the server write numbers. */
    private static Instant instant(JsonNode v) {
        if (v.isNumber()) {
            java.math.BigDecimal seconds = v.decimalValue();
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE)
                            .movePointRight(9)
                            .longValue());
        }
        return Instant.parse(v.asString());
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
