package org.attain.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attain's own PostgreSQL, kept running for as long as the application runs.
 *
 * <ul>
 * <li>Start: takes the data folder's owner lock (held until close, so two Attains never share a
 * folder and a server found there is an orphan), stops what a killed Attain left running
 * ({@link OrphanedPostgres}), then starts the server with zonky.</li>
 * <li>While running: when the postmaster exits under the application (stopped or killed by hand,
 * out of memory), it is started again on a fresh port; {@link #dataSource()} follows the port, so the
 * pool's next connections reach the new server and health returns to UP by itself.</li>
 * <li>Dying with the JVM: pg_ctl detaches the server, so a JVM killed with {@code kill -9} would
 * leave it running. A small watchdog shell, child of the JVM, waits for its standard input to close
 * (the JVM's end of the pipe closes however the JVM ends) and then asks the postmaster for a fast
 * shutdown. Start-up recovery remains the guarantee; the watchdog only keeps a killed Attain from
 * leaving a server behind when nobody starts it again.</li>
 * </ul>
 */
public final class EmbeddedPostgresServer implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Duration ORPHAN_PATIENCE = Duration.ofSeconds(30);
    // Reads one line that never comes: returns when the JVM's end of the pipe closes.
    private static final String WATCHDOG =
            "read -r _; [ \"$(head -n 1 \"$1/postmaster.pid\" 2>/dev/null)\" = \"$2\" ]" + " && kill -INT \"$2\"";

    private final Path pgData;
    private final Path logFile;
    private final Map<String, String> serverConfig;
    private final FollowingDataSource dataSource = new FollowingDataSource();
    private final ExecutorService restarter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attain-postgres-restart");
        t.setDaemon(true);
        return t;
    });
    private FileChannel ownerChannel;
    private FileLock ownerLock;
    private EmbeddedPostgres zonky;
    private volatile ProcessHandle postmaster;
    private volatile Path pgCtl;
    private volatile Process watchdog;
    private volatile boolean closing;
    private volatile int restarts;

    public EmbeddedPostgresServer(Path dataDir, Map<String, String> serverConfig) {
        Path root = dataDir.toAbsolutePath().normalize();
        this.pgData = root.resolve("pg");
        this.logFile = root.resolve("logs").resolve("postgres.log");
        this.serverConfig = new LinkedHashMap<>(serverConfig);
    }

    /** Starts the server, first stopping what a killed process left behind; returns what was found. */
    public synchronized OrphanedPostgres.Finding start() {
        try {
            Files.createDirectories(pgData);
            lockOwnership();
            OrphanedPostgres.Finding found = new OrphanedPostgres(pgData, ORPHAN_PATIENCE).recover();
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(0)
                    .setPGStartupWait(Duration.ofSeconds(60));
            serverConfig.forEach(builder::setServerConfig);
            zonky = builder.start();
            running(zonky.getPort());
            log.info(
                    "Embedded PostgreSQL started on port {} (pid {}) with data in {} ({} ms)",
                    zonky.getPort(),
                    postmaster.pid(),
                    pgData,
                    (System.nanoTime() - started) / 1_000_000);
            return found;
        } catch (IOException e) {
            releaseOwnership();
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        } catch (RuntimeException e) {
            releaseOwnership();
            throw e;
        }
    }

    /** Connections to the server as it runs now (the port changes when it is started again). */
    public DataSource dataSource() {
        return dataSource;
    }

    public int port() {
        return dataSource.port;
    }

    /** The running postmaster's process id. */
    public long pid() {
        return postmaster.pid();
    }

    /** How often the server was started again after it went away under the application. */
    public int restarts() {
        return restarts;
    }

    private void lockOwnership() throws IOException {
        Path file = pgData.resolveSibling("pg.lock");
        ownerChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            ownerLock = ownerChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            ownerLock = null;
        }
        if (ownerLock == null) {
            ownerChannel.close();
            throw new CliException("Another Attain is running on the data folder " + pgData.getParent() + " (it holds "
                    + file + "). Stop it, or start this one with its own --attain.data-dir.");
        }
        // Read by a command started beside this server (RunningServer) to say whose the folder is.
        ownerChannel.truncate(0);
        ownerChannel.write(
                java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                0);
    }

    private void releaseOwnership() {
        try {
            if (ownerLock != null) {
                ownerLock.release();
            }
            if (ownerChannel != null) {
                ownerChannel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release {}: {}", pgData.resolveSibling("pg.lock"), e.getMessage());
        }
    }

    /** Takes over the server that now runs on the data folder: its process, a watchdog for it, its port for new connections. */
    private void running(int port) {
        long pid = OrphanedPostgres.PidFile.read(pgData)
                .map(OrphanedPostgres.PidFile::pid)
                .orElseThrow(
                        () -> new IllegalStateException("PostgreSQL started without a postmaster.pid in " + pgData));
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(
                        () -> new IllegalStateException("PostgreSQL (pid " + pid + ") stopped right after it started"));
        process.info()
                .command()
                .map(Path::of)
                .ifPresent(postgres -> pgCtl = postgres.resolveSibling(windows() ? "pg_ctl.exe" : "pg_ctl"));
        postmaster = process;
        dataSource.port = port;
        startWatchdog(pid);
        process.onExit().thenRunAsync(() -> wentAway(process), restarter);
    }

    private void wentAway(ProcessHandle process) {
        if (closing || shuttingDown()) {
            return;
        }
        log.warn("The embedded PostgreSQL (pid {}) stopped while Attain runs; starting it again", process.pid());
        long backoff = 500;
        while (!closing && !shuttingDown()) {
            try {
                restart();
                return;
            } catch (RuntimeException e) {
                log.warn(
                        "Starting the embedded PostgreSQL again failed ({}); trying again in {} ms",
                        e.getMessage(),
                        backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(10_000, backoff * 2);
            }
        }
    }

    private synchronized void restart() {
        if (pgCtl == null || !Files.isExecutable(pgCtl)) {
            throw new IllegalStateException("pg_ctl was not found next to the server's executable");
        }
        new OrphanedPostgres(pgData, Duration.ofSeconds(10)).recover();
        int port = freePort();
        String options = "-p " + port + " -F "
                + serverConfig.entrySet().stream()
                        .map(e -> "-c " + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
        long started = System.nanoTime();
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky does: PostgreSQL refuses to run as root, and is not root inside a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                pgCtl.toString(),
                "-D",
                pgData.toString(),
                "-o",
                options,
                "-l",
                logFile.toString(),
                "-w",
                "-t",
                "60",
                "start"));
        String output = run(command);
        restarts++;
        running(port);
        log.info(
                "Embedded PostgreSQL started again on port {} (pid {}) in {} ms{}",
                port,
                postmaster.pid(),
                (System.nanoTime() - started) / 1_000_000,
                output.isBlank() ? "" : ": " + output.strip());
    }

    private String run(List<String> command) {
        try {
            Files.createDirectories(logFile.getParent());
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // pg_ctl -w prints a few lines and returns; the server's own output goes to the -l file.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl start failed: " + output.strip() + " (see " + logFile + ")");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void startWatchdog(long pid) {
        stopWatchdog();
        if (windows() || !Files.isExecutable(Path.of("/bin/sh"))) {
            return;
        }
        try {
            watchdog = new ProcessBuilder(
                            "/bin/sh", "-c", WATCHDOG, "attain-pg-watchdog", pgData.toString(), Long.toString(pid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            log.info(
                    "No watchdog for the embedded PostgreSQL ({}); a killed Attain's server is stopped at its next start",
                    e.getMessage());
        }
    }

    private void stopWatchdog() {
        Process dog = watchdog;
        watchdog = null;
        if (dog != null) {
            // Killed, not fed EOF: its job is only for when this JVM dies without closing the server.
            dog.destroyForcibly();
        }
    }

    @Override
    public synchronized void close() {
        closing = true;
        restarter.shutdownNow();
        stopWatchdog();
        try {
            if (zonky != null) {
                zonky.close();
            }
        } catch (IOException e) {
            log.warn("Stopping the embedded PostgreSQL failed: {}", e.getMessage());
        } finally {
            releaseOwnership();
        }
    }

    private static boolean shuttingDown() {
        // The JVM refuses new shutdown hooks once it is shutting down; zonky's own hook stops the server then.
        try {
            Thread probe = new Thread(() -> {});
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static boolean windows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections as the superuser to the postgres database of whichever port the server runs on now. */
    private static final class FollowingDataSource implements DataSource {
        private volatile int port;
        private PrintWriter logWriter;
        private int loginTimeout;

        private PGSimpleDataSource target() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {port});
            ds.setDatabaseName("postgres");
            ds.setUser("postgres");
            ds.setLoginTimeout(loginTimeout);
            return ds;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return target().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return target().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return logWriter;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            this.logWriter = out;
        }

        @Override
        public void setLoginTimeout(int seconds) {
            this.loginTimeout = seconds;
        }

        @Override
        public int getLoginTimeout() {
            return loginTimeout;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
