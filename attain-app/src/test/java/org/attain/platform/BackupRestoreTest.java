package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.attain.support.AttainIntegrationTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running application's database (the demo company with its current results) backed up while it
 * serves, restored into a fresh PostgreSQL migrated from nothing, and the restored one gives the same
 * current results, ledgers and statement lines, row for row.
 */
class BackupRestoreTest extends AttainIntegrationTest {

    /** Current results, their payout ledgers and the statement lines, as the pages and the API read them. */
    static final Map<String, String> COMPARED =
            Map.of("current results", """
            select person_id, period_id, currency, earnings, payout, quota, attainment, fingerprint
            from payee_period_result where is_current order by person_id, period_id""", "ledgers", """
            select person_id, period_id, ledger::text from payee_period_result where is_current
            order by person_id, period_id""", "statement lines", """
            select r.person_id, r.period_id, l.line_no, l.component, l.kind, l.plan_key, l.amount, l.uncapped,
                   l.for_period, l.trace::text
            from earnings_line l join payee_period_result r on r.id = l.result_id where r.is_current
            order by r.person_id, r.period_id, l.line_no""", "adjustments and approvals", """
            select (select count(*) || ':' || coalesce(sum(hashtext(a::text)::bigint), 0) from payout_adjustment a)
                || '/' || (select count(*) || ':' || coalesce(sum(hashtext(p::text)::bigint), 0) from payout_approval p)""");

    @Autowired
    DataSource running;

    @Test
    void aBackupRestoredIntoAFreshInstanceGivesTheSameResults() throws IOException {
        Path work = Files.createTempDirectory("attain-backup-");
        Path file = work.resolve("attain.backup.zip");
        EmbeddedPostgresServer fresh = null;
        HikariDataSource pool = null;
        try {
            DatabaseBackup.Summary taken = new DatabaseBackup(running).backup(file);
            JdbcClient source = JdbcClient.create(running);
            long currentResults = source.sql("select count(*) from payee_period_result where is_current")
                    .query(Long.class)
                    .single();
            assertThat(currentResults).isPositive();

            fresh = new EmbeddedPostgresServer(work.resolve("pg"), Map.of("max_connections", "20", "fsync", "on"));
            fresh.start();
            pool = new HikariDataSource();
            pool.setDataSource(fresh.dataSource());
            pool.setMaximumPoolSize(2);
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            DatabaseBackup.Summary restored = new DatabaseBackup(pool).restore(file);

            assertThat(restored.tables()).isEqualTo(taken.tables());
            assertThat(restored.rows()).isEqualTo(taken.rows());
            JdbcClient copy = JdbcClient.create(pool);
            for (var q : COMPARED.entrySet()) {
                List<Map<String, Object>> expected =
                        source.sql(q.getValue()).query().listOfRows();
                assertThat(copy.sql(q.getValue()).query().listOfRows())
                        .as(q.getKey())
                        .isNotEmpty()
                        .isEqualTo(expected);
            }
            System.out.printf(
                    "backup-restore: schema %s, %d tables, %d rows, %d bytes of data, zip %d bytes, %d current results equal%n",
                    taken.schemaVersion(),
                    taken.tables(),
                    taken.rows(),
                    taken.bytes(),
                    Files.size(file),
                    currentResults);

            // New rows after a restore get new ids: the sequences came back too.
            long maxRun =
                    copy.sql("select max(id) from calc_run").query(Long.class).single();
            long next = copy.sql("select nextval(pg_get_serial_sequence('calc_run', 'id'))")
                    .query(Long.class)
                    .single();
            assertThat(next).isGreaterThan(maxRun);
        } finally {
            if (pool != null) {
                pool.close();
            }
            if (fresh != null) {
                fresh.close();
            }
            TempFolders.delete(work);
        }
    }

    @Test
    void aBackupOfAnotherSchemaVersionIsRefusedAndNothingChanges() throws IOException {
        Path work = Files.createTempDirectory("attain-backup-");
        try {
            Path file = work.resolve("old.zip");
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                zip.putNextEntry(new ZipEntry("manifest.properties"));
                Properties p = new Properties();
                p.setProperty("format", DatabaseBackup.FORMAT);
                p.setProperty("schema-version", "2026.11.26.1");
                p.setProperty("tables", "person");
                p.store(zip, null);
                zip.closeEntry();
            }
            long people = JdbcClient.create(running)
                    .sql("select count(*) from person")
                    .query(Long.class)
                    .single();
            assertThatThrownBy(() -> new DatabaseBackup(running).restore(file))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("schema version 2026.11.26.1");
            assertThat(JdbcClient.create(running)
                            .sql("select count(*) from person")
                            .query(Long.class)
                            .single())
                    .isEqualTo(people);
            Path notABackup = Files.writeString(work.resolve("x.zip"), "");
            assertThatThrownBy(() -> new DatabaseBackup(running).restore(notABackup))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            TempFolders.delete(work);
        }
    }
}
