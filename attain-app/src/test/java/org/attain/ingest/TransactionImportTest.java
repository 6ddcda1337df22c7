package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.sales.TransactionsChanged;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The example CRM export loads its good rows once, quarantines its bad rows with reasons, changes
 * nothing when loaded again, versions a changed deal, and loads a fixed row on replay.
 */
@RecordApplicationEvents
class TransactionImportTest extends AttainIntegrationTest {

    private static final Path EXAMPLES = Path.of("../examples/imports");

    @Autowired
    Imports imports;

    @Autowired
    ImportRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    /** The example profile with a source of its own, so this test's rows never meet another test's. */
    private ImportProfile profile(String source) throws Exception {
        String yaml = Files.readString(EXAMPLES.resolve("crm-transactions.profile.yaml"))
                .replace("source: crm", "source: " + source);
        return ImportProfile.parse("crm-transactions.profile.yaml", yaml);
    }

    private ImportOutcome load(ImportProfile profile, Path file) {
        return imports.importFile(
                new Imports.FileImport(profile, file, file.getFileName().toString(), "test", false));
    }

    @Test
    void theExampleLoadsTwentyDealsAndQuarantinesSixAndTheSecondLoadChangesNothing() throws Exception {
        ImportProfile profile = profile("crm-" + UUID.randomUUID());
        Path csv = EXAMPLES.resolve("crm-transactions.csv");

        ImportOutcome first = load(profile, csv);
        assertThat(first.summary()).isEqualTo("accepted=20 rejected=6 unchanged=0 skipped=0");
        assertThat(records.quarantine(first.importId(), 100))
                .extracting(r -> r.rowNumber() + " " + r.problems().get(0).reason())
                .containsExactly(
                        "22 bad close date '2/30/2026': not a real date in the form M/d/yyyy",
                        "23 bad amount '12k': not a number like 1,234.56",
                        "24 unknown owner 'Lauren Philips' (matched by employee id or email or name)",
                        "25 split shares add up to 1.10, not 1.00",
                        "26 missing transaction id",
                        "27 unknown currency 'EURO'");
        assertThat(records.quarantine(first.importId(), 100)
                        .get(2)
                        .problems()
                        .get(0)
                        .suggestion())
                .isEqualTo("Lauren Phillips (P00038)");
        assertThat(events.stream(TransactionsChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.importId()).isEqualTo(first.importId());
            assertThat(e.earliest()).hasToString("2026-01-15");
            assertThat(e.latest()).hasToString("2026-08-04");
            assertThat(e.personIds()).hasSizeGreaterThanOrEqualTo(12);
        });

        ImportOutcome again = load(profile, csv);
        assertThat(again.summary()).isEqualTo("accepted=0 rejected=6 unchanged=20 skipped=0");
        assertThat(events.stream(TransactionsChanged.class)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from sales_transaction where source = :s")
                        .param("s", profile.source())
                        .query(Long.class)
                        .single())
                .isEqualTo(20);
    }

    @Test
    void aChangedAmountMakesVersionTwoAndKeepsVersionOneWithAnAuditEntry() throws Exception {
        ImportProfile profile = profile("crm-" + UUID.randomUUID());
        load(profile, EXAMPLES.resolve("crm-transactions.csv"));
        Path changed = Files.createTempFile("crm-transactions-changed", ".csv");
        Files.writeString(
                changed,
                Files.readString(EXAMPLES.resolve("crm-transactions.csv")).replace("\"48,000.00\"", "\"48,500.00\""));

        ImportOutcome outcome = load(profile, changed);

        assertThat(outcome.summary()).isEqualTo("accepted=1 rejected=6 unchanged=19 skipped=0");
        var current = jdbc.sql(
                        "select amount, version from sales_transaction where source = :s and external_id = '006A000001'")
                .param("s", profile.source())
                .query()
                .singleRow();
        assertThat(current.get("amount").toString()).isEqualTo("48500.0000");
        assertThat(current.get("version")).isEqualTo(2);
        assertThat(jdbc.sql(
                                "select amount::text from sales_transaction_version where source = :s and external_id = '006A000001'")
                        .param("s", profile.source())
                        .query(String.class)
                        .single())
                .isEqualTo("48000.0000");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'transaction.changed' and entity_id = :e")
                        .param("e", profile.source() + ":006A000001")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aQuarantinedRowFixedInPlaceIsLoadedByReplay() throws Exception {
        ImportProfile profile = profile("crm-" + UUID.randomUUID());
        ImportOutcome first = load(profile, EXAMPLES.resolve("crm-transactions.csv"));
        var badAmount = records.quarantine(first.importId(), 100).stream()
                .filter(r -> r.rowNumber() == 23)
                .findFirst()
                .orElseThrow();
        var badOwner = records.quarantine(first.importId(), 100).stream()
                .filter(r -> r.rowNumber() == 24)
                .findFirst()
                .orElseThrow();

        records.fix(first.importId(), badAmount.id(), java.util.Map.of("Amount", "12,000.00"), "test");
        records.fix(first.importId(), badOwner.id(), java.util.Map.of("Opportunity Owner", "P00038"), "test");
        ImportOutcome replay = imports.replay(imports.reserveId(), first.importId(), "test", new ImportProgress());

        assertThat(replay.summary()).isEqualTo("accepted=2 rejected=4 unchanged=0 skipped=0");
        assertThat(records.quarantine(first.importId(), 100))
                .extracting(ImportRecords.QuarantinedRow::status)
                .containsExactly("SUPERSEDED", "RESOLVED", "RESOLVED", "SUPERSEDED", "SUPERSEDED", "SUPERSEDED");
        assertThat(records.quarantine(replay.importId(), 100))
                .extracting(ImportRecords.QuarantinedRow::rowNumber)
                .containsExactly(22L, 25L, 26L, 27L);
    }

    @Test
    void aDryRunCountsEverythingAndSavesNoTransaction() throws Exception {
        ImportProfile profile = profile("crm-" + UUID.randomUUID());
        Path csv = EXAMPLES.resolve("crm-transactions.csv");
        ImportOutcome dry =
                imports.importFile(new Imports.FileImport(profile, csv, "crm-transactions.csv", "test", true));
        assertThat(dry.summary()).isEqualTo("accepted=20 rejected=6 unchanged=0 skipped=0");
        assertThat(dry.status()).isEqualTo("DRY_RUN");
        assertThat(jdbc.sql("select count(*) from sales_transaction where source = :s")
                        .param("s", profile.source())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
