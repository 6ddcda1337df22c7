package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The product catalogue, then the pipeline that names its products and the activities that name
 * its opportunities: each loads once, rejects what it cannot resolve with the closest known value,
 * and a product fixed to its catalogue name is stored by its code.
 */
class PipelineImportTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void productsThenOpportunitiesThenActivitiesEachLoadOnceWithSuggestionsForUnknownReferences() {
        ImportApiCalls api = new ImportApiCalls(baseUrl(), login("compadmin", "demo"));

        String productProfile = ImportApiCalls.example("products.profile.yaml");
        String products = ImportApiCalls.example("products.csv");
        ImportApiCalls.Done catalogue = api.load(productProfile, "products.csv", products);
        assertThat(catalogue.summary()).isEqualTo("accepted=3 rejected=2 unchanged=0");
        assertThat(catalogue.problems())
                .containsExactly(
                        "5 | Product Name |  | missing name",
                        "6 | Product Code | ADD-SEC | ADD-SEC appears more than once in the file; row 3 is loaded, fix this one in the"
                                + " file and load it again");
        assertThat(api.load(productProfile, "products.csv", products).summary())
                .isEqualTo("accepted=0 rejected=2 unchanged=3");

        String source = ImportApiCalls.fresh("crm");
        String opportunityProfile =
                ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-opportunities.profile.yaml"), source);
        String opportunities = ImportApiCalls.example("crm-opportunities.csv");
        ImportApiCalls.Done pipeline = api.load(opportunityProfile, "crm-opportunities.csv", opportunities);
        assertThat(pipeline.summary()).isEqualTo("accepted=4 rejected=4 unchanged=0");
        assertThat(pipeline.problems())
                .containsExactly(
                        "6 | Product | Premium-Plan | unknown product 'Premium-Plan' | Premium Plan",
                        "7 | Amount | 12k | bad amount '12k': not a number like 1,234.56",
                        "8 | Opportunity Owner | Ethan Adms | unknown owner 'Ethan Adms' (matched by employee id or email or name)"
                                + " | Ethan Adams (P00036)",
                        "9 | Close Date | 11/30/2026 | close date 2026-11-30 is before the creation date 2026-12-01");
        assertThat(jdbc.sql(
                                "select product_code || ' ' || probability from opportunity where source = :s and external_id = '006P000002'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("ADD-ANL 0.8000");
        assertThat(api.load(opportunityProfile, "crm-opportunities.csv", opportunities)
                        .summary())
                .isEqualTo("accepted=0 rejected=4 unchanged=4");

        long premiumRow = api.quarantine(pipeline.id()).get(0).get("id").asLong();
        api.fix(pipeline.id(), premiumRow, "{\"Product\":\"Premium Plan\"}");
        assertThat(api.replay(pipeline.id()).summary()).isEqualTo("accepted=1 rejected=3 unchanged=0");
        assertThat(jdbc.sql("select product_code from opportunity where source = :s and external_id = '006P000005'")
                        .param("s", source)
                        .query(String.class)
                        .single())
                .isEqualTo("PLT-PRM");

        String activityProfile =
                ImportApiCalls.withFreshSource(ImportApiCalls.example("crm-activities.profile.yaml"), source);
        String activities = ImportApiCalls.example("crm-activities.csv");
        ImportApiCalls.Done logged = api.load(activityProfile, "crm-activities.csv", activities);
        assertThat(logged.summary()).isEqualTo("accepted=4 rejected=4 unchanged=0");
        assertThat(logged.problems())
                .containsExactly(
                        "6 | Type | Lunch | bad kind 'Lunch': expected one of CALL, EMAIL, MEETING, WEBINAR",
                        "7 | Date | yesterday | bad occurred at 'yesterday': expected date and time, ISO 2026-03-05T14:30:00Z, or a date",
                        "8 | Assigned To | Lauren Philips | unknown person 'Lauren Philips' (matched by employee id or email or name)"
                                + " | Lauren Phillips (P00038)",
                        "9 | Opportunity ID | 006P999999 | unknown opportunity '006P999999'");
        assertThat(jdbc.sql("""
                select a.kind || ' ' || (a.occurred_at at time zone 'UTC') || ' ' || o.external_id from activity a join opportunity o on o.id = a.opportunity_id
                where a.source = :s and a.external_id = '00TA000001'""").param("s", source).query(String.class).single())
                .isEqualTo("CALL 2026-11-02 09:30:00 006P000001");
        assertThat(api.load(activityProfile, "crm-activities.csv", activities).summary())
                .isEqualTo("accepted=0 rejected=4 unchanged=4");
    }
}
