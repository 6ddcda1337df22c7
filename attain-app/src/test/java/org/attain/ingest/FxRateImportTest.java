package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.attain.ingest.records.RecordKind;
import org.attain.ingest.records.RecordKinds;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FX rates upsert by (from, to, effective date); a changed rate names the people whose deals it converts. */
class FxRateImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void ratesLoadOnceWithGermanNumbersAndAnUnknownCurrencyGetsTheClosestCode() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String profile = ImportApiCalls.example("fx-rates.profile.yaml");
        String csv = ImportApiCalls.example("fx-rates.csv");

        ImportApiCalls.Done first = api.load(profile, "fx-rates.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=3 rejected=3 unchanged=0");
        assertThat(first.problems())
                .containsExactly(
                        "5 | Von | EURO | bad from currency 'EURO': unknown currency | EUR",
                        "6 | Nach | EUR | a rate converts between two different currencies",
                        "7 | Kurs | 0 | bad rate '0': not a number above zero like 1.234,56");
        assertThat(jdbc.sql(
                                "select rate::text from fx_rate where from_currency = 'EUR' and to_currency = 'USD' and effective_from = '2027-01-01'")
                        .query(String.class)
                        .single())
                .isEqualTo("1.0912000000");
        assertThat(api.load(profile, "fx-rates.csv", csv).summary()).isEqualTo("accepted=0 rejected=3 unchanged=3");
    }

    @Test
    void aChangedRateRecalculatesTheOwnersOfDealsInItsCurrenciesClosedSinceIt() {
        long owner = jdbc.sql(
                        "select owner_id from sales_transaction where currency = 'EUR' and close_date >= '2026-01-01' limit 1")
                .query(Long.class)
                .single();
        var change = new RecordKind.Change(
                2,
                1,
                null,
                Map.of("from_currency", "EUR", "to_currency", "USD", "effective_from", LocalDate.parse("2026-01-01")));

        assertThat(RecordKinds.FX_RATES.impact().people(List.of(change), jdbc)).contains(owner);
        assertThat(RecordKinds.FX_RATES
                        .impact()
                        .people(
                                List.of(new RecordKind.Change(
                                        2,
                                        1,
                                        null,
                                        Map.of(
                                                "from_currency",
                                                "EUR",
                                                "to_currency",
                                                "USD",
                                                "effective_from",
                                                LocalDate.parse("2099-01-01")))),
                                jdbc))
                .isEmpty();
    }
}
