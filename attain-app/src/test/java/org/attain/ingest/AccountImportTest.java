package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Accounts upsert by (source, external id); fields a file does not carry keep what is stored; a quarantined row
 * fixed in place loads on replay.
 */
class AccountImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void accountsLoadOnceAndAFixedCountryLoadsOnReplay() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        String profile = ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-accounts.profile.yaml"), source);
        String csv = ImportApiCalls.example("crm-accounts.csv");

        ImportApiCalls.Done first = api.load(profile, "crm-accounts.csv", csv);

        assertThat(first.summary()).isEqualTo("accepted=4 rejected=3 unchanged=0");
        assertThat(first.problems())
                .containsExactly(
                        "6 | Billing Country | Germani | bad country 'Germani': not a country: an ISO code such as DE, or the country's "
                                + "English or German name | Germany",
                        "7 | Employees | 1.5k | bad employees '1.5k': expected whole number",
                        "8 | Account Owner | Theresa Wagnr | unknown owner 'Theresa Wagnr' (matched by employee id or email or name)"
                                + " | Theresa Wagner (P00039)");
        assertThat(jdbc.sql(
                                "select size_band || ' ' || employees || ' ' || country from account where source = :s and external_id = '001C000101'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("ENTERPRISE 4200 DE");
        // a country named in German is stored as its ISO code
        assertThat(jdbc.sql("select country from account where source = :s and external_id = '001C000102'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("AT");
        assertThat(api.load(profile, "crm-accounts.csv", csv).summary()).isEqualTo("accepted=0 rejected=3 unchanged=4");

        // Fields the file does not carry at all (postal code, potential) keep what is stored, whether the row is
        // unchanged or changed: a CRM export of some columns never wipes the others.
        jdbc.sql("update account set postal_code = '10115', potential = 250000, potential_currency = 'EUR'"
                        + " where source = :s and external_id = '001C000101'")
                .param("s", source)
                .update();
        assertThat(api.load(profile, "crm-accounts.csv", csv).summary()).isEqualTo("accepted=0 rejected=3 unchanged=4");
        assertThat(api.load(profile, "crm-accounts.csv", csv.replace("\"4,200\"", "\"4,300\""))
                        .summary())
                .isEqualTo("accepted=1 rejected=3 unchanged=3");
        assertThat(jdbc.sql(
                                "select employees || ' ' || postal_code || ' ' || potential::int || ' ' || potential_currency"
                                        + " from account where source = :s and external_id = '001C000101'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("4300 10115 250000 EUR");

        JsonNode germany = api.quarantine(first.id()).get(0);
        assertThat(api.fix(first.id(), germany.get("id").asLong(), "{\"Billing Country\":\"Deutschland\"}")
                        .statusCode())
                .isEqualTo(200);
        ImportApiCalls.Done replay = api.replay(first.id());

        assertThat(replay.summary()).isEqualTo("accepted=1 rejected=2 unchanged=0");
        assertThat(jdbc.sql("select country from account where source = :s and external_id = '001C000105'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("DE");
    }
}
