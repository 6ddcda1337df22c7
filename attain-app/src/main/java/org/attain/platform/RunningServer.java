package org.attain.platform;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Attain server that owns a data folder, seen from a command-line command started on the same
 * folder. The server holds the folder's owner lock ({@code pg.lock}, with its process id inside) for
 * its whole life, so a command cannot start a second PostgreSQL there; it works on the server's
 * instead, connecting the way the server does (superuser {@code postgres} on localhost, the port in
 * {@code pg/postmaster.pid}). It attaches only to a postmaster that is alive and answers with this
 * folder as its data directory; otherwise it says what to do in one line.
 */
public final class RunningServer {

    static final String API_HINT = "or use the server's API with a token (README, \"Calling the API\")";

    /** The running server's database: who runs it and the Spring options that connect to it. */
    public record Database(long attainPid, int port) {

        public String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres";
        }

        public List<String> springArguments() {
            // The server owns demo loading and the first admin; this process only works on what is there.
            return List.of(
                    "--spring.datasource.url=" + jdbcUrl(),
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--attain.demo.enabled=false");
        }

        public String notice() {
            return "Attain is running on this data folder" + (attainPid > 0 ? " (pid " + attainPid + ")" : "")
                    + "; working on its database";
        }
    }

    private RunningServer() {}

    /**
     * The database of the server holding {@code dataDir}, or empty when no live process holds it (the
     * command then starts its own PostgreSQL). Throws {@link CliException} when a server holds the
     * folder but its database cannot be reached.
     */
    public static Optional<Database> on(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        Path lockFile = root.resolve("pg.lock");
        if (!Files.exists(lockFile) || !heldByAnother(lockFile)) {
            return Optional.empty();
        }
        long attainPid = ownerPid(lockFile);
        String who =
                "Attain" + (attainPid > 0 ? " (pid " + attainPid + ")" : "") + " is running on the data folder " + root;
        Path pgData = root.resolve("pg");
        Optional<OrphanedPostgres.PidFile> pidFile = OrphanedPostgres.PidFile.read(pgData);
        if (pidFile.isEmpty() || pidFile.get().port() <= 0) {
            throw new CliException(
                    who + " but its database is not up yet: wait until the server has started and try again, "
                            + "stop the server, " + API_HINT + ".");
        }
        int port = pidFile.get().port();
        if (ProcessHandle.of(pidFile.get().pid()).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new CliException(
                    who + " but its database (pid " + pidFile.get().pid() + ") is not running; the server "
                            + "starts it again within seconds: wait and try again, stop the server, " + API_HINT + ".");
        }
        String problem = servesFolder(port, pgData);
        if (problem != null) {
            throw new CliException(who + " but its database on port " + port + " does not answer (" + problem
                    + "): wait a moment and try again, stop the server, " + API_HINT + ".");
        }
        return Optional.of(new Database(attainPid, port));
    }

    /**
     * Whether another process holds the lock. Checked on a channel of its own that is closed at once; in
     * the server's own JVM (tests) the JDK reports the overlap without asking the operating system.
     */
    private static boolean heldByAnother(Path lockFile) {
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new CliException("cannot open " + lockFile + " (" + e.getMessage() + "): check the data folder's "
                    + "permissions, or choose another one with --attain.data-dir");
        }
    }

    private static long ownerPid(Path lockFile) {
        try {
            return Long.parseLong(
                    Files.readString(lockFile, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            // Written by versions before the pid was, or unreadable where locks are mandatory (Windows).
            return -1;
        }
    }

    /** Null when the server on the port answers and serves this data directory, else what went wrong. */
    private static String servesFolder(int port, Path pgData) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setLoginTimeout(5);
        ds.setApplicationName("attain command line");
        try (Connection c = ds.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("show data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            return sameFile(served, pgData) ? null : "it serves " + served + ", not " + pgData;
        } catch (SQLException e) {
            return e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().replaceAll("\\s*\\R\\s*", " ");
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
