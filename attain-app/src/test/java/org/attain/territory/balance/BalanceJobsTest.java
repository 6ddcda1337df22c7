package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BalanceJobsTest {

    private final BalanceJobs jobs =
            new BalanceJobs(Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC));

    @AfterEach
    void shutDown() {
        jobs.shutdown();
    }

    @Test
    void aRunningJobShowsItsProgressAndAStopKeepsTheBestPlanSoFar() {
        BalanceProblem problem = TerritoryBalanceBench.generate(3000, 30, 3, 600, new BigDecimal("0.05"));

        BalanceJobs.Job started = jobs.start(problem, "compadmin");
        assertThat(started.accounts()).isEqualTo(3000);
        assertThat(started.submittedAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));

        BalanceJobs.Job running = await().atMost(Duration.ofMinutes(2))
                .until(
                        () -> jobs.find(started.id()).orElseThrow(),
                        j -> j.state() == BalanceJobs.State.RUNNING
                                && !j.bestScore().isEmpty());
        assertThat(running.percentOfTimeLimit()).isBetween(0, 100);
        assertThat(running.result()).isNull();

        jobs.stop(started.id());

        BalanceJobs.Job stopped = await().atMost(Duration.ofMinutes(2))
                .until(() -> jobs.find(started.id()).orElseThrow(), j -> j.state() == BalanceJobs.State.STOPPED);
        assertThat(stopped.result()).isNotNull();
        assertThat(stopped.result().stoppedEarly()).isTrue();
        assertThat(stopped.result().assignment()).hasSize(3000);
        assertThat(stopped.bestScore()).isEqualTo(stopped.result().score());
        assertThat(jobs.recent()).extracting(BalanceJobs.Job::id).containsExactly(started.id());
    }

    @Test
    void aSmallJobRunsToTheEnd() {
        BalanceJobs.Job started =
                jobs.start(TerritoryBalanceBench.generate(200, 5, 5, 60, BigDecimal.ONE), "compadmin");

        BalanceJobs.Job done = await().atMost(Duration.ofMinutes(2))
                .until(() -> jobs.find(started.id()).orElseThrow(), j -> j.state() == BalanceJobs.State.DONE);
        assertThat(done.percentOfTimeLimit()).isEqualTo(100);
        assertThat(done.result().feasible()).isTrue();
        assertThat(done.feasibleSoFar()).isTrue();
    }
}
