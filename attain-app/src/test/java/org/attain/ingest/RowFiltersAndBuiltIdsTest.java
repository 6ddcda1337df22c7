package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attain.ingest.profiles.ImportProfile;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A deals export holding open deals loads only the won ones when the profile filters by stage: the
 * others are counted as skipped, never quarantined; a filter on a column the file lacks loads nothing;
 * a template making one transaction id twice quarantines both rows.
 */
class RowFiltersAndBuiltIdsTest extends AttainIntegrationTest {

    @Autowired
    Imports imports;

    @Autowired
    ImportRecords records;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private static final String CSV = """
            Deal,Line,Owner,Closed,Amount,Stage
            D1,1,P00038,2026-03-01,100.00,Closed Won
            D2,1,P00038,2026-03-02,200.00,Negotiation
            D3,1,P00039,2026-03-03,300.00,closed won
            D3,2,P00039,2026-03-03,50.00,Closed Lost
            D4,1,P00039,2026-03-04,oops,Closed Won
            """;

    private ImportOutcome load(String profileYaml, String csv) throws Exception {
        Path file = dir.resolve("deals.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return imports.importFile(new Imports.FileImport(
                ImportProfile.parse("deals.profile.yaml", profileYaml), file, "deals.csv", "test", false));
    }

    private static String profile(String source, String extra) {
        return """
                source: %s
                columns:
                  external_id: Deal
                  owner: Owner
                  close_date: Closed
                  amount: Amount
                  currency: {constant: USD}
                %s""".formatted(source, extra);
    }

    @Test
    void rowsOutsideTheFilterAreSkippedNotQuarantinedAndTheSummarySaysHowMany() throws Exception {
        String source = ImportApiCalls.fresh("deals");
        ImportOutcome outcome = load(profile(source, "filter: {column: Stage, in: [Closed Won]}\n"), CSV);

        assertThat(outcome.summary()).isEqualTo("accepted=2 rejected=1 unchanged=0 skipped=2");
        assertThat(outcome.rowsRead()).isEqualTo(5);
        assertThat(records.quarantine(outcome.importId(), 10))
                .extracting(ImportRecords.QuarantinedRow::rowNumber)
                .containsExactly(6L);
        assertThat(records.find(outcome.importId()).orElseThrow().skipped()).isEqualTo(2);
        assertThat(jdbc.sql(
                                "select string_agg(external_id || ' ' || currency, ', ' order by external_id) from sales_transaction "
                                        + "where source = :s")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("D1 USD, D3 USD");

        assertThat(load(profile(source, "filter: {column: Stage, in: [Closed Won]}\n"), CSV)
                        .summary())
                .isEqualTo("accepted=0 rejected=1 unchanged=2 skipped=2");
    }

    @Test
    void aFilterOnAColumnTheFileLacksLoadsNothingAndNamesTheColumn() {
        String source = ImportApiCalls.fresh("deals");
        assertThatThrownBy(() -> load(profile(source, "filter: {column: Stge, in: [Closed Won]}\n"), CSV))
                .isInstanceOf(ImportFailedException.class)
                .hasMessage("a filter names the column 'Stge' (did you mean 'Stage'?), which the file does not have; "
                        + "its columns are: Deal, Line, Owner, Closed, Amount, Stage");
        assertThat(jdbc.sql("select count(*) from sales_transaction where source = :s")
                        .param("s", source)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aTemplateThatMakesOneTransactionIdTwiceQuarantinesBothRowsEachNamingTheOther() throws Exception {
        String source = ImportApiCalls.fresh("deals");
        String yaml = profile(source, "").replace("external_id: Deal", "external_id: {template: \"{Deal}-{Closed}\"}");
        ImportOutcome outcome = load(yaml, CSV.replace("oops", "400.00"));

        assertThat(outcome.summary()).isEqualTo("accepted=3 rejected=2 unchanged=0 skipped=0");
        assertThat(records.quarantine(outcome.importId(), 10))
                .extracting(r -> r.rowNumber() + " " + r.problems().get(0).reason())
                .containsExactly(
                        "4 transaction id D3-2026-03-03 also made by row 5",
                        "5 transaction id D3-2026-03-03 also made by row 4");
    }
}
