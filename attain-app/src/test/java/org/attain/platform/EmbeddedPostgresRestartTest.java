package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under a running application: stopped by hand (pg_ctl's fast shutdown) or
 * killed. The server is started again on the same data and the pool's connections reach it, with
 * no restart of the application.
 */
class EmbeddedPostgresRestartTest {

    private Path dataDir;
    private EmbeddedPostgresServer server;
    private HikariDataSource pool;
    private JdbcClient jdbc;

    @BeforeEach
    void start() throws IOException {
        dataDir = Files.createTempDirectory("recovery-restart-");
        server = new EmbeddedPostgresServer(dataDir, Map.of("max_connections", "20", "fsync", "on"));
        server.start();
        pool = new HikariDataSource();
        pool.setDataSource(server.dataSource());
        pool.setMaximumPoolSize(4);
        jdbc = JdbcClient.create(pool);
        jdbc.sql("create table kept (n int)").update();
        jdbc.sql("insert into kept values (7)").update();
        jdbc.sql("checkpoint").update();
    }

    @AfterEach
    void stop() throws IOException {
        pool.close();
        server.close();
        TempFolders.delete(dataDir);
    }

    @Test
    void aServerStoppedByHandIsStartedAgainAndThePoolReconnects() {
        long before = server.pid();
        ProcessHandle postmaster = ProcessHandle.of(before).orElseThrow();
        OrphanedPostgres.signal(postmaster, "INT");
        assertThat(OrphanedPostgres.exited(postmaster, Duration.ofSeconds(60))).isTrue();

        assertThat(keptValueOnceReachable()).isEqualTo(7);
        assertThat(server.restarts()).isEqualTo(1);
        assertThat(server.pid()).isNotEqualTo(before);
        assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aKilledServerIsStartedAgainAfterItsCrashRecovery() {
        long before = server.pid();
        ProcessHandle postmaster = ProcessHandle.of(before).orElseThrow();
        postmaster.destroyForcibly();
        assertThat(OrphanedPostgres.exited(postmaster, Duration.ofSeconds(60))).isTrue();

        assertThat(keptValueOnceReachable()).isEqualTo(7);
        assertThat(server.restarts()).isEqualTo(1);
        assertThat(server.pid()).isNotEqualTo(before);
        assertThat(OrphanedPostgres.serverProcessesIn(dataDir.resolve("pg")))
                .as("the new postmaster and its own processes, no backend of the killed one")
                .allSatisfy(p -> assertThat(p.pid() == server.pid()
                                || p.parent().map(ProcessHandle::pid).orElse(0L) == server.pid())
                        .isTrue());
    }

    /** Asks the pool until the server answers again (each attempt waits up to the pool's connection timeout). */
    private int keptValueOnceReachable() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return jdbc.sql("select n from kept").query(Integer.class).single();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
