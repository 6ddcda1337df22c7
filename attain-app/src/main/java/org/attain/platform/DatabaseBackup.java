package org.attain.platform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of Attain's database as one zip file, and its restore; for the embedded database,
 * whose PostgreSQL comes without {@code pg_dump}, and for an external one alike.
 *
 * <p>The backup reads every table of the schema with {@code COPY … TO STDOUT} in one read-only
 * repeatable-read transaction, so it is one consistent moment even while the server works (a run that is
 * half written is in it as RUNNING, and the next start closes it as after a crash). The zip holds
 * {@code manifest.properties} (schema version, per table its rows and the SHA-256 of its data, every
 * sequence's value, every partition's table and bounds) and {@code tables/<table>.copy}; a partitioned table's rows
 * are in its partitions' files. The restore needs a database at the same schema version (Flyway migrates an empty
 * one on start), empties every table, makes the partitions it lacks, loads them in one transaction with
 * triggers and foreign-key checks off ({@code session_replication_role = replica}: superuser, or {@code
 * GRANT SET ON PARAMETER session_replication_role}), sets the sequences, and before committing reads every
 * table back: its data must hash as in the manifest, or nothing is changed.
 */
public final class DatabaseBackup {

    static final String FORMAT = "attain-backup-1";

    private final DataSource dataSource;

    public DatabaseBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a backup or restore did: tables, rows, bytes of data. */
    public record Summary(String schemaVersion, int tables, long rows, long bytes) {}

    public Summary backup(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Exception failure = null;
            try {
                Summary summary;
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                    summary = write(c, zip);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return summary;
            } catch (SQLException | IOException | RuntimeException e) {
                failure = e;
                throw e;
            } finally {
                // After a failed write (a full disk) the driver has cancelled the copy and the rollback may fail
                // too: the write's failure is the one to report.
                try {
                    c.rollback();
                } catch (SQLException e) {
                    if (failure == null) {
                        throw e;
                    }
                    failure.addSuppressed(e);
                }
                Files.deleteIfExists(partial);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup to " + file + " failed: " + e.getMessage(), e);
        }
    }

    private Summary write(Connection c, ZipOutputStream zip) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("schema-version", schemaVersion(c));
        manifest.setProperty("taken-at", takenAt(c));
        long rows = 0;
        long bytes = 0;
        List<String> tables = tables(c);
        manifest.setProperty("tables", String.join(",", tables));
        for (String table : tables) {
            zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
            MessageDigest sha = sha256();
            CountingStream counted = new CountingStream(new DigestOutputStream(new KeepOpen(zip), sha));
            long n = copy.copyOut("COPY " + quote(table) + " TO STDOUT", counted);
            zip.closeEntry();
            manifest.setProperty("table." + table + ".rows", Long.toString(n));
            manifest.setProperty("table." + table + ".sha256", HexFormat.of().formatHex(sha.digest()));
            rows += n;
            bytes += counted.count;
        }
        for (Map.Entry<String, String> s : sequences(c).entrySet()) {
            manifest.setProperty("sequence." + s.getKey(), s.getValue());
        }
        for (Map.Entry<String, String> p : partitions(c).entrySet()) {
            manifest.setProperty("partition." + p.getKey(), p.getValue());
        }
        zip.putNextEntry(new ZipEntry("manifest.properties"));
        StringWriter text = new StringWriter();
        manifest.store(text, "Attain database backup");
        zip.write(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
        return new Summary(manifest.getProperty("schema-version"), tables.size(), rows, bytes);
    }

