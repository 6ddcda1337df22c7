package org.attain.game;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar attain.jar board-live-bench --url URL [--subscribers N] [--deals N] [--pause-ms MS]}: how long a
 * deal posted through the API takes to reach open leaderboard screens. Against a running server it logs in as
 * several demo users, creates a bookings board for the current quarter, opens {@code --subscribers} event streams
 * on it ({@code /game/live?boards=ID}, as that many open board pages, the users taking turns) and waits until each
 * said {@code ready}. Then, one after another, it posts a deal for a random rep to
 * {@code POST /api/v1/transactions/bulk} and times, for every subscriber, from just before the POST until the
 * {@code board} event arrived ({@code post_to_event}) and until that subscriber had fetched the board's standing again,
 * as the browser does on the event ({@code /game/boards/ID/standing}, {@code post_to_page}). Prints {@code key=value} lines; exits 1 when an event
 * does not arrive within the timeout.
 *
 * <p>No Spring here: the server is a separate process (bench/board-live.sh starts it).
 */
public final class BoardLiveLatencyCommand {

    static final String USAGE = "usage: board-live-bench --url URL [--subscribers N] [--deals N] [--pause-ms MS] "
            + "[--password P] [--seed S] [--timeout-seconds T]";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final List<String> USERS = List.of("rep", "manager", "compadmin", "admin", "finance");

    private record Rep(String employeeId, String currency) {}

    /** One logged-in user: its own cookies, so its own session. */
    private final class User {
        final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String csrf;

        void login(String user, String password) throws IOException, InterruptedException {
            String token = match(CSRF_INPUT, send(this, get("/login").build(), 200), "login page");
            String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
            HttpResponse<String> landed = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (landed.statusCode() != 200 || landed.uri().getPath().startsWith("/login")) {
                throw new IllegalStateException("could not log in as " + user);
            }
            csrf = match(CSRF_META, send(this, get("/").build(), 200), "home page after login");
        }
    }

    /** One open board screen: arrival times of its board events and of its page fetched again after each. */
    private final class Subscriber {
        final BlockingQueue<Long> events = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> pages = new LinkedBlockingQueue<>();
        final CountDownLatch ready = new CountDownLatch(1);

