package org.attain.calc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a browser, English then German: a comp admin chooses "Apache Spark local[2]" on the Runs page (the master shown,
 * not typed), starts the run, watches its stages on the run's page (held once computed, so the running page can be
 * seen) and sees the page turn to Done by itself; the German pages name the same engine and stages in German.
 */
class ARunOnSparkFromTheRunsPageBrowserTest extends AttainIntegrationTest {

    @Autowired
    CalcRuns runs;

    @Autowired
    RunLauncher launcher;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void letRunsGo() {
        runs.beforeCurrent = runId -> {};
    }

    @Test
    void aCompAdminRunsOnSparkAndFollowsTheStagesInEnglishAndGerman() throws InterruptedException {
        long newest = jdbc.sql("select coalesce(max(id), 0) from calc_run")
                .query(Long.class)
                .single();
        CountDownLatch computed = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        runs.beforeCurrent = runId -> {
            if (runs.find(runId).map(CalcRuns.Run::onSpark).orElse(false)) {
                computed.countDown();
                try {
                    looked.await(3, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        long id;
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo").open("/runs");
            assertThat(browser.text("[data-test=run-engine]"))
                    .contains("Compute on")
                    .contains("This server")
                    .contains("Apache Spark local[2]");
            assertThat(browser.text("[data-test=spark-master]"))
                    .contains("attain.spark.master")
                    .contains("local[2]");
            // The master is the server's setting: nothing on the page to type one into.
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=run-now] input:not([type=radio])")))
                    .allMatch(input -> "hidden".equals(input.getDomAttribute("type")));
            assertThat(browser.driver()
                            .findElement(By.cssSelector("[data-test=run-now] input[value=SERVER]"))
                            .isSelected())
                    .isTrue();
            browser.screenshot("runs-engine-choice-en");

            browser.driver()
                    .findElement(By.cssSelector("[data-test=engine-spark]"))
                    .click();
            browser.driver()
                    .findElement(By.xpath("//form[@data-test='run-now']//button[.='Run the calculation now']"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=runs-notice]", "Apache Spark"))
                    .isEqualTo("The calculation has started on Apache Spark; open the run to follow its stages.");
            assertThat(computed.await(3, TimeUnit.MINUTES))
                    .as("the run on Spark computed everyone")
                    .isTrue();
            id = jdbc.sql("select min(id) from calc_run where id > :n and spark_master is not null")
                    .param("n", newest)
                    .query(Long.class)
                    .single();
            // The list, asking again every second, shows the stage the run is in under its progress.
            assertThat(browser.textOnceItShows("[data-test=run-stage]", "Task")).contains("payees stored");
            browser.screenshot("runs-spark-running-en");

            browser.open("/runs/" + id);
            assertThat(browser.text("[data-test=run-status]")).isEqualTo("Running");
            assertThat(browser.text("[data-test=run-engine]")).isEqualTo("Apache Spark local[2]");
            String stages = browser.text("[data-test=run-stages]");
            assertThat(stages)
                    .contains("Starting Apache Spark local[2]")
                    .contains("Apache Spark local[2] is ready: 2 tasks at a time")
                    .contains("Inputs read for")
                    .contains("Shared inputs broadcast; computing")
                    .containsPattern("Task (\\d+) of \\1 done");
            browser.screenshot("run-spark-running-en");

            // Let the run make its results current: the open page turns to Done by itself.
            looked.countDown();
            var wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(60));
            wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(d -> d.findElement(By.cssSelector("[data-test=run-status]"))
                    .getText()
                    .equals("Done"));
            assertThat(browser.text("[data-test=run-stages]"))
                    .contains("Making the results current")
                    .containsPattern("Done: \\d+ payee-periods changed");
            browser.screenshot("run-spark-done-en");
        }
        waitForTheLauncher();

        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("compadmin", "demo").open("/runs?lang=de");
            assertThat(browser.text("[data-test=run-engine]"))
                    .contains("Berechnung auf")
                    .contains("Dieser Server")
                    .contains("Apache Spark local[2]");
            assertThat(browser.text("[data-test=spark-master]")).contains("Konfiguration des Servers");
            assertThat(browser.text("[data-test=runs] [data-test=run-engine]")).contains("Apache Spark local[2]");
            browser.screenshot("runs-engine-choice-de");

            browser.open("/runs/" + id);
            assertThat(browser.text("[data-test=run-status]")).isEqualTo("Fertig");
            assertThat(browser.text("[data-test=run-stages]"))
                    .contains("Apache Spark local[2] wird gestartet")
                    .contains("Apache Spark local[2] ist bereit: 2 Tasks gleichzeitig")
                    .contains("Eingaben für")
                    .contains("Gemeinsame Eingaben verteilt")
                    .containsPattern("Task (\\d+) von \\1 fertig")
                    .contains("Die Ergebnisse werden gültig gemacht")
                    .containsPattern("Fertig: \\d+ Personen-Perioden geändert");
            assertThat(browser.pageText()).contains("Schritte auf Apache Spark");
            browser.screenshot("run-spark-done-de");
        }
    }

    private void waitForTheLauncher() {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (launcher.fullRunPending() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(launcher.fullRunPending()).isFalse();
    }
}
