package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.attain.AttainApplication;
import org.attain.access.Provisioning;
import org.attain.access.Role;
import org.attain.access.UserAccounts;
import org.attain.calc.CalcRuns;
import org.attain.calc.RunLauncher;
import org.attain.engine.model.Transaction;
import org.attain.engine.time.DateRange;
import org.attain.forecast.WeeklyForecastSnapshot;
import org.attain.sales.TransactionStore;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;

/**
 * Two Attain nodes on one database, as behind a load balancer: the shared test application (node 1) and a second
 * application context started here on the same PostgreSQL with its own port, data folder and instance key (node 2),
 * both in this JVM. A scheduled job fired on both runs once; a change made through node 1 reaches a board screen open
 * on node 2 over real HTTP (server-sent events), and node 1's own screen hears it once; a deal written through node 2
 * is in node 1's transaction store and on the rep's statement node 1 serves; deactivating a user through node 1 ends
 * their session on node 2; a full run launched from one node's page is refused on the other while it runs. Real
 * separate machines were not tested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesTest extends AttainIntegrationTest {

    @Autowired
    ApplicationContext node1;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private ConfigurableApplicationContext node2;

    @BeforeAll
    void startSecondNode() throws IOException, SQLException {
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        String property = "org.springframework.boot.logging.LoggingSystem";
        // Logging is one per JVM and node 1 set it up: node 2 leaves it alone (and does not end it when it closes).
        // Spring Boot still publishes node 2's log settings as system properties (LOG_FILE: node 2's data folder),
        // which tests reading node 1's log find (SecretsNotLoggedTest): they are put back as they were.
        java.util.Properties before =
                (java.util.Properties) System.getProperties().clone();
        System.setProperty(property, "none");
        try {
            node2 = new SpringApplicationBuilder(AttainApplication.class)
                    .registerShutdownHook(false)
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=" + user,
                            "--server.port=0",
                            "--attain.data-dir=" + Files.createTempDirectory("attain-node2-"),
                            "--attain.demo.enabled=false",
                            "--attain.clock.today=" + TODAY,
                            "--attain.calc.warm-up=false",
                            "--attain.pulse.invites.cron=-",
                            "--attain.pulse.shuffle.cron=-",
                            // Every node seals survey answers with the same key (docs/deployment.md).
                            "--attain.pulse-key="
                                    + Files.readString(java.nio.file.Path.of(
                                                    node1.getEnvironment().getProperty("attain.data-dir"), "pulse.key"))
                                            .trim(),
                            "--attain.forecast.weekly.cron=-");
        } finally {
            System.clearProperty(property);
            for (String name : System.getProperties().stringPropertyNames()) {
                if (!before.containsKey(name)) {
                    System.clearProperty(name);
                }
            }
            before.forEach((name, value) -> System.getProperties().put(name, value));
        }
    }

    @AfterAll
    void stopSecondNode() {
        if (node2 != null) {
            node2.close();
        }
    }

    private String node2Url() {
        return "http://127.0.0.1:" + node2.getEnvironment().getProperty("local.server.port");
    }

    private static int key(ApplicationContext node) {
        return node.getBean(InstanceLease.class).key();
    }

    @Test
    void aScheduledJobFiredOnBothNodesAtOnceRunsOnOneAndTheOtherSkipsItsTurn() throws Exception {
        assertThat(key(node1)).isNotEqualTo(key(node2));
        List<Object> snapshots =
                List.of(node1.getBean(WeeklyForecastSnapshot.class), node2.getBean(WeeklyForecastSnapshot.class));
        try {
            // As the two schedulers fire: the same moment on both nodes, each through its own Spring proxy.
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Object>> turns = new ArrayList<>();
            for (Object snapshot : snapshots) {
                turns.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ReflectionTestUtils.invokeMethod(snapshot, "onSchedule");
                }));
            }
            go.countDown();
            List<Object> taken = new ArrayList<>();
            for (CompletableFuture<Object> t : turns) {
                taken.add(t.get(60, TimeUnit.SECONDS));
            }
            assertThat(taken).as("one node took the week, the other skipped").containsOnlyOnce((Object) null);
            int winner = taken.get(0) != null ? key(node1) : key(node2);
            assertThat(jdbc.sql("select locked_by from platform_job_lock where name = 'forecast.weekly-snapshot'")
                            .query(String.class)
                            .single())
                    .endsWith(" instance " + winner);

            // A node whose timer fires a little later (its clock runs behind) finds the turn still taken.
            assertThat((Object) ReflectionTestUtils.invokeMethod(snapshots.get(1), "onSchedule"))
                    .isNull();
            assertThat((Object) ReflectionTestUtils.invokeMethod(snapshots.get(0), "onSchedule"))
                    .isNull();
        } finally {
            jdbc.sql("delete from platform_job_lock where name = 'forecast.weekly-snapshot'")
                    .update();
        }
    }

    @Test
    void aDealPostedToNodeOneReachesABoardScreenOpenOnNodeTwoAndNodeOnesScreenHearsItOnce() throws Exception {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        HttpResponse<String> board = compAdmin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"Two nodes race","metric":"BOOKINGS","basis":"VALUE","period":"%s"}""".formatted(quarter));
        assertThat(board.statusCode()).as(board.body()).isEqualTo(201);
        long boardId = Json.parse(board.body()).get("id").asLong();
        HttpResponse<String> link = compAdmin.sendJson("POST", "/api/v1/game/tv-links", """
                {"name":"Two nodes floor","boards":[%d]}""".formatted(boardId));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String live = Json.parse(link.body()).get("path").asString() + "/live";

        try (EventStream onNode2 = EventStream.open(node2Url() + live);
                EventStream onNode1 = EventStream.open(baseUrl() + live)) {
            assertThat(onNode2.next(Duration.ofSeconds(15))).isEqualTo("ready");
            assertThat(onNode1.next(Duration.ofSeconds(15))).isEqualTo("ready");

            postDeal(compAdmin, "TWO-NODES-BOARD-" + System.nanoTime(), "250.00");

            assertThat(onNode2.next(Duration.ofSeconds(15)))
                    .as("node 2's screen hears a change made on node 1")
                    .isEqualTo("board");
            assertThat(onNode1.next(Duration.ofSeconds(15))).isEqualTo("board");
            // Node 1 has heard its own notice back by now (node 2 heard it): it must not tell its screen again.
            assertThat(onNode1.next(Duration.ofSeconds(2)))
                    .as("a second event on node 1")
                    .isNull();
        }
    }

    @Test
    void aDealWrittenThroughNodeTwoIsInNodeOnesTransactionStoreAndOnTheStatementNodeOneServes() throws Exception {
        WebSession onNode2 = WebSession.login(node2Url(), "compadmin", "demo");
        WebSession repOnNode1 = login("rep", "demo");
        JsonNode me = Json.parse(repOnNode1.get("/api/v1/me").body()).get("person");
        long rep = me.get("id").asLong();
        TransactionStore store = node1.getBean(TransactionStore.class);
        store.warm();
        JsonNode before =
                Json.parse(repOnNode1.get("/api/v1/people/" + rep + "/earnings").body());
        long lastRun = jdbc.sql("select coalesce(max(id), 0) from calc_run")
                .query(Long.class)
                .single();

        String deal = "TWO-NODES-" + System.nanoTime();
        // Whole units: the deal stays in the shared demo data, and a commission with fractions of a cent would put a
        // rounding step into the rep's statement that other tests read (BusinessWordsBrowserTest).
        postDeal(onNode2, deal, "12345.00");

        // Node 1 holds the transactions in memory; the next run's refresh reads what node 2 wrote.
        try (TransactionStore.Reading reading = store.open(60_000)) {
            assertThat(reading).isNotNull();
            List<Transaction> mine = reading.transactions(Set.of(rep), new DateRange(TODAY, TODAY));
            assertThat(mine).anySatisfy(t -> assertThat(t.id().value()).endsWith(deal));
        }
        // Node 2 recalculated the rep after its write; node 1 serves that statement.
        Instant until = Instant.now().plusSeconds(90);
        JsonNode after = before;
        while (Instant.now().isBefore(until)) {
            after = Json.parse(
                    repOnNode1.get("/api/v1/people/" + rep + "/earnings").body());
            if (after.path("runId").asLong() > lastRun) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(after.path("runId").asLong()).as("a run after the deal").isGreaterThan(lastRun);
        assertThat(jdbc.sql("select instance_key from calc_run where id = :id")
                        .param("id", after.get("runId").asLong())
                        .query(Integer.class)
                        .single())
                .as("the run that node 2 made")
                .isEqualTo(key(node2));
        assertThat(after.get("attainment").decimalValue())
                .isGreaterThan(before.get("attainment").decimalValue());
        // And a calculation node 1 runs itself reads the deal too.
        CalcRuns.Run run = node1.getBean(CalcRuns.class).runFor(Set.of(rep), "two nodes test", "test");
        assertThat(run.status().name()).isEqualTo("DONE");
        assertThat(Json.parse(repOnNode1
                                .get("/api/v1/people/" + rep + "/earnings")
                                .body())
                        .get("attainment")
                        .decimalValue())
                .isEqualByComparingTo(after.get("attainment").decimalValue());
    }

    @Test
    void aFullRunLaunchedFromNodeOnesPageIsAnsweredAlreadyRunningOnNodeTwoUntilItEnds() throws Exception {
        RunLauncher onNode1 = node1.getBean(RunLauncher.class);
        RunLauncher onNode2 = node2.getBean(RunLauncher.class);
        assertThat(onNode1.launchFull("two nodes test")).isTrue();
        try {
            assertThat(onNode2.launchFull("two nodes test")).isFalse();
        } finally {
            Instant until = Instant.now().plusSeconds(300);
            while (onNode1.fullRunPending() && Instant.now().isBefore(until)) {
                Thread.sleep(200);
            }
        }
        assertThat(onNode1.fullRunPending()).isFalse();
        // Let go of when the run ended, though its connection went back to the pool.
        assertThat(jdbc.sql("select pg_try_advisory_xact_lock(7363, 1)")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void deactivatingAUserThroughNodeOneEndsTheirSessionOnNodeTwo() throws Exception {
        String name = "two-nodes-" + System.nanoTime();
        String password = "a-long-session-password";
        long userId = node1.getBean(UserAccounts.class).create(name, password, null, Set.of(Role.REP), "test");
        WebSession onNode2 = WebSession.login(node2Url(), name, password);
        assertThat(onNode2.get("/").statusCode()).isEqualTo(200);

        node1.getBean(Provisioning.class).setActive(userId, false, "test");

        Instant until = Instant.now().plusSeconds(15);
        HttpResponse<String> after = onNode2.get("/");
        while (after.statusCode() == 200 && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            after = onNode2.get("/");
        }
        assertThat(after.statusCode())
                .as("node 2's session of the deactivated user")
                .isEqualTo(302);
        assertThat(after.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    private void postDeal(WebSession session, String deal, String amount) {
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        HttpResponse<String> response = session.sendJson("POST", "/api/v1/transactions/bulk", """
                {"source": "crm", "records": [{"external_id": "%s", "close_date": "%s", "amount": "%s",
                  "currency": "%s", "owner": "%s", "deal_type": "expansion"}]}""".formatted(
                        deal,
                        TODAY,
                        amount,
                        me.get("currency").asString(),
                        me.get("externalId").asString()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).get("accepted").asLong()).isEqualTo(1);
    }

    /** A real server-sent events client: the names of the events it received, in order. */
    private static final class EventStream implements AutoCloseable {

        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final HttpClient client = HttpClient.newHttpClient();
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;

        private EventStream(String url) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/event-stream")
                    .GET()
                    .build();
            response = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(
                    () -> {
                        try {
                            response.join().body().forEach(line -> {
                                if (line.startsWith("event:")) {
                                    events.add(line.substring("event:".length()).trim());
                                }
                            });
                        } catch (RuntimeException e) {
                            // closed
                        }
                    },
                    "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(String url) {
            return new EventStream(url);
        }

        /** The next event's name, or null when none came within {@code wait}. */
        String next(Duration wait) throws InterruptedException {
            return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