        void open(User user, long board) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/game/live?boards=" + board))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            user.http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
                Thread reader = new Thread(() -> read(user, board, response.body()), "subscriber");
                reader.setDaemon(true);
                reader.start();
            });
        }

        private void read(User user, long board, Stream<String> lines) {
            String event = null;
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.isEmpty() && event != null) {
                    if (event.equals("ready")) {
                        ready.countDown();
                    } else if (event.equals("board")) {
                        events.add(System.nanoTime());
                        try {
                            send(
                                    user,
                                    get("/game/boards/" + board + "/standing")
                                            .header("Accept", "text/html")
                                            .build(),
                                    200);
                            pages.add(System.nanoTime());
                        } catch (IOException | InterruptedException | RuntimeException e) {
                            pages.add(-1L);
                        }
                    }
                    event = null;
                }
            }
        }
    }

    private final String base;

    private BoardLiveLatencyCommand(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static int run(String[] args) {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String password = "demo";
        int subscribers = 50;
        int deals = 20;
        int pauseMs = 300;
        long seed = 20261215;
        int timeoutSeconds = 10;
        try {
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--url" -> url = v;
                    case "--password" -> password = v;
                    case "--subscribers" -> subscribers = Integer.parseInt(v);
                    case "--deals" -> deals = Integer.parseInt(v);
                    case "--pause-ms" -> pauseMs = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--timeout-seconds" -> timeoutSeconds = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            if (url == null || subscribers < 1 || deals < 1 || pauseMs < 0 || timeoutSeconds < 1) {
                throw new IllegalArgumentException("--url is required; counts must be positive");
            }
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return new BoardLiveLatencyCommand(url)
                    .measure(password, subscribers, deals, pauseMs, new Random(seed), timeoutSeconds, out, err);
        } catch (IOException | RuntimeException e) {
            err.println("board live bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private int measure(
            String password,
            int subscriberCount,
            int deals,
            int pauseMs,
            Random random,
            int timeoutSeconds,
            PrintStream out,
            PrintStream err)
            throws IOException, InterruptedException {
        List<User> users = new ArrayList<>();
        for (String name : USERS) {
            User u = new User();
            u.login(name, password);
            users.add(u);
        }
        User admin = users.get(USERS.indexOf("compadmin"));
        String quarter = JSON.readTree(
                        send(admin, get("/api/v1/periods/current?kind=QUARTER").build(), 200))
                .get("id")
                .asString();
        long board = JSON.readTree(send(
                        admin,
                        post(admin, "/api/v1/game/boards", """
                                {"name":"Live bench %d","metric":"BOOKINGS","basis":"VALUE","period":"%s"}""".formatted(System.currentTimeMillis(), quarter)),
                        201))
                .get("id")
                .asLong();
        List<Rep> reps = reps(admin);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < subscriberCount; i++) {
            Subscriber s = new Subscriber();
            s.open(users.get(i % users.size()), board);
            subscribers.add(s);
        }
        for (Subscriber s : subscribers) {
            if (!s.ready.await(timeoutSeconds, TimeUnit.SECONDS)) {
                err.println("a subscriber's stream did not open within " + timeoutSeconds + " s");
                return 1;
            }
        }
        out.println("board=" + board);
        out.println("subscribers=" + subscribers.size());
        String today = LocalDate.now().toString();
        List<Long> answered = new ArrayList<>();
        List<Long> toEvent = new ArrayList<>();
        List<Long> toPage = new ArrayList<>();
        long pageFailures = 0;
        long extra = 0;
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < deals; i++) {
            Rep rep = reps.get(random.nextInt(reps.size()));
            String body =
                    """
                    {"source":"bench","records":[{"external_id":"LIVE-%s-%d","close_date":"%s","amount":"%d.00",\
                    "currency":"%s","owner":"%s","deal_type":"new_logo"}]}""".formatted(run, i, today, 1_000 + random.nextInt(20_000), rep.currency(), rep.employeeId());
            long started = System.nanoTime();
            send(admin, post(admin, "/api/v1/transactions/bulk", body), 200);
            answered.add(System.nanoTime() - started);
            for (Subscriber s : subscribers) {
                Long at = s.events.poll(timeoutSeconds, TimeUnit.SECONDS);
                if (at == null) {
                    err.println("deal " + i + ": a subscriber got no event within " + timeoutSeconds + " s");
                    return 1;
                }
                toEvent.add(at - started);
            }
            for (Subscriber s : subscribers) {
                Long at = s.pages.poll(timeoutSeconds, TimeUnit.SECONDS);
                if (at == null || at < 0) {
                    pageFailures++;
                } else {
                    toPage.add(at - started);
                }
            }
            Thread.sleep(pauseMs);
            for (Subscriber s : subscribers) {
                // One deal, one event: anything more (another change meanwhile) is not counted against the next deal.
                extra += s.events.size();
                s.events.clear();
                s.pages.clear();
            }
        }
        out.println("deals=" + deals);
        out.println("events=" + toEvent.size());
        print(out, "post_answer", answered);
        print(out, "post_to_event", toEvent);
        if (!toPage.isEmpty()) {
            print(out, "post_to_page", toPage);
        }
        out.println("page_failures=" + pageFailures);
        out.println("extra_events=" + extra);
        out.println("events_over_1s="
                + toEvent.stream().filter(ns -> ns > 1_000_000_000L).count());
        out.println("pages_over_1s="
                + toPage.stream().filter(ns -> ns > 1_000_000_000L).count());
        return 0;
    }

    private List<Rep> reps(User admin) throws IOException, InterruptedException {
        JsonNode page = JSON.readTree(
                send(admin, get("/api/v1/people?role=REP&size=500").build(), 200));
        List<Rep> all = new ArrayList<>();
        for (JsonNode p : page.get("items")) {
            if (p.path("employmentEnd").isNull() || p.path("employmentEnd").isMissingNode()) {
                all.add(new Rep(
                        p.get("externalId").asString(), p.get("currency").asString()));
            }
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no current reps");
        }
        return all;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .GET();
    }

    private HttpRequest post(User user, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-CSRF-TOKEN", user.csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private String send(User user, HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = user.http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            String b = response.body() == null ? "" : response.body();
            throw new IllegalStateException(
                    request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + ": "
                            + (b.length() > 300 ? b.substring(0, 300) + "..." : b));
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

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
