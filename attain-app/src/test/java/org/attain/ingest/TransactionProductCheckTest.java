package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transaction files name products by catalogue code or name; anything else is rejected with the closest product. */
class TransactionProductCheckTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProductNotInTheCatalogueIsRejectedWithTheClosestOneAndAProductNameIsStoredAsItsCode() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));
        String source = ImportApiCalls.fresh("crm");
        String profile =
                ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-transactions.profile.yaml"), source);
        String csv = ImportApiCalls.example("crm-transactions.csv")
                .replace(
                        "48,000.00\",USD,Closed Won,New Business,PLT-PRO",
                        "48,000.00\",USD,Closed Won,New Business,Premium-Support")
                .replace(
                        "12,500.00\",USD,Closed Won,Existing Business - Upsell,ADD-ANL",
                        "12,500.00\",USD,Closed Won,Existing Business - Upsell,Advanced Analytics");

        ImportApiCalls.Done done = api.load(profile, "crm-transactions.csv", csv);

        assertThat(done.summary()).isEqualTo("accepted=19 rejected=7 unchanged=0");
        assertThat(done.problems())
                .contains("2 | Product Code | Premium-Support | unknown product 'Premium-Support' "
                        + "(matched by product code or name) | Premium Support");
        assertThat(jdbc.sql(
                                "select product_code from sales_transaction where source = :s and external_id = '006A000002'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("ADD-ANL");
    }
}
