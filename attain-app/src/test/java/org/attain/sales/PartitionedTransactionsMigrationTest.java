package org.attain.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.attain.platform.EmbeddedPostgresServer;
import org.attain.support.SchemaAt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migration 2026.12.31.90 on a database that already holds transactions: every row comes through unchanged (same
 * ids, same values, same change numbers), each year gets its partition with every index, new rows get new ids, and
 * the versions still hold on to their transactions.
 */
class PartitionedTransactionsMigrationTest {

    /** The last migration before the one that partitions the table. */
    private static final String BEFORE = "2026.12.26.1";

    private static final String EVERY_ROW = "select json_agg(t order by t.id)::text from sales_transaction t";

    @Test
    void existingTransactionsMoveIntoYearlyPartitionsUnchanged() throws IOException {
        Path work = Files.createTempDirectory("attain-partitions-");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(work.resolve("pg"), Map.of("max_connections", "20"));
        try {
            server.start();
            DataSource db = server.dataSource();
            SchemaAt.migrate(db, BEFORE);
            JdbcClient jdbc = JdbcClient.create(db);
            jdbc.sql("""
                    insert into sales_transaction (source, external_id, kind, close_date, amount, currency, splits, refers_to)
                    values ('crm', 'D-1', 'DEAL', '2019-03-31', 100, 'EUR', '[{"person_id": 7, "share": 1}]', null),
                           ('crm', 'D-2', 'DEAL', '2026-01-01', 200.5, 'USD', null, null),
                           ('crm', 'D-3', 'CANCELLATION', '2026-01-31', 0, 'USD', null, null),
                           ('crm', 'R-1', 'RETURN', '2026-02-14', -50, 'USD', null, 'D-2')""").update();
            long imported = jdbc.sql("""
                    insert into ingest_import (record_type, source, file_name, profile_name, profile_yaml, actor, status,
                                               started_at, finished_at)
                    values ('transactions', 'crm', 'x.csv', 'x', 'x', 'test', 'LOADED', now(), now()) returning id""").query(Long.class).single();
            jdbc.sql("""
                    insert into sales_transaction_version (transaction_id, version, source, external_id, kind, status, close_date,
                                                           amount, currency, attributes, valid_until, replaced_by_import)
                    select id, 1, source, external_id, kind, status, close_date - 1, amount, currency, attributes, now(), :i
                    from sales_transaction where external_id = 'D-2'""").param("i", imported).update();
            String before = jdbc.sql(EVERY_ROW).query(String.class).single();
            long maxId = jdbc.sql("select max(id) from sales_transaction")
                    .query(Long.class)
                    .single();

            SchemaAt.migrate(db, null);

            assertThat(jdbc.sql(EVERY_ROW).query(String.class).single()).isEqualTo(before);
            assertThat(jdbc.sql("""
                            select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                            where i.inhparent = 'sales_transaction'::regclass order by 1""").query(String.class).list())
                    .containsExactly("sales_transaction_2019", "sales_transaction_2026", "sales_transaction_default");
            assertThat(jdbc.sql("select count(*) from sales_transaction_2026")
                            .query(Long.class)
                            .single())
                    .isEqualTo(3);
            assertThat(jdbc.sql("select count(*) from sales_transaction_default")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = 'sales_transaction_2026'")
                            .query(Long.class)
                            .single())
                    .as("the primary key and the 7 other indexes on each partition")
                    .isEqualTo(8);
            assertThat(jdbc.sql("select count(*) from sales_transaction_key")
                            .query(Long.class)
                            .single())
                    .isEqualTo(4);

            long next = jdbc.sql("""
                    insert into sales_transaction (source, external_id, close_date, amount, currency)
                    values ('crm', 'D-4', '2027-03-01', 1, 'USD') returning id""").query(Long.class).single();
            assertThat(next).isGreaterThan(maxId);
            assertThat(jdbc.sql("select count(*) from sales_transaction_default")
                            .query(Long.class)
                            .single())
                    .as("a year without a partition waits in the default partition")
                    .isEqualTo(1);
            assertThatThrownBy(() -> jdbc.sql("delete from sales_transaction where external_id = 'D-2'")
                            .update())
                    .as("versions still hold on to their transaction")
                    .hasMessageContaining("sales_transaction_version");
        } finally {
            server.close();
            SchemaAt.delete(work);
        }
    }

    /**
     * What the migration costs and what a quarter's read gains, on {@code -Dattain.migration.rows=N} generated rows over
     * three years (skipped without it): prints the migration's seconds and a quarter's read before and after.
     */
    @Test
    void measureOnGeneratedRows() throws IOException {
        int rows = Integer.getInteger("attain.migration.rows", 0);
        Assumptions.assumeTrue(rows > 0, "-Dattain.migration.rows=N measures the migration on N rows");
        Path work = Files.createTempDirectory("attain-partitions-");
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(
                work.resolve("pg"), Map.of("max_connections", "20", "shared_buffers", "512MB", "work_mem", "64MB"));
        try {
            server.start();
            DataSource db = server.dataSource();
            SchemaAt.migrate(db, BEFORE);
            JdbcClient jdbc = JdbcClient.create(db);
            long t0 = System.nanoTime();
            jdbc.sql("""
                    insert into sales_transaction (source, external_id, kind, close_date, amount, currency, splits)
                    select 'gen', 'T' || i, 'DEAL', date '2024-01-01' + (i::bigint * 7919 % 1096)::int, (i % 5000) + 0.5, 'USD',
                           case when i % 10 = 0 then '[{"person_id": 1, "share": 1}]'::jsonb end
                    from generate_series(1, :n) i""").param("n", rows).update();
            jdbc.sql("vacuum analyze sales_transaction").update();
            System.out.printf("partition-migration: rows=%d generated_s=%.1f%n", rows, (System.nanoTime() - t0) / 1e9);
            String quarter = "select count(*) || ' ' || sum(amount) from sales_transaction"
                    + " where close_date between '2025-04-01' and '2025-06-30'";
            String before = jdbc.sql(quarter).query(String.class).single();
            double readBefore = bestOfThree(jdbc, quarter);

            t0 = System.nanoTime();
            SchemaAt.migrate(db, null);
            double migrateSeconds = (System.nanoTime() - t0) / 1e9;
            jdbc.sql("vacuum analyze sales_transaction").update();

            assertThat(jdbc.sql(quarter).query(String.class).single()).isEqualTo(before);
            System.out.printf(
                    "partition-migration: rows=%d migrate_s=%.1f quarter_read_before_ms=%.1f quarter_read_after_ms=%.1f%n",
                    rows, migrateSeconds, readBefore * 1000, bestOfThree(jdbc, quarter) * 1000);
        } finally {
            server.close();
            SchemaAt.delete(work);
        }
    }

    private static double bestOfThree(JdbcClient jdbc, String query) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            jdbc.sql(query).query(String.class).single();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }
}
