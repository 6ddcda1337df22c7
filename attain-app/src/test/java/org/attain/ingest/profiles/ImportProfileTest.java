package org.attain.ingest.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attain.ingest.records.RecordKinds;
import org.junit.jupiter.api.Test;

/** A profile is readable YAML; a broken one is refused with the key that is wrong. */
class ImportProfileTest {

    @Test
    void theExampleCrmProfileDescribesItsExport() throws Exception {
        Path file = Path.of("../examples/imports/crm-transactions.profile.yaml");
        ImportProfile profile = ImportProfile.parse("crm", Files.readString(file));
        assertThat(profile.record()).isEqualTo("transactions");
        assertThat(profile.source()).isEqualTo("crm");
        assertThat(profile.format().datePattern()).isEqualTo("M/d/yyyy");
        assertThat(profile.format().numbers()).isEqualTo(NumberStyle.EN);
        assertThat(profile.columns())
                .containsEntry("owner", "Opportunity Owner")
                .containsEntry("external_id", "Opportunity ID");
        assertThat(profile.values().get("status")).containsEntry("closed won", "won");
        assertThat(profile.match()).containsExactly(PeopleMatch.EMPLOYEE_ID, PeopleMatch.EMAIL, PeopleMatch.NAME);
    }

    @Test
    void thereIsAnExampleProfileForEveryRecordTypeAndEachNamesAFileThatExists() throws Exception {
        java.util.Set<String> records = new java.util.TreeSet<>();
        try (var files = Files.list(Path.of("../examples/imports"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".profile.yaml"))
                    .toList()) {
                ImportProfile profile = ImportProfile.parse(file.getFileName().toString(), Files.readString(file));
                records.add(profile.record());
            }
        }
        assertThat(records).containsExactlyInAnyOrderElementsOf(RecordKinds.names());
        for (String record : RecordKinds.names()) {
            assertThat(RecordKinds.rows(record))
                    .extracting(RecordKinds.FieldRow::name)
                    .containsExactlyElementsOf(RecordKinds.fieldNames(record));
        }
    }

    @Test
    void aProfileWithoutSourceIsRefused() {
        assertThatThrownBy(() -> ImportProfile.parse("p", "columns: {amount: Amount}"))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("'source' is required");
    }

    @Test
    void anUnknownFieldIsNamed() {
        assertThatThrownBy(() -> ImportProfile.parse("p", "source: crm\ncolumns: {amout: Amount}"))
                .hasMessageContaining("unknown field 'amout'");
    }

    @Test
    void recordTypesNotYetImportableSaySo() {
        assertThatThrownBy(() -> ImportProfile.parse("p", "record: invoices\nsource: crm\ncolumns: {amount: A}"))
                .hasMessageContaining("record 'invoices' cannot be imported yet");
    }

    @Test
    void eachRecordTypeKnowsItsOwnFields() {
        assertThat(ImportProfile.parse("p", "record: quotas\nsource: plan\ncolumns: {person: Rep, amount: Quota}")
                        .columns())
                .containsKeys("person", "amount");
        assertThatThrownBy(() -> ImportProfile.parse("p", "record: quotas\nsource: plan\ncolumns: {owner: Rep}"))
                .hasMessageContaining("unknown field 'owner' under columns for quotas; known: person, period, measure");
    }

    @Test
    void brokenYamlAndBadFormatsAreExplained() {
        assertThatThrownBy(() -> ImportProfile.parse("p", "source: [crm")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ImportProfile.parse("p", "source: crm\ncolumns: {amount: A}\nformat: {numbers: fr}"))
                .hasMessageContaining("format.numbers 'fr'");
        assertThatThrownBy(() ->
                        ImportProfile.parse("p", "source: crm\ncolumns: {amount: A}\nformat: {encoding: klingon}"))
                .hasMessageContaining("format.encoding 'klingon'");
    }
}
