package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;

/**
 * A comp admin sees on the import's page and in the list of imports how many rows the profile's
 * filters left out, in English and in German.
 */
class SkippedRowsPageBrowserTest extends AttainIntegrationTest {

    private static final String CSV = """
            Deal,Owner,Closed,Amount,Stage
            S1,P00038,2026-03-01,100.00,Closed Won
            S2,P00038,2026-03-02,200.00,Negotiation
            S3,P00039,2026-03-03,300.00,Prospecting
            S4,P00039,2026-03-04,12k,Closed Won
            """;

    @Test
    void theImportPageAndTheListShowTheSkippedRowsInBothLanguages() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        ImportApiCalls.Done done = api.load("""
                source: %s
                filter: {column: Stage, equals: Closed Won}
                columns: {external_id: Deal, owner: Owner, close_date: Closed, amount: Amount, currency: {constant: USD}}
                """.formatted(ImportApiCalls.fresh("page")), "deals.csv", CSV);
        assertThat(done.summary()).isEqualTo("accepted=1 rejected=1 unchanged=0");

        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.logIn("compadmin", "demo").open("/imports/" + done.id());
            assertThat(browser.text(".summary")).isEqualTo("accepted=1 rejected=1 unchanged=0 skipped=2");
            assertThat(browser.text(".skipped"))
                    .isEqualTo("2 rows left out by the profile's filters (not quarantined).");
            browser.screenshot("import-skipped-en");
            browser.open("/imports");
            assertThat(browser.text("thead")).containsIgnoringCase("Skipped");
        }
        try (Browser browser = new Browser(baseUrl(), "de")) {
            browser.logIn("compadmin", "demo").open("/imports/" + done.id() + "?lang=de");
            assertThat(browser.text(".skipped"))
                    .isEqualTo("2 Zeilen von den Filtern des Profils ausgelassen (nicht in Quarantäne).");
            browser.screenshot("import-skipped-de");
            browser.open("/imports?lang=de");
            assertThat(browser.text("thead")).containsIgnoringCase("Übersprungen");
        }
    }
}
