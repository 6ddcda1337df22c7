package org.attain.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Amounts typed into the quota sheet and the adjustment form are read in the page's language, the
 * same way as the what-if: German "123.456,50" and English "123,456.50" are the same amount, and
 * text that is not an amount in that language changes nothing.
 */
class AmountsTypedInThePagesLanguageTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuotaTypedInGermanOrEnglishIsSavedAsTheAmountMeantAndGarbageChangesNothing() {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        long person = someOtherRep();
        BigDecimal original = quota(compAdmin, quarter, person);
        try {
            compAdmin.get("/quotas?lang=de");
            // One row only: Spring would split a lone form value at its comma.
            assertThat(saveQuota(compAdmin, quarter, person, "123.456,50", null))
                    .contains("1 Quote(n) geändert");
            assertThat(quota(compAdmin, quarter, person)).isEqualByComparingTo("123456.50");

            assertThat(saveQuota(compAdmin, quarter, person, "1.2.3", null))
                    .contains("Nichts gespeichert: Zeilen [1] sind keine lesbaren Beträge.");
            assertThat(quota(compAdmin, quarter, person)).isEqualByComparingTo("123456.50");

            compAdmin.get("/quotas?lang=en");
            assertThat(saveQuota(compAdmin, quarter, person, "123,457.25", null))
                    .contains("1 quota(s) changed");
            assertThat(quota(compAdmin, quarter, person)).isEqualByComparingTo("123457.25");
            assertThat(saveQuota(compAdmin, quarter, person, "123.457", null))
                    .contains("Nothing was saved: rows [1] could not be read as amounts.");

            // A quota imported with four decimals is shown with them, and saving the sheet unchanged is no change.
            var api = compAdmin.sendJson(
                    "PUT",
                    "/api/v1/quotas",
                    "{\"rows\":[{\"personId\":" + person + ",\"periodId\":\"" + quarter
                            + "\",\"amount\":\"1000.1234\"}]}");
            assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
            assertThat(compAdmin.get("/quotas?period=" + quarter).body()).contains("value=\"1,000.1234\"");
            assertThat(saveQuota(compAdmin, quarter, person, "1,000.1234", "1,000.1234"))
                    .contains("0 quota(s) changed");
            assertThat(quota(compAdmin, quarter, person)).isEqualByComparingTo("1000.1234");
        } finally {
            if (original != null) {
                compAdmin.sendJson(
                        "PUT",
                        "/api/v1/quotas",
                        "{\"rows\":[{\"personId\":" + person + ",\"periodId\":\"" + quarter + "\",\"amount\":\""
                                + original.toPlainString() + "\"}]}");
            }
        }
    }

    @Test
    void anAdjustmentTypedInGermanOrEnglishIsRecordedAsTheAmountMeantAndAmbiguousTextIsRefused() {
        WebSession compAdmin = login("compadmin", "demo");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        long person = someOtherRep();
        String employeeId = jdbc.sql("select external_id from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();
        String currency = jdbc.sql("select currency from person where id = :p")
                .param("p", person)
                .query(String.class)
                .single();

        compAdmin.get("/adjustments?lang=de");
        var german = compAdmin.postForm(
                "/adjustments",
                Map.of(
                        "employeeId",
                        employeeId,
                        "period",
                        quarter,
                        "amount",
                        "1.234,50",
                        "currency",
                        currency,
                        "reason",
                        "Typed on the German page"));
        assertThat(german.statusCode()).as(german.body()).isEqualTo(302);
        var ambiguous = compAdmin.postForm(
                "/adjustments",
                Map.of(
                        "employeeId",
                        employeeId,
                        "period",
                        quarter,
                        "amount",
                        "50,000",
                        "currency",
                        currency,
                        "reason",
                        "Ambiguous on the German page"));
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        assertThat(ambiguous.body()).contains("Mehr als 2 Nachkommastellen.");

        compAdmin.get("/adjustments?lang=en");
        var english = compAdmin.postForm(
                "/adjustments",
                Map.of(
                        "employeeId",
                        employeeId,
                        "period",
                        quarter,
                        "amount",
                        "-1,234.75",
                        "currency",
                        currency,
                        "reason",
                        "Typed on the English page"));
        assertThat(english.statusCode()).as(english.body()).isEqualTo(302);

        Map<String, BigDecimal> recorded = new LinkedHashMap<>();
        Json.parse(compAdmin.get("/api/v1/adjustments?period=" + quarter).body())
                .forEach(a ->
                        recorded.put(a.get("reason").asString(), a.get("amount").decimalValue()));
        assertThat(recorded.get("Typed on the German page")).isEqualByComparingTo("1234.50");
        assertThat(recorded.get("Typed on the English page")).isEqualByComparingTo("-1234.75");
        assertThat(recorded).doesNotContainKey("Ambiguous on the German page");
    }

    /** Posts the sheet with one row and returns the sheet it redirects to, with the message it shows. */
    private static String saveQuota(WebSession session, String quarter, long person, String amount, String shown) {
        Map<String, String> form =
                new LinkedHashMap<>(Map.of("period", quarter, "personId", Long.toString(person), "amount", amount));
        if (shown != null) {
            form.put("shownAmount", shown);
        }
        var response = session.postForm("/quotas", form);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/quotas?period=" + quarter);
        return session.get("/quotas?period=" + quarter).body();
    }

    private long someOtherRep() {
        return jdbc.sql(
                        "select id from person where role_type = 'REP' and id <> (select person_id from app_user where username = 'rep')"
                                + " order by id desc limit 1")
                .query(Long.class)
                .single();
    }

    private static BigDecimal quota(WebSession session, String quarter, long person) {
        for (JsonNode row :
                Json.parse(session.get("/api/v1/quotas?period=" + quarter).body())) {
            if (row.get("personId").asLong() == person) {
                return row.get("amount") == null || row.get("amount").isNull()
                        ? null
                        : row.get("amount").decimalValue();
            }
        }
        return null;
    }
}
