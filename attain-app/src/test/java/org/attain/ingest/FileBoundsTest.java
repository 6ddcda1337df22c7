package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.attain.ingest.files.Cells;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file with a cell no spreadsheet holds or a character no table stores: the row waits in quarantine as a
 * short preview with its reason, the rest loads, and the import's page shows it. Uploads that name no file and
 * posts without one are refused with 400.
 */
class FileBoundsTest extends AttainIntegrationTest {

    private static final String HEADER =
            "Opportunity ID,Opportunity Name,Account Name,Opportunity Owner,Close Date,Amount,"
                    + "Currency,Stage,Type,Product Code,Term (Months),Split\n";

    @Autowired
    JdbcClient jdbc;

    private static String row(String id, String name, String amount) {
        return id + "," + name + ",Acme,P00038,1/15/2026,\"" + amount + "\",USD,Closed Won,New Business,,12,\n";
    }

    @Test
    void aHugeCellAndANulAreQuarantinedAsPreviewsWithTheirReasonsAndThePageShowsThem() {
        WebSession admin = login("compadmin", "demo");
        var api = new ImportApiCalls(baseUrl(), admin);
        String source = ImportApiCalls.fresh("cells");
        String profile =
                ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-transactions.profile.yaml"), source);
        String csv = HEADER
                + row("BIG1", "n", "9".repeat(100_000))
                + row("NUL1", "a\u0000b", "1,000.00")
                + row("OK1", "\"\"\"quoted\"\", with comma\"", "1,000.00");

        var done = api.load(profile, "cells.csv", csv);

        assertThat(done.summary()).isEqualTo("accepted=1 rejected=2 unchanged=0");
        assertThat(done.problems())
                .containsExactly(
                        "2 | Amount | " + "9".repeat(Cells.PREVIEW_LENGTH)
                                + "\u2026 | the cell is longer than 32767 characters (the most a "
                                + "spreadsheet cell holds); the row is kept without its cells: fix it in the file and load it again",
                        "3 | Opportunity Name | a\u2400b | the cell contains the character U+0000, which cannot be stored; the row is kept "
                                + "without its cells: fix it in the file and load it again");
        assertThat(api.quarantine(done.id()))
                .allSatisfy(r -> assertThat(r.get("cells")).isNull());
        assertThat(jdbc.sql("select max(length(problems::text)) from ingest_quarantine where import_id = :id")
                        .param("id", done.id())
                        .query(Integer.class)
                        .single())
                .isLessThan(2_000);

        var page = admin.get("/imports/" + done.id());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("the cell is longer than 32767 characters");
        assertThat(admin.get("/imports/" + done.id() + "?lang=de").body())
                .contains("die Zelle ist länger als 32767 Zeichen");
    }

    @Test
    void anUploadNamedSlashIsRefusedWith400NamingTheFile() {
        var api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile =
                ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-transactions.profile.yaml"), "slash");

        var answer = api.start(profile, "/", HEADER.getBytes(StandardCharsets.UTF_8), false);

        assertThat(answer.statusCode()).isEqualTo(400);
        var error = Json.parse(answer.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("file");
        assertThat(error.get("reason").asString())
                .isEqualTo("the file name / names no file; give the upload a name such as deals.csv");
    }

    @Test
    void aPreviewPostedWithoutAFileAnswers400WithThePageSayingSo() {
        var answer = login("compadmin", "demo").postForm("/imports/preview", Map.of("record", "transactions"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Choose a file first.");
    }
}
