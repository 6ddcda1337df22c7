package org.attain.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A comp admin names people the way their own systems do, by employee id or e-mail, and never needs
 * Attain's internal ids; a rep cannot learn through those names that someone they may not see exists.
 */
class PeopleNamedByTheirOwnIdsTest extends AttainIntegrationTest {

    private static final String PLAN = """
            id: by-own-ids-%s
            name: By own ids
            currency: USD
            frequency: quarter
            components:
              - {id: commission, kind: rate, rate: "0.05"}
            """;

    @Test
    void aPlanQuotaAndAdjustmentAreSetByEmployeeIdAndEmailWithoutAnyInternalId() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        JsonNode ann = hire(compAdmin, "OWN-A-" + n, "Ann", "ann." + n + "@example.com");
        JsonNode ben = hire(compAdmin, "OWN-B-" + n, "Ben", "ben." + n + "@example.com");
        assertThat(compAdmin
                        .sendYaml("/api/v1/plans?confirm=true", PLAN.formatted(n))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> assigned = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/by-own-ids-" + n + "/assignments",
                "{\"personIds\": [\"OWN-A-%s\", \"BEN.%s@EXAMPLE.COM\"], \"from\": \"2026-10-01\"}".formatted(n, n));
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        JsonNode assignments = Json.parse(assigned.body());
        assertThat(assignments.findValuesAsString("externalId")).containsExactlyInAnyOrder("OWN-A-" + n, "OWN-B-" + n);
        assertThat(assignments.findValuesAsString("email"))
                .contains("ann." + n + "@example.com", "ben." + n + "@example.com");
        assertThat(assignments.findValues("personId").stream()
                        .map(JsonNode::asLong)
                        .toList())
                .containsExactlyInAnyOrder(ann.get("id").asLong(), ben.get("id").asLong());

        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        HttpResponse<String> quota = compAdmin.sendJson(
                "PUT",
                "/api/v1/quotas",
                "{\"rows\": [{\"personId\": \"employee:OWN-A-%s\", \"periodId\": \"%s\", \"amount\": 120000}]}"
                        .formatted(n, quarter));
        assertThat(quota.statusCode()).as(quota.body()).isEqualTo(200);
        JsonNode annsQuota = rowOf(
                Json.parse(compAdmin.get("/api/v1/quotas?period=" + quarter).body()), "OWN-A-" + n);
        assertThat(annsQuota.get("amount").decimalValue()).isEqualByComparingTo("120000");
        assertThat(annsQuota.get("email").asString()).isEqualTo("ann." + n + "@example.com");

        HttpResponse<String> adjusted = compAdmin.sendJson("POST", "/api/v1/adjustments", """
                {"personId": "Ben.%s@Example.com", "period": "%s", "amount": "75.00", "currency": "USD", "reason": "Spiff by e-mail"}""".formatted(n, quarter));
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        JsonNode adjustment = Json.parse(adjusted.body());
        assertThat(adjustment.get("personId").asLong()).isEqualTo(ben.get("id").asLong());
        assertThat(adjustment.get("personExternalId").asString()).isEqualTo("OWN-B-" + n);

        HttpResponse<String> unknown = compAdmin.sendJson(
                "POST",
                "/api/v1/plans/by-own-ids-" + n + "/assignments",
                "{\"personIds\": [\"OWN-A-%s\", \"E9999-%s\"], \"from\": \"2027-04-01\"}".formatted(n, n));
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(unknown.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("personIds[2]");
        assertThat(error.get("reason").asString())
                .isEqualTo("person 'E9999-" + n + "': no one has this id, employee id or e-mail");
        assertThat(Json.parse(compAdmin
                        .get("/api/v1/plans/by-own-ids-" + n + "/assignments")
                        .body()))
                .as("nothing of a refused request is kept")
                .hasSize(2);
    }

    @Test
    void aBulkRowNamingAnUnknownEmployeeIdIsRejectedByRowAndFieldWhileTheOthersLoad() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        hire(compAdmin, "OWN-C-" + n, "Cem", "cem." + n + "@example.com");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();

