package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attain.ingest.ImportApiCalls;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * German everywhere (issue 21.6) for the importers besides transactions: a quota file whose every row is wrong
 * (an unknown person, a bad amount, a negative quota, an unknown currency, no quarter) is quarantined, nothing
 * loads, and the import page says each reason in the reader's language while the API keeps the English reason.
 */
class QuarantineReasonsInGermanTest extends AttainIntegrationTest {

    @Test
    void aQuotaFilesReasonsAreGermanOnAGermanPage() {
        WebSession compadmin = login("compadmin", "demo");
        ImportApiCalls imports = new ImportApiCalls(baseUrl(), compadmin);
        String quarter = TODAY.getYear() + "-Q" + ((TODAY.getMonthValue() - 1) / 3 + 1);
        String csv = """
                Rep,Quarter,Quota,Currency
                P99999,%1$s,"150,000.00",EUR
                P00124,%1$s,12k,EUR
                P00124,%1$s,"-5.00",EUR
                P00124,%1$s,"150,000.00",XYZ
                P00124,,"150,000.00",EUR
                """.formatted(quarter);
        String profile = ImportApiCalls.withFreshSource(
                ImportApiCalls.example("quotas.profile.yaml"), ImportApiCalls.fresh("de"));
        ImportApiCalls.Done done = imports.load(profile, "quotas.csv", csv);
        assertThat(done.summary()).isEqualTo("accepted=0 rejected=5 unchanged=0");
        // The API keeps the reasons as written (English, stable for clients).
        assertThat(done.problems())
                .anyMatch(p -> p.contains("unknown person 'P99999'"))
                .anyMatch(p -> p.contains("bad amount '12k': not a number like"))
                .anyMatch(p -> p.contains("a quota cannot be negative"))
                .anyMatch(p -> p.contains("bad currency 'XYZ': unknown currency"))
                .anyMatch(p -> p.contains("missing period"));

        String german = GermanEverywhereTest.visibleText(compadmin
                        .get("/imports/" + done.id(), Map.of("Accept-Language", "de"))
                        .body())
                .replace('\u00a0', ' ');
        assertThat(german)
                .contains("unbekannter Wert in Rep: „P99999“")
                .contains("ungültige Zahl in Quota: „12k“ ist keine Zahl wie 1,234.56")
                .contains("eine Quote kann nicht negativ sein")
                .contains("ungültige Währung in Currency: „XYZ“ ist keine bekannte Währung")
                .contains("Quarter fehlt");
        assertThat(GermanEverywhereTest.englishOn(
                        "import " + done.id(),
                        compadmin
                                .get("/imports/" + done.id(), Map.of("Accept-Language", "de"))
                                .body()))
                .isEmpty();

        String english = GermanEverywhereTest.visibleText(compadmin
                .get("/imports/" + done.id(), Map.of("Accept-Language", "en"))
                .body());
        assertThat(english)
                .contains("unknown Rep 'P99999'")
                .contains("a quota cannot be negative")
                .contains("missing Quarter");
    }
}
