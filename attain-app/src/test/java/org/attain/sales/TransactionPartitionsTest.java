package org.attain.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.attain.ingest.ImportOutcome;
import org.attain.ingest.Imports;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.SchemaAt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Booked transactions live in yearly partitions: the demo company's years each have one, a run's read of a quarter
 * reads only that quarter's year, an import of a year nobody has seen makes its partition (and takes in rows that
 * waited in the default partition), and the keys still hold across years.
 */
class TransactionPartitionsTest extends AttainIntegrationTest {

    private static final Path EXAMPLES = Path.of("../examples/imports");

    private static final Pattern PARTITION = Pattern.compile("\\bsales_transaction_(\\d{4}|default)\\b");

    @Autowired
    TransactionPartitions partitions;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void everyYearOfTheDemoCompanyHasItsPartition() {
        List<String> years = jdbc.sql("""
                select distinct 'sales_transaction_' || to_char(close_date, 'YYYY') from sales_transaction
                where source = 'attain' order by 1""").query(String.class).list();
        assertThat(years).hasSizeGreaterThan(1);
        assertThat(partitions.partitions()).containsAll(years).endsWith("sales_transaction_default");
    }

    @Test
    void aRunsReadOfAQuarterReadsOnlyThatQuartersYear() throws Exception {
        String plan = String.join(
                "\n",
                jdbc.sql("explain " + BookedTransactions.IN_WINDOW)
                        .param("from", java.time.LocalDate.of(2026, 4, 1))
                        .param("to", java.time.LocalDate.of(2026, 6, 30))
                        .query(String.class)
                        .list());
        assertThat(partitionsNamedIn(plan)).as(plan).containsExactly("sales_transaction_2026");

        // A prepared statement run often gets a generic plan (the window unknown when it is planned): the years are
        // then pruned when it starts, and EXPLAIN ANALYZE shows only those it read.
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            StringBuilder analysed = new StringBuilder();
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare in_window(date, date) as "
                    + BookedTransactions.IN_WINDOW.replace(":from", "$1").replace(":to", "$2"));
            try (ResultSet rs =
                    s.executeQuery("explain (analyze, costs off) execute in_window('2025-12-01', '2026-01-31')")) {
                while (rs.next()) {
                    analysed.append(rs.getString(1)).append('\n');
                }
            } finally {
                s.execute("deallocate in_window");
                s.execute("reset plan_cache_mode");
            }
            assertThat(analysed).as(analysed.toString()).contains("Subplans Removed");
            assertThat(partitionsNamedIn(analysed.toString()))
                    .as(analysed.toString())
                    .as("a window across the turn of the year reads both years")
                    .containsExactly("sales_transaction_2025", "sales_transaction_2026");
        }
    }

    @Test
    void anImportOfAFarFutureYearMakesItsPartitionAndTakesInWhatWaitedInTheDefault() throws Exception {
        String source = "parts-" + UUID.randomUUID();
        assertThat(partitions.partitions()).doesNotContain("sales_transaction_2099");
        // A row written without asking for its year's partition waits in the default partition.
        jdbc.sql("""
                insert into sales_transaction (source, external_id, close_date, amount, currency)
                values (:s, 'waited', date '2099-06-02', 10, 'USD')""").param("s", source).update();
        assertThat(rowsOf(source, "sales_transaction_default")).isEqualTo(1);
        try {
            ImportOutcome outcome = imports.importFile(new Imports.FileImport(
                    profile(source), csv("006F000001,6/15/2099"), "far-future.csv", "test", false));

            assertThat(outcome.summary()).isEqualTo("accepted=1 rejected=0 unchanged=0 skipped=0");
            assertThat(partitions.partitions()).contains("sales_transaction_2099");
            assertThat(rowsOf(source, "sales_transaction_2099")).isEqualTo(2);
            assertThat(rowsOf(source, "sales_transaction_default")).isZero();
            assertThat(jdbc.sql(
                                    "select external_id from sales_transaction where source = :s and close_date = '2099-06-15'")
                            .param("s", source)
                            .query(String.class)
                            .single())
                    .isEqualTo("006F000001");
        } finally {
            jdbc.sql("delete from sales_transaction where source = :s")
                    .param("s", source)
                    .update();
            jdbc.sql("drop table if exists sales_transaction_2099").update();
        }
    }

    @Test
    void aReImportThatMovesADealToAnotherYearMovesItsRowAndKeepsItsIdAndVersions() throws Exception {
        String source = "parts-" + UUID.randomUUID();
        ImportProfile profile = profile(source);
        imports.importFile(new Imports.FileImport(profile, csv("006F000002,3/10/2025"), "march.csv", "test", false));
        long id = idOf(source, "006F000002");
        assertThat(rowsOf(source, "sales_transaction_2025")).isEqualTo(1);

        ImportOutcome moved = imports.importFile(
                new Imports.FileImport(profile, csv("006F000002,5/20/2026"), "may.csv", "test", false));

        assertThat(moved.summary()).isEqualTo("accepted=1 rejected=0 unchanged=0 skipped=0");
        assertThat(rowsOf(source, "sales_transaction_2025")).isZero();
        assertThat(rowsOf(source, "sales_transaction_2026")).isEqualTo(1);
        assertThat(idOf(source, "006F000002")).isEqualTo(id);
        assertThat(jdbc.sql("select close_date::text from sales_transaction_version where transaction_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("2025-03-10");
    }

    @Test
    void theKeysHoldAcrossYears() throws Exception {
        String source = "parts-" + UUID.randomUUID();
        ImportProfile profile = profile(source);
        imports.importFile(new Imports.FileImport(profile, csv("006F000003,1/10/2025"), "jan.csv", "test", false));
        imports.importFile(new Imports.FileImport(profile, csv("006F000003,2/10/2026"), "feb.csv", "test", false));
        long id = idOf(source, "006F000003");

        assertThatThrownBy(() -> jdbc.sql("""
                        insert into sales_transaction (source, external_id, close_date, amount, currency)
                        values (:s, '006F000003', date '2025-08-01', 1, 'USD')""").param("s", source).update())
                .as("the same source and external id in another year")
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(
                        () -> jdbc.sql("""
                        insert into sales_transaction (id, source, external_id, close_date, amount, currency)
                        values (:id, :s, 'another', date '2025-09-01', 1, 'USD')""").param("id", id).param("s", source).update())
                .as("the same id in another year")
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.sql("update sales_transaction set external_id = 'renamed' where id = :id")
                        .param("id", id)
                        .update())
                .as("a stored transaction keeps its external id")
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("delete from sales_transaction where id = :id")
                        .param("id", id)
                        .update())
                .as("a transaction with versions is not deleted without them")
                .isInstanceOf(DataIntegrityViolationException.class);

        jdbc.sql("delete from sales_transaction_version where transaction_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from sales_transaction where id = :id").param("id", id).update();
        assertThat(jdbc.sql("select count(*) from sales_transaction_key where transaction_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void twoWritersBringingTheSameNewYearMakeOnePartition() throws Exception {
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            try (Statement s = first.createStatement()) {
                s.executeQuery("select sales_transaction_partition('2097-01-15')")
                        .close();
            }
            java.util.concurrent.CompletableFuture<String> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try (Statement s = second.createStatement();
                                ResultSet rs = s.executeQuery("select sales_transaction_partition('2097-01-20')")) {
                            rs.next();
                            String made = rs.getString(1);
                            second.commit();
                            return made;
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
            // The second waits for the first's lock until the first commits its new partition.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                                    .query(Long.class)
                                    .single()
                            == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            first.commit();
            assertThat(other.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("sales_transaction_2097");
        } finally {
            jdbc.sql("drop table if exists sales_transaction_2097").update();
        }
        assertThat(partitions.partitions()).doesNotContain("sales_transaction_2097");
    }

    private static Set<String> partitionsNamedIn(String plan) {
        return SchemaAt.partitionsNamedIn(plan, PARTITION);
    }

    private long rowsOf(String source, String partition) {
        return jdbc.sql("select count(*) from " + partition + " where source = :s")
                .param("s", source)
                .query(Long.class)
                .single();
    }

    private long idOf(String source, String externalId) {
        return jdbc.sql("select id from sales_transaction where source = :s and external_id = :e")
                .param("s", source)
                .param("e", externalId)
                .query(Long.class)
                .single();
    }

    /** The example CRM profile with a source of this test's own. */
    private static ImportProfile profile(String source) throws Exception {
        String yaml = Files.readString(EXAMPLES.resolve("crm-transactions.profile.yaml"))
                .replace("source: crm", "source: " + source);
        return ImportProfile.parse("crm-transactions.profile.yaml", yaml);
    }

    /** One won deal of Joanna's (P00038) with this id and close date ("006F000001,6/15/2099"). */
    private static Path csv(String idAndDate) throws Exception {
        String[] cells = idAndDate.split(",");
        List<String> lines = new ArrayList<>();
        lines.add(
                "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Amount,Currency,Stage,Type,"
                        + "Product Code,Term (Months),Split");
        lines.add(cells[0] + ",Partition deal,Willow Energy Corp.,P00038," + cells[1]
                + ",\"1,000.00\",USD,Closed Won,New Business,PLT-PRO,12,");
        Path file = Files.createTempFile("partition-deal", ".csv");
        Files.write(file, lines);
        return file;
    }
}
