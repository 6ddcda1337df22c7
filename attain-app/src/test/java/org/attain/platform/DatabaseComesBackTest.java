package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running application's embedded database is killed under it: the server is started again,
 * health goes back to UP and pages answer, without restarting the application.
 */
class DatabaseComesBackTest extends AttainIntegrationTest {

    @Autowired
    EmbeddedPostgresServer server;

    @Autowired
    JdbcClient jdbc;

    @Test
    void afterItsDatabaseIsKilledTheApplicationIsHealthyAgainOnItsOwn() {
        WebSession rep = login("rep", "demo");
        assertThat(anonymous().get("/actuator/health").statusCode()).isEqualTo(200);
        int restartsBefore = server.restarts();
        ProcessHandle postmaster = ProcessHandle.of(server.pid()).orElseThrow();
        // The embedded server acknowledges commits before their WAL is on disk (synchronous_commit=off), so a kill
        // loses the last ~0.6 s of them: here the clean-ups of the tests that ran just before (a period reopened,
        // a run's results), which left later tests a closed 2027-Q4. A checkpoint makes all of them durable first;
        // what this test shows is the server coming back, not that loss (docs/reliability.md states it).
        jdbc.sql("checkpoint").update();

        postmaster.destroyForcibly();
        assertThat(OrphanedPostgres.exited(postmaster, Duration.ofSeconds(60))).isTrue();

        assertThat(healthOnceAnswered()).isEqualTo(200);
        assertThat(server.restarts()).isEqualTo(restartsBefore + 1);
        assertThat(server.pid()).isNotEqualTo(postmaster.pid());
        assertThat(rep.get("/").statusCode())
                .as("the home page reads its figures from the database again")
                .isEqualTo(200);
    }

    /** Health while the server is down answers 503 once the pool gives up on a connection (30 s); asks until UP. */
    private int healthOnceAnswered() {
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
            HttpResponse<String> health = anonymous().get("/actuator/health");
            status = health.statusCode();
        }
        return status;
    }
}