    /**
     * Replaces the whole content of the database with the backup's. Refused, with nothing changed, when
     * the schema versions differ or the data read back differs from the backup's.
     */
    public Summary restore(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile());
                Connection c = dataSource.getConnection()) {
            Properties manifest = new Properties();
            ZipEntry entry = zip.getEntry("manifest.properties");
            if (entry == null || !FORMAT.equals(load(zip, entry, manifest).getProperty("format"))) {
                throw new IllegalArgumentException(file + " is not an Attain backup (no manifest of " + FORMAT + ")");
            }
            String version = manifest.getProperty("schema-version");
            String here = schemaVersion(c);
            if (!version.equals(here)) {
                throw new IllegalArgumentException(
                        "the backup is of schema version " + version + ", this database is at " + here
                                + ": restore with the Attain version that made the backup, then start the newer one");
            }
            List<String> tables = List.of(manifest.getProperty("tables").split(","));
            c.setAutoCommit(false);
            try {
                Summary summary = load(c, zip, manifest, tables, version);
                c.commit();
                return summary;
            } catch (SQLException | IOException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    // The pool may have closed a connection PostgreSQL refused a statement on: the transaction is
                    // gone with it, and the first error is the one to tell.
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore failed, nothing changed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("restore from " + file + " failed, nothing changed: " + e.getMessage(), e);
        }
    }

    private Summary load(Connection c, ZipFile zip, Properties manifest, List<String> tables, String version)
            throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL session_replication_role = replica");
            // Partitioned tables too: a foreign key from one (results to runs) is the parent's, and PostgreSQL
            // truncates a referenced table only together with the parent that references it.
            Set<String> truncated = new java.util.TreeSet<>(tables(c));
            partitions(c)
                    .values()
                    .forEach(parentAndBound -> truncated.add(parentAndBound.split(" ", 2)[0]));
            s.execute("TRUNCATE "
                    + String.join(
                            ", ", truncated.stream().map(DatabaseBackup::quote).toList()));
            // Partitions made as data arrived (a year of transactions) are made here too; those only this database
            // has stay, empty.
            Map<String, String> here = partitions(c);
            for (String name : manifest.stringPropertyNames()) {
                String partition = name.substring(name.indexOf('.') + 1);
                if (name.startsWith("partition.") && !here.containsKey(partition)) {
                    String[] parentAndBound = manifest.getProperty(name).split(" ", 2);
                    s.execute("CREATE TABLE " + quote(partition) + " PARTITION OF " + quote(parentAndBound[0]) + " "
                            + parentAndBound[1]);
                }
            }
        }
        Set<String> partitionsHere = partitions(c).keySet();
        List<String> tablesHere = tables(c);
        if (!tablesHere.containsAll(tables)
                || !tables.containsAll(tablesHere.stream()
                        .filter(t -> !partitionsHere.contains(t))
                        .toList())) {
            throw new IllegalArgumentException("the backup's tables differ from this database's at the same version");
        }
        long rows = 0;
        long bytes = 0;
        for (String table : tables) {
            ZipEntry e = zip.getEntry("tables/" + table + ".copy");
            try (InputStream in = zip.getInputStream(e)) {
                rows += copy.copyIn("COPY " + quote(table) + " FROM STDIN", in);
            }
            bytes += e.getSize();
        }
        try (Statement s = c.createStatement()) {
            for (String name : manifest.stringPropertyNames()) {
                if (name.startsWith("sequence.")) {
                    String[] v = manifest.getProperty(name).split(":");
                    s.execute("SELECT setval(" + literal(name.substring("sequence.".length())) + ", "
                            + Long.parseLong(v[0]) + ", " + Boolean.parseBoolean(v[1]) + ")");
                }
            }
        }
        for (String table : tables) {
            MessageDigest sha = sha256();
            long n = copy.copyOut(
                    "COPY " + quote(table) + " TO STDOUT",
                    new DigestOutputStream(OutputStream.nullOutputStream(), sha));
            String expected = manifest.getProperty("table." + table + ".sha256");
            if (n != Long.parseLong(manifest.getProperty("table." + table + ".rows"))
                    || !HexFormat.of().formatHex(sha.digest()).equals(expected)) {
                throw new IllegalStateException("table " + table + " read back differs from the backup");
            }
        }
        return new Summary(version, tables.size(), rows, bytes);
    }

    private static Properties load(ZipFile zip, ZipEntry entry, Properties into) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            into.load(new StringReader(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        }
        return into;
    }

    /**
     * The schema's tables but Flyway's own history, which the target has from its own migrations, and which node runs
     * a scheduled job ({@code platform_job_lock}): that belongs to the nodes running now, not to the data.
     */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'r'
                          and c.relname not in ('flyway_schema_history', 'platform_job_lock') order by c.relname""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Per partition of the schema: its table and bounds ({@code sales_transaction FOR VALUES FROM (…) TO (…)}). A
     * partitioned table holds no rows itself: its partitions are backed up as tables.
     */
    private static Map<String, String> partitions(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select c.relname, p.relname, pg_get_expr(c.relpartbound, c.oid)
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        join pg_inherits i on i.inhrelid = c.oid join pg_class p on p.oid = i.inhparent
                        where n.nspname = current_schema() and c.relispartition and c.relkind = 'r'
                        order by c.relname""")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
            }
        }
        return out;
    }

    /** Per sequence of the schema: {@code last_value:is_called}, as {@code setval} takes them back. */
    private static Map<String, String> sequences(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind = 'S' order by c.relname""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        for (String name : names) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select last_value, is_called from " + quote(name))) {
                rs.next();
                out.put(name, rs.getLong(1) + ":" + rs.getBoolean(2));
            }
        }
        return out;
    }

    /** The snapshot's moment by the database's clock (the transaction's start). */
    private static String takenAt(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("select version from flyway_schema_history where success and version is not null"
                                + " order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + quote(text).replace("'", "''") + "'";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The zip's entry stream, which the copy must not close. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