        HttpResponse<String> bulk =
                compAdmin.sendJson("POST", "/api/v1/quotas/bulk", """
                {"records": [{"person": "OWN-C-%s", "period": "%s", "amount": "80000"},
                             {"person": "NOBODY-%s", "period": "%s", "amount": "80000"},
                             {"person": "CEM.%s@example.com", "period": "%s", "measure": "pipeline", "amount": "5000"}]}""".formatted(n, quarter, n, quarter, n, quarter));
        assertThat(bulk.statusCode()).as(bulk.body()).isLessThan(300);
        JsonNode result = Json.parse(bulk.body());
        assertThat(result.get("accepted").asLong()).isEqualTo(2);
        JsonNode rejection = result.get("rejections").get(0);
        assertThat(rejection.get("rowNumber").asLong()).isEqualTo(2);
        assertThat(rejection.get("problems").get(0).get("column").asString()).isEqualTo("person");
        assertThat(rejection.get("problems").get(0).get("reason").asString()).contains("NOBODY-" + n);
        assertThat(result.get("rejections")).hasSize(1);
    }

    @Test
    void aRepAskingForAnotherRepsEarningsByEmailGetsTheSameNotFoundAsForSomeoneUnknown() {
        WebSession rep = login("rep", "demo");
        JsonNode me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        String quarter = Json.parse(
                        rep.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        JsonNode reps = Json.parse(login("compadmin", "demo")
                        .get("/api/v1/people?role=REP&size=5")
                        .body())
                .get("items");
        String otherEmail = StreamSupport.stream(reps.spliterator(), false)
                .filter(p -> p.get("id").asLong() != me.get("id").asLong())
                .findFirst()
                .orElseThrow()
                .get("email")
                .asString();

        HttpResponse<String> own = rep.get("/api/v1/people/"
                + me.get("email").asString().toUpperCase(Locale.ROOT) + "/earnings?period=" + quarter);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(Json.parse(own.body()).get("personId").asLong())
                .isEqualTo(me.get("id").asLong());

        HttpResponse<String> hidden = rep.get("/api/v1/people/" + otherEmail + "/earnings?period=" + quarter);
        String madeUp = "nobody." + System.nanoTime() + "@example.com";
        HttpResponse<String> unknown = rep.get("/api/v1/people/" + madeUp + "/earnings?period=" + quarter);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.parse(hidden.body()).get("errors").get(0).get("reason").asString())
                .isEqualTo("person '" + otherEmail + "': no one has this id, employee id or e-mail");
        assertThat(hidden.body().replace(otherEmail, "X"))
                .as("nothing tells the two apart but the value itself")
                .isEqualTo(unknown.body().replace(madeUp, "X"));
    }

    @Test
    void aPlainValueThatIsOnePersonsIdAndAnothersEmployeeIdIsRefusedNamingBothUntilAPrefixSaysWhich() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        long dora = hire(compAdmin, "OWN-D-" + n, "Dora", "dora." + n + "@example.com")
                .get("id")
                .asLong();
        // Numeric employee ids are common; this one happens to be Dora's internal id.
        long emil = hire(compAdmin, Long.toString(dora), "Emil", "emil." + n + "@example.com")
                .get("id")
                .asLong();

        HttpResponse<String> ambiguous = compAdmin.get("/api/v1/people/" + dora);
        assertThat(ambiguous.statusCode()).as(ambiguous.body()).isEqualTo(400);
        JsonNode error = Json.parse(ambiguous.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("id");
        assertThat(error.get("reason").asString())
                .startsWith("person '" + dora + "' names 2 people: ")
                .contains("id:" + dora + " (Dora", "id:" + emil + " (Emil", "write id:, employee: or email:");

        assertThat(Json.parse(compAdmin.get("/api/v1/people/id:" + dora).body())
                        .get("id")
                        .asLong())
                .isEqualTo(dora);
        assertThat(Json.parse(compAdmin.get("/api/v1/people/employee:" + dora).body())
                        .get("id")
                        .asLong())
                .isEqualTo(emil);
        assertThat(Json.parse(compAdmin
                                .get("/api/v1/people/email:EMIL." + n + "@example.com")
                                .body())
                        .get("id")
                        .asLong())
                .isEqualTo(emil);

        HttpResponse<String> german =
                compAdmin.get("/api/v1/people/" + dora, java.util.Map.of("Accept-Language", "de-DE"));
        assertThat(Json.parse(german.body()).get("errors").get(0).get("reason").asString())
                .startsWith("Person '" + dora + "' passt auf 2 Personen: ");
    }

    @Test
    void theAdjustmentFormTakesAnEmailAndSaysInTheReadersLanguageWhenNoOneHasIt() {
        WebSession compAdmin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime());
        hire(compAdmin, "OWN-F-" + n, "Fay", "fay." + n + "@example.com");
        String quarter = Json.parse(
                        compAdmin.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();

        compAdmin.get("/adjustments?lang=de");
        HttpResponse<String> unknown = compAdmin.postForm(
                "/adjustments",
                java.util.Map.of(
                        "employeeId",
                        "niemand." + n + "@example.com",
                        "period",
                        quarter,
                        "amount",
                        "10,00",
                        "currency",
                        "USD",
                        "reason",
                        "Unbekannt"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body())
                .contains("Niemand hat diese ID, Personalnummer oder E-Mail-Adresse.", "Personalnummer oder E-Mail");

        compAdmin.get("/adjustments?lang=en");
        HttpResponse<String> byEmail = compAdmin.postForm(
                "/adjustments",
                java.util.Map.of(
                        "employeeId",
                        "FAY." + n + "@example.com",
                        "period",
                        quarter,
                        "amount",
                        "25.00",
                        "currency",
                        "USD",
                        "reason",
                        "Form by e-mail " + n));
        assertThat(byEmail.statusCode()).as(byEmail.body()).isEqualTo(302);
        JsonNode recorded = StreamSupport.stream(
                        Json.parse(compAdmin
                                        .get("/api/v1/adjustments?period=" + quarter)
                                        .body())
                                .spliterator(),
                        false)
                .filter(a -> a.get("reason").asString().equals("Form by e-mail " + n))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.get("personExternalId").asString()).isEqualTo("OWN-F-" + n);
        assertThat(compAdmin.get("/adjustments").body()).contains("Employee id or e-mail");
    }

    private static JsonNode hire(WebSession compAdmin, String employeeId, String first, String email) {
        HttpResponse<String> created =
                compAdmin.sendJson("POST", "/api/v1/people", """
                {"externalId": "%s", "firstName": "%s", "lastName": "Own", "email": "%s",
                 "title": "Account Executive", "roleType": "REP", "employmentStart": "2026-01-01"}""".formatted(employeeId, first, email));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body());
    }

    private static JsonNode rowOf(JsonNode rows, String employeeId) {
        List<JsonNode> found = StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> employeeId.equals(r.get("externalId").asString()))
                .toList();
        assertThat(found).as("quota row of %s", employeeId).hasSize(1);
        return found.get(0);
    }
}
