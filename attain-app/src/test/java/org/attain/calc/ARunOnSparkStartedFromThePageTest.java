package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin starts a full run on Apache Spark from the Runs page (POST /runs, engine SPARK; the shared test
 * application's master is local[2]): the run holds the one-full-run-at-a-time lock like any launched run, its page
 * shows each stage while it runs and asks again every second, and it ends DONE on "Apache Spark local[2]" having
 * found every payee's result equal to the current one, so nothing changes. A run on Spark that fails says so in one
 * line, no stack trace; a rep or a manager cannot start one.
 */
class ARunOnSparkStartedFromThePageTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    RunLauncher launcher;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void letRunsGo() {
        runs.beforeCurrent = runId -> {};
        System.clearProperty("spark.driver.maxResultSize");
    }

    @Test
    void aFullRunOnSparkFromThePageShowsItsStagesAndChangesNothing() throws InterruptedException {
        // Whatever earlier tests changed is calculated here first: the run on Spark then has nothing left to change.
        runs.runFull("test", "test");
        List<String> before = current();
        long newest = newestRun();
        CountDownLatch computed = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        runs.beforeCurrent = runId -> {
            if (runs.find(runId).map(CalcRuns.Run::onSpark).orElse(false)) {
                computed.countDown();
                await(looked);
            }
        };
        WebSession compAdmin = login("compadmin", "demo");
        assertThat(compAdmin.postForm("/runs", Map.of("engine", "SPARK")).statusCode())
                .isEqualTo(302);
        assertThat(compAdmin.get("/runs").body()).contains("The calculation has started on Apache Spark");
        assertThat(computed.await(3, TimeUnit.MINUTES))
                .as("the run on Spark computed everyone")
                .isTrue();
        long id = sparkRunAfter(newest);

        // Held after computing, before its results are made current: the page shows it running, stage by stage.
        String running = compAdmin.get("/runs/" + id).body();
        assertThat(running)
                .contains("hx-trigger=\"every 1s\"")
                .contains("Running")
                .contains("Apache Spark local[2]")
                .contains("Stages on Apache Spark")
                .contains("Starting Apache Spark local[2]")
                .contains("Apache Spark local[2] is ready: 2 tasks at a time")
                .contains("Inputs read for ")
                .contains("Shared inputs broadcast; computing ")
                .containsPattern("Task (\\d+) of \\1 done: results of (\\d+) of \\2 payees stored");
        assertThat(compAdmin.get("/runs").body()).contains("Task ").contains("Apache Spark local[2]");
        // One launched full run at a time, whatever its engine: the lock every node asks is held, a second click
        // (this server) is told a run is going and starts nothing.
        assertThat(jdbc.sql("""
                        select count(*) from pg_locks
                         where locktype = 'advisory' and classid = 7363 and objid = 1 and granted""").query(Long.class).single()).isEqualTo(1);
        compAdmin.postForm("/runs", Map.of());
        assertThat(compAdmin.get("/runs").body()).contains("A run is already going");
        assertThat(jdbc.sql("select count(*) from calc_run where id > :id and kind = 'FULL'")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();

        looked.countDown();
        JsonNode run = finished(compAdmin, id);
        assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("DONE");
        assertThat(run.path("sparkMaster").asString()).isEqualTo("local[2]");
        assertThat(run.path("changed").asInt()).isZero();
        assertThat(run.path("failedPayees")).isEmpty();
        assertThat(run.path("done").asInt())
                .isEqualTo(run.path("total").asInt())
                .isGreaterThan(6);
        assertThat(keys(run.path("stages")))
                .startsWith(
                        "calc.spark.stage.starting",
                        "calc.spark.stage.started",
                        "calc.spark.stage.inputs",
                        "calc.spark.stage.computing",
                        "calc.spark.stage.stored")
                .endsWith("calc.spark.stage.stored", "calc.spark.stage.current")
                .hasSize(6);
        // Every payee's result on Spark equals the current one (same content hash): none stored again, everyone
        // claimed, every current result as it was.
        assertThat(jdbc.sql("select count(*) from payee_period_result where run_id = :r")
                        .param("r", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select cardinality(claimed_payees) from calc_run where id = :r")
                        .param("r", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(run.path("total").asInt());
        assertThat(current()).containsExactlyElementsOf(before);
        String done = compAdmin.get("/runs/" + id).body();
        assertThat(done)
                .doesNotContain("hx-trigger")
                .contains("Done: 0 payee-periods changed")
                .contains("Making the results current")
                .contains("Apache Spark local[2]");
        awaitLauncherIdle();
    }

    @Test
    void aRunOnSparkThatFailsIsShownFailedInOneLineWithoutAStackTrace() {
        List<String> before = current();
        long newest = newestRun();
        // Spark refuses any task's results past this size: the job is aborted on the executors' first answer.
        System.setProperty("spark.driver.maxResultSize", "1k");
        WebSession admin = login("admin", "demo");
        assertThat(admin.postForm("/runs", Map.of("engine", "SPARK")).statusCode())
                .isEqualTo(302);
        long id = sparkRunAfter(newest);
        JsonNode run = finished(admin, id);
        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("error").asString()).isEqualTo("runs.error.spark");
        assertThat(keys(run.path("stages"))).last().isEqualTo("calc.spark.stage.failed");
        String failure = run.path("stages")
                .get(run.path("stages").size() - 1)
                .path("args")
                .get(0)
                .asString();
        assertThat(failure)
                .contains("spark.driver.maxResultSize")
                .doesNotContain("\n")
                .doesNotContain("Exception:");
        String page = admin.get("/runs/" + id).body();
        assertThat(page)
                .contains("Failed")
                .contains("The run on Apache Spark failed. None of its results became current")
                .contains("spark.driver.maxResultSize")
                .doesNotContain("\tat ")
                .doesNotContainPattern("at org\\.apache\\.spark\\.[A-Za-z.]+\\(")
                .doesNotContain("hx-trigger");
        assertThat(current()).containsExactlyElementsOf(before);
        awaitLauncherIdle();
        // As a person sees it, in both languages (the screenshots are looked at).
        for (String language : List.of("en-US", "de-DE")) {
            try (org.attain.support.Browser browser = new org.attain.support.Browser(baseUrl(), language)) {
                browser.logIn("admin", "demo").open("/runs/" + id);
                boolean german = language.startsWith("de");
                assertThat(browser.text("[data-test=run-status]")).isEqualTo(german ? "Fehlgeschlagen" : "Failed");
                assertThat(browser.text("[data-test=run-error]"))
                        .startsWith(
                                german
                                        ? "Der Lauf auf Apache Spark ist fehlgeschlagen."
                                        : "The run on Apache Spark failed.");
                assertThat(browser.text("[data-test=run-stages] li.failed"))
                        .contains(german ? "Fehlgeschlagen: „" : "Failed: \"")
                        .contains("spark.driver.maxResultSize");
                // A failed run changed nothing because it failed, not because every result came out the same.
                assertThat(browser.text("[data-test=run-no-changes]"))
                        .startsWith(
                                german
                                        ? "Nichts geändert: Der Lauf ist fehlgeschlagen"
                                        : "Nothing changed: the run failed")
                        .doesNotContain(german ? "genau dasselbe" : "exactly as before");
                browser.screenshot("run-spark-failed-" + language.substring(0, 2));
            }
        }
    }

    @Test
    void aRepAManagerOrFinanceCannotStartARunOnSpark() {
        long newest = newestRun();
        // Finance follows runs but starts none: the page offers it no engine, the server refuses one all the same.
        WebSession finance = login("finance", "demo");
        assertThat(finance.get("/runs").body()).contains("Calculation runs").doesNotContain("name=\"engine\"");
        for (String who : List.of("rep", "manager", "finance")) {
            assertThat(login(who, "demo")
                            .postForm("/runs", Map.of("engine", "SPARK"))
                            .statusCode())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(launcher.fullRunPending()).isFalse();
        assertThat(newestRun()).isEqualTo(newest);
    }

    /** The run as the API tells it once it is no longer RUNNING. */
    private JsonNode finished(WebSession session, long id) {
        long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (true) {
            JsonNode run = Json.parse(session.get("/api/v1/calc/runs/" + id).body());
            if (!run.path("status").asString().equals("RUNNING") || System.nanoTime() > until) {
                return run;
            }
            sleep(200);
        }
    }

    /** The first run on Spark after {@code newest}, once its record exists (the launcher starts it in the background). */
    private long sparkRunAfter(long newest) {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < until) {
            List<Long> ids = jdbc.sql("select id from calc_run where id > :n and spark_master is not null order by id")
                    .param("n", newest)
                    .query(Long.class)
                    .list();
            if (!ids.isEmpty()) {
                return ids.get(0);
            }
            sleep(100);
        }
        throw new AssertionError("no run on Spark was recorded");
    }

    /** The launcher lets go of its lock after the run's record is final: the next test may click at once. */
    private void awaitLauncherIdle() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (launcher.fullRunPending() && System.nanoTime() < until) {
            sleep(50);
        }
        assertThat(launcher.fullRunPending()).isFalse();
    }

    private static List<String> keys(JsonNode stages) {
        List<String> out = new java.util.ArrayList<>();
        stages.forEach(s -> out.add(s.path("key").asString()));
        return out;
    }

    private long newestRun() {
        return jdbc.sql("select coalesce(max(id), 0) from calc_run")
                .query(Long.class)
                .single();
    }

    private List<String> current() {
        return jdbc.sql("""
                        select concat_ws('|', person_id, period_id, payout, fingerprint)
                          from payee_period_result where is_current order by person_id, period_id""").query(String.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(3, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
