package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Names that are markup or spreadsheet formulas (a territory, a hierarchy, a person, a plan) are stored as typed,
 * shown escaped on every page that names them, and neutralised in CSV exports (a leading quote), so nothing runs in
 * a browser or a spreadsheet.
 */
class NameInjectionTest extends AttainIntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String BREAKER = "\"><img src=x onerror=alert(2)>";
    static final java.util.regex.Pattern DATA_BLOCK =
            java.util.regex.Pattern.compile("(?s)<script type=\"application/json\"[^>]*>(.*?)</script>");
    static final String NAME = "=HYPERLINK(\"http://x\",\"y\")" + SCRIPT + BREAKER;

    @Test
    void markupAndFormulasInNamesAreStoredAsTextShownEscapedAndNeutralisedInExports() {
        WebSession admin = login("compadmin", "demo");
        String n = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);

        var hierarchy = admin.sendJson(
                "POST",
                "/api/v1/territories/hierarchies",
                "{\"code\": \"XSS-" + n + "\", \"name\": " + json(NAME) + "}");
        assertThat(hierarchy.statusCode()).as(hierarchy.body()).isEqualTo(201);
        long hierarchyId = Json.parse(hierarchy.body()).get("id").asLong();
        var territory = admin.sendJson(
                "POST",
                "/api/v1/territories",
                "{\"hierarchy\": \"XSS-" + n + "\", \"code\": \"T-" + n + "\", \"name\": " + json(NAME)
                        + ", \"level\": \"AREA\", \"validFrom\": \"2026-01-01\"}");
        assertThat(territory.statusCode()).as(territory.body()).isIn(200, 201);
        long territoryId = Json.parse(territory.body()).get("id").asLong();

        var person = admin.sendJson(
                "POST",
                "/api/v1/people",
                "{\"externalId\": \"XSS-" + n + "\", \"firstName\": " + json("=1+1" + BREAKER) + ", \"lastName\": "
                        + json(SCRIPT) + ", \"email\": \"xss-" + n.toLowerCase(java.util.Locale.ROOT)
                        + "@example.com\", \"title\": " + json("@SUM(A1)" + SCRIPT)
                        + ", \"roleType\": \"OVERLAY\", \"employmentStart\": \"2026-01-01\"}");
        assertThat(person.statusCode()).as(person.body()).isIn(200, 201);
        long personId = Json.parse(person.body()).get("id").asLong();

        String planKey = "xss-" + n.toLowerCase(java.util.Locale.ROOT);
        var plan = admin.sendYaml(
                "/api/v1/plans?confirm=true",
                "id: " + planKey + "\nname: " + json(NAME) + "\ncurrency: USD\nfrequency: quarter\n"
                        + "components:\n  - {id: commission, kind: rate, rate: \"0.05\"}\n");
        assertThat(plan.statusCode()).as(plan.body()).isIn(200, 201);

        for (String page : List.of(
                "/territories?hierarchy=" + hierarchyId,
                "/territories/" + territoryId,
                "/people/" + personId,
                "/people",
                "/plans",
                "/plans/" + planKey)) {
            HttpResponse<String> answer = admin.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(200);
            // Charts read their data from JSON blocks; there "</" is written "<\/", so the block cannot be left.
            String data = String.join(
                    "",
                    DATA_BLOCK
                            .matcher(answer.body())
                            .results()
                            .map(m -> m.group(1))
                            .toList());
            assertThat(data).as(page).doesNotContain("</");
            assertThat(DATA_BLOCK.matcher(answer.body()).replaceAll(""))
                    .as(page)
                    .doesNotContain(SCRIPT)
                    .doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }

        String csv = admin.get("/territories/export/territories.csv?hierarchy=XSS-" + n)
                .body();
        assertThat(csv).contains("T-" + n + ",\"'=HYPERLINK(");
        assertThat(csv).doesNotContain(",\"=HYPERLINK(").doesNotContain(",=HYPERLINK(");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
