package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A survey's results exported as CSV hold exactly what the results page shows the same viewer: one row per group,
 * the numbers of a shown group, and for a hidden one its reason with every number left empty.
 */
class PulseResultsCsvTest extends AttainIntegrationTest {

    @Test
    void theCsvHoldsTheShownGroupsNumbersAndOnlyTheReasonOfHiddenOnes() {
        WebSession admin = login("admin", "demo");
        long survey = autumn(admin);
        JsonNode groups = Json.parse(admin.get("/api/v1/pulse/surveys/" + survey + "/results")
                        .body())
                .get("groups");
        HttpResponse<String> csv = admin.get("/api/v1/pulse/surveys/" + survey + "/results.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> rows = parse(csv.body());
        assertThat(rows).hasSize(groups.size());
        int hidden = 0;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            JsonNode g = groups.get(i);
            assertThat(row.get("group")).isEqualTo(g.get("name").asString());
            assertThat(row.get("shown")).isEqualTo(String.valueOf(g.get("shown").asBoolean()));
            if (g.get("shown").asBoolean()) {
                assertThat(row.get("enps")).isEqualTo(g.get("enps").asString());
                assertThat(row.get("promoters"))
                        .isEqualTo(g.get("tally").get("promoters").asString());
                assertThat(row.get("detractors"))
                        .isEqualTo(g.get("tally").get("detractors").asString());
                assertThat(row.get("response_percent"))
                        .isEqualTo(g.get("responsePercent").asString());
            } else {
                hidden++;
                assertThat(row.get("hidden_reason")).isEqualTo(g.get("reason").asString());
                for (String number :
                        List.of("answers", "promoters", "passives", "detractors", "enps", "response_percent")) {
                    assertThat(row.get(number)).as(number).isEmpty();
                }
            }
        }
        assertThat(hidden).isPositive();
        // The results page links to it.
        assertThat(admin.get("/pulse/surveys/" + survey).body())
                .contains("/api/v1/pulse/surveys/" + survey + "/results.csv")
                .contains("Results as CSV");
    }

    @Test
    void aManagerExportsOnlyTheirGroupsAndARepNothing() {
        WebSession admin = login("admin", "demo");
        long survey = autumn(admin);
        WebSession manager = login("manager", "demo");
        HttpResponse<String> json = manager.get("/api/v1/pulse/surveys/" + survey + "/results");
        HttpResponse<String> csv = manager.get("/api/v1/pulse/surveys/" + survey + "/results.csv");
        assertThat(csv.statusCode()).isEqualTo(json.statusCode());
        if (json.statusCode() == 200) {
            assertThat(parse(csv.body()))
                    .hasSize(Json.parse(json.body()).get("groups").size())
                    .noneMatch(r -> r.get("kind").equals("ALL"));
        }
        assertThat(login("rep", "demo")
                        .get("/api/v1/pulse/surveys/" + survey + "/results.csv")
                        .statusCode())
                .isEqualTo(404);
    }

    private static long autumn(WebSession admin) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode s : Json.parse(admin.get("/api/v1/pulse/surveys").body())) {
            if (s.get("title").asString().equals("Pulse – autumn")) {
                ids.add(s.get("id").asLong());
            }
        }
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static List<CSVRecord> parse(String body) {
        try {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(new StringReader(body))
                    .getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
