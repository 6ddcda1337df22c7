package org.attain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Real time after a file import (issue 21, point 9): the 20-row example export recalculates its deals' people
 * in a run of their own first, then their managers' roll-up; the import page says since when the numbers are
 * current and links the run, in English and German.
 */
class ImportRecalculationTest extends AttainIntegrationTest {

    @Test
    void aTwentyRowImportRecalculatesItsDealsPeopleFirstThenTheirManagersAndThePageSaysSinceWhenNumbersAreCurrent() {
        WebSession compadmin = login("compadmin", "demo");
        var api = new ImportApiCalls(baseUrl(), compadmin);
        var done = api.load(
                ImportApiCalls.withFreshSource(
                        ImportApiCalls.example("crm-transactions.profile.yaml"), ImportApiCalls.fresh("recalc")),
                "crm-transactions.csv",
                ImportApiCalls.example("crm-transactions.csv"));
        assertThat(done.summary()).startsWith("accepted=20 rejected=6");

        List<JsonNode> runs = new ArrayList<>();
        Json.parse(compadmin.get("/api/v1/calc/runs").body()).forEach(r -> {
            if (r.get("trigger").asString().startsWith("import " + done.id() + " ")) {
                runs.add(r);
            }
        });
        runs.sort((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()));
        assertThat(runs)
                .extracting(r -> r.get("trigger").asString())
                .containsExactly(
                        "import " + done.id() + " of transactions",
                        "import " + done.id() + " of transactions (managers' roll-up)");
        assertThat(runs).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("DONE"));
        int owners = runs.get(0).get("total").asInt();
        int managers = runs.get(1).get("total").asInt();
        assertThat(owners).isPositive();
        assertThat(managers).isPositive();

        String en = compadmin.get("/imports/" + done.id() + "?lang=en").body();
        assertThat(en)
                .contains("Numbers current since")
                .contains((owners + managers) + " people recalculated in")
                .contains("/runs/" + runs.get(1).get("id").asLong());
        String de = compadmin.get("/imports/" + done.id() + "?lang=de").body();
        assertThat(de).contains("Zahlen aktuell seit").contains((owners + managers) + " Personen in");
        compadmin.get("/imports?lang=en");
    }
}
