package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A start after a killed Attain: the server it left running on the data folder is stopped and a
 * fresh one starts; a stale postmaster.pid is no obstacle; a PostgreSQL of another folder and a live
 * Attain's own server are never touched.
 */
class OrphanedPostgresTest {

    private static final Map<String, String> CONFIG = Map.of("max_connections", "20", "fsync", "on");

    /** Another application's PostgreSQL on the same machine, alive through every test here. */
    private static EmbeddedPostgres bystander;

    private static long bystanderPid;

    @BeforeAll
    static void startBystander() throws IOException {
        Path other = Files.createTempDirectory("recovery-bystander-");
        bystander = EmbeddedPostgres.builder()
                .setDataDirectory(other)
                .setCleanDataDirectory(true)
                .start();
        bystanderPid = OrphanedPostgres.PidFile.read(other).orElseThrow().pid();
    }

    @AfterAll
    static void stopBystander() throws IOException {
        bystander.close();
    }

    @Test
    void theServerOfAKilledProcessIsStoppedAndAFreshOneStartsOnTheSameData() throws Exception {
        Path pgData = dataDir.resolve("pg");
        Process killed = abandonedPostgresIn(pgData);
        long orphan = OrphanedPostgres.PidFile.read(pgData).orElseThrow().pid();
        int orphanPort = OrphanedPostgres.PidFile.read(pgData).orElseThrow().port();
        try (Connection c = connect(orphanPort);
                Statement st = c.createStatement()) {
            st.execute("create table kept (n int); insert into kept values (42)");
        }
        killed.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("the server outlives its JVM")
                .contains(true);

        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, CONFIG);
        try {
            assertThat(server.start()).isEqualTo(OrphanedPostgres.Finding.ORPHAN_STOPPED);
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(server.pid()).isNotEqualTo(orphan);
            assertThat(query(server, "select n from kept")).isEqualTo(42);
            assertThat(OrphanedPostgres.serverProcessesIn(pgData))
                    .extracting(ProcessHandle::pid)
                    .as("one postmaster and its own helpers, nothing of the old server")
                    .doesNotContain(orphan)
                    .contains(server.pid());
        } finally {
            server.close();
        }
        assertThat(ProcessHandle.of(bystanderPid).map(ProcessHandle::isAlive))
                .as("another folder's PostgreSQL")
                .contains(true);
        assertThat(OrphanedPostgres.serverProcessesIn(pgData))
                .as("nothing left after close")
                .isEmpty();
    }

    @Test
    void aPidFileNamingAnUnrelatedLiveProcessIsClearedWithoutTouchingThatProcess() throws Exception {
        initialise(dataDir);
        Process unrelated = new ProcessBuilder("sleep", "600").start();
        try {
            writePidFile(dataDir.resolve("pg"), unrelated.pid());
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, CONFIG);
            try {
                assertThat(server.start()).isEqualTo(OrphanedPostgres.Finding.UNRELATED_PROCESS);
                assertThat(query(server, "select 1")).isEqualTo(1);
                assertThat(unrelated.isAlive()).isTrue();
            } finally {
                server.close();
            }
        } finally {
            unrelated.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPidFileOfAProcessThatIsGoneIsNoObstacle() throws Exception {
        initialise(dataDir);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        writePidFile(dataDir.resolve("pg"), finished.pid());
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, CONFIG);
        try {
            assertThat(server.start()).isEqualTo(OrphanedPostgres.Finding.GONE);
            assertThat(query(server, "select 1")).isEqualTo(1);
        } finally {
            server.close();
        }
    }

    @Test
    void aSecondAttainOnTheSameFolderIsRefusedAndTheFirstOnesServerKeepsRunning() throws Exception {
        EmbeddedPostgresServer first = new EmbeddedPostgresServer(dataDir, CONFIG);
        first.start();
        try {
            long pid = first.pid();
            EmbeddedPostgresServer second = new EmbeddedPostgresServer(dataDir, CONFIG);
            assertThatThrownBy(second::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another Attain is running on the data folder");
            assertThat(first.pid()).isEqualTo(pid);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
            assertThat(query(first, "select 1")).isEqualTo(1);
        } finally {
            first.close();
        }
    }

    /** A data folder with an initialised, stopped cluster. */
    private static void initialise(Path dataDir) {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir, CONFIG);
        server.start();
        server.close();
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }

    /** What a server that died without cleaning up leaves: its pid, folder, start time, port, socket dir, address, shared memory, state. */
    private static void writePidFile(Path pgData, long pid) throws IOException {
        Files.writeString(
                pgData.resolve("postmaster.pid"),
                String.join(
                                "\n",
                                List.of(
                                        Long.toString(pid),
                                        pgData.toString(),
                                        "1796495055",
                                        "54329",
                                        "/tmp",
                                        "localhost",
                                        "  5432001         0",
                                        "ready   "))
                        + "\n");
    }

    private static Process abandonedPostgresIn(Path pgData) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AbandonedPostgres.class.getName(),
                        pgData.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ready")) {
            // zonky's and logback's start-up lines
        }
        assertThat(line).as("the child JVM started its PostgreSQL").startsWith("ready");
        return child;
    }

    private static Connection connect(int port) throws SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static int query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = server.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Path dataDir;

    @BeforeEach
    void newDataDir() throws IOException {
        dataDir = Files.createTempDirectory("recovery-orphan-");
    }

    @AfterEach
    void removeDataDir() throws IOException {
        TempFolders.delete(dataDir);
    }
}
