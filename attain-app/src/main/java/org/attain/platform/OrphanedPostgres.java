package org.attain.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed Attain left in its embedded PostgreSQL's data directory, dealt with before a new
 * server starts there. The postmaster is started by pg_ctl and so outlives a JVM killed with
 * {@code kill -9}; its {@code postmaster.pid} then names a live server that PostgreSQL refuses to
 * start beside. The file can also name a process that is gone (PostgreSQL ignores it then) or a pid
 * the system has since given to an unrelated program (PostgreSQL refuses that too).
 *
 * <p>Only call this while holding the data directory's owner lock ({@link EmbeddedPostgresServer}):
 * then no live Attain uses the directory, and a server running on it is an orphan. A process is
 * stopped only when it is proven to be PostgreSQL serving <em>this</em> directory: its working
 * directory is the data directory (Linux, where PostgreSQL changes into it), or a connection to the
 * port in the file answers with this {@code data_directory}. A postgres of another data directory is
 * never touched, however alike it looks.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    /** What was found, for the log and for tests. */
    enum Finding {
        NONE,
        GONE,
        ORPHAN_STOPPED,
        UNRELATED_PROCESS
    }

    /** The lines of postmaster.pid that matter: the postmaster's pid and its port. */
    record PidFile(long pid, int port) {

        static Optional<PidFile> read(Path pgData) {
            Path file = pgData.resolve("postmaster.pid");
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                List<String> lines = Files.readAllLines(file);
                long pid = Long.parseLong(lines.get(0).trim());
                int port = lines.size() > 3 && !lines.get(3).isBlank()
                        ? Integer.parseInt(lines.get(3).trim())
                        : -1;
                return Optional.of(new PidFile(pid, port));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // Being written this very moment by a starting server, or truncated by a crash: a server
                // starting beside a live owner lock cannot be ours, and PostgreSQL rewrites it on start.
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + file, e);
            }
        }
    }

    private enum Identity {
        OURS,
        NOT_OURS,
        UNKNOWN
    }

    private final Path pgData;
    private final Duration patience;

    OrphanedPostgres(Path pgData, Duration patience) {
        this.pgData = pgData;
        this.patience = patience;
    }

    /** Stops an orphaned server on the data directory, or clears a pid file naming an unrelated process. */
    Finding recover() {
        Optional<PidFile> file = PidFile.read(pgData);
        if (file.isEmpty()) {
            return Finding.NONE;
        }
        long pid = file.get().pid();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                // PostgreSQL ignores a pid file whose process is gone, but not the shared memory its
                // backends may still hold for a moment after their postmaster died.
                waitForServerProcesses(deadline);
                return Finding.GONE;
            }
            switch (identify(process.get(), file.get().port())) {
                case OURS -> {
                    log.warn(
                            "An embedded PostgreSQL (pid {}) from an earlier Attain that did not shut down still runs on {}; "
                                    + "stopping it before starting a new one",
                            pid,
                            pgData);
                    stop(process.get());
                    return Finding.ORPHAN_STOPPED;
                }
                case NOT_OURS -> {
                    // The pid was handed to another program after the server died without removing its file.
                    waitForServerProcesses(deadline);
                    deletePidFile(pid);
                    return Finding.UNRELATED_PROCESS;
                }
                case UNKNOWN -> {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(
                                "The embedded database folder " + pgData + " names process " + pid
                                        + " in postmaster.pid, which runs but could not be identified as this folder's PostgreSQL"
                                        + " (it may be starting or stopping). Stop that process, or if it is not PostgreSQL,"
                                        + " delete " + pgData.resolve("postmaster.pid") + ", then start Attain again.");
                    }
                    sleep(250);
                }
            }
        }
    }

    private Identity identify(ProcessHandle process, int port) {
        Optional<Path> cwd = workingDirectory(process.pid());
        if (cwd.isPresent()) {
            return sameFile(cwd.get(), pgData) && looksLikePostgres(process) ? Identity.OURS : Identity.NOT_OURS;
        }
        Optional<String> served = dataDirectoryServedOn(port);
        if (served.isPresent() && sameFile(Path.of(served.get()), pgData)) {
            return Identity.OURS;
        }
        Optional<String> command = process.info().command();
        if (command.isPresent() && !looksLikePostgres(process)) {
            return Identity.NOT_OURS;
        }
        // A server runs as the user who owns its data directory, which is the user Attain runs as.
        Optional<String> user = process.info().user();
        if (user.isPresent() && !user.get().equals(System.getProperty("user.name"))) {
            return Identity.NOT_OURS;
        }
        return Identity.UNKNOWN;
    }

    /**
     * Fast shutdown first (the killed JVM's sessions are gone, so it completes at once unless a backend
     * is still finishing a statement), then immediate, then kill: postmaster and every process it
     * started, so no backend is left holding the old shared memory.
     */
    private void stop(ProcessHandle postmaster) {
        List<ProcessHandle> children = postmaster.descendants().toList();
        signal(postmaster, "INT");
        if (!exited(postmaster, Duration.ofSeconds(30))) {
            log.warn(
                    "PostgreSQL pid {} did not stop within 30 s of a fast shutdown; asking for an immediate one",
                    postmaster.pid());
            signal(postmaster, "QUIT");
            if (!exited(postmaster, Duration.ofSeconds(10))) {
                log.warn(
                        "PostgreSQL pid {} ignored an immediate shutdown; killing it and its {} processes",
                        postmaster.pid(),
                        children.size());
                postmaster.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
                exited(postmaster, Duration.ofSeconds(10));
            }
        }
        for (ProcessHandle child : children) {
            if (!exited(child, Duration.ofSeconds(10))) {
                child.destroyForcibly();
                exited(child, Duration.ofSeconds(5));
            }
        }
    }

    /** Waits (until the deadline) for processes still working in the data directory: backends of a dead postmaster. */
    private void waitForServerProcesses(long deadline) {
        List<ProcessHandle> left = serverProcessesIn(pgData);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            sleep(100);
            left = serverProcessesIn(pgData);
        }
        if (!left.isEmpty()) {
            log.warn("{} PostgreSQL processes of a dead server still run in {}; stopping them", left.size(), pgData);
            left.forEach(ProcessHandle::destroyForcibly);
            left.forEach(p -> exited(p, Duration.ofSeconds(5)));
        }
    }

    private void deletePidFile(long pid) {
        try {
            log.warn(
                    "{} names pid {}, which now belongs to another program; removing the stale file",
                    pgData.resolve("postmaster.pid"),
                    pid);
            Files.deleteIfExists(pgData.resolve("postmaster.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PostgreSQL processes whose working directory is the data directory (Linux only: elsewhere the
     * list is empty and PostgreSQL's own shared-memory check is the guard).
     */
    static List<ProcessHandle> serverProcessesIn(Path pgData) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return List.of();
        }
        List<ProcessHandle> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(proc)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(p -> {
                        long pid = Long.parseLong(p.getFileName().toString());
                        Optional<Path> cwd = workingDirectory(pid);
                        if (cwd.isPresent() && sameFile(cwd.get(), pgData)) {
                            ProcessHandle.of(pid)
                                    .filter(OrphanedPostgres::looksLikePostgres)
                                    .ifPresent(found::add);
                        }
                    });
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        // A backend's command line is rewritten ("postgres: user db ..."), its executable is not.
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return true;
        }
        String name = Path.of(command.get()).getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster");
    }

    /** The data directory of the server answering on this port, if one does (trust authentication, as initdb set it). */
    private static Optional<String> dataDirectoryServedOn(int port) {
        if (port <= 0) {
            return Optional.empty();
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select current_setting('data_directory')")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    static void signal(ProcessHandle process, String signal) {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            process.destroy();
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean exited(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !process.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recovering the embedded database", e);
        }
    }
}
