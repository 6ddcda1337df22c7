package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 1 on the demo company: a formula board is exactly bookings + 1000 * meetings per rep, a
 * pipeline-created board sums what each rep created in the quarter, and a metric that does not exist or a
 * formula that does not compile (or names no metric) is refused naming its field, on boards and contests.
 */
class GameMetricsTest extends AttainIntegrationTest {

    static String quarter(WebSession s) {
        return Json.parse(s.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
    }

    static long board(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/boards", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    static Map<String, BigDecimal> values(WebSession s, long board) {
        Map<String, BigDecimal> out = new HashMap<>();
        Json.parse(s.get("/api/v1/game/boards/" + board).body())
                .get("rows")
                .forEach(r -> out.put(r.get("key").asString(), r.get("value").decimalValue()));
        return out;
    }

    static List<String> fields(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        Json.parse(r.body()).get("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }

    @Test
    void aFormulaBoardIsBookingsPlusAThousandTimesMeetingsForEveryRep() {
        WebSession admin = login("compadmin", "demo");
        String q = quarter(admin);
        Map<String, BigDecimal> bookings = values(admin, board(admin, """
                {"name":"Bookings","metric":"BOOKINGS","period":"%s"}""".formatted(q)));
        Map<String, BigDecimal> meetings = values(admin, board(admin, """
                {"name":"Meetings","metric":"MEETINGS","period":"%s"}""".formatted(q)));
        long formula = board(admin, """
                {"name":"Blended","metric":"FORMULA","formula":"bookings + 1000 * meetings","period":"%s"}""".formatted(q));
        JsonNode view = Json.parse(admin.get("/api/v1/game/boards/" + formula).body());
        assertThat(view.get("board").get("formula").asString()).isEqualTo("bookings + 1000 * meetings");
        Map<String, BigDecimal> blended = values(admin, formula);
        assertThat(blended).hasSameSizeAs(bookings).isNotEmpty();
        int withBoth = 0;
        for (Map.Entry<String, BigDecimal> e : blended.entrySet()) {
            BigDecimal b = bookings.get(e.getKey());
            BigDecimal m = meetings.get(e.getKey());
            assertThat(e.getValue()).as(e.getKey()).isEqualByComparingTo(b.add(m.multiply(BigDecimal.valueOf(1000))));
            if (b.signum() > 0 && m.signum() > 0) {
                withBoth++;
            }
        }
        assertThat(withBoth).as("reps with both bookings and meetings").isPositive();
    }

    @Test
    void aPipelineCreatedBoardSumsTheOpportunitiesEachRepCreatedInTheQuarter() {
        WebSession admin = login("compadmin", "demo");
        String q = quarter(admin);
        long b = board(admin, """
                {"name":"New pipeline","metric":"PIPELINE_CREATED","period":"%s"}""".formatted(q));
        Map<String, BigDecimal> created = values(admin, b);
        assertThat(created.values().stream().filter(v -> v.signum() > 0)).isNotEmpty();
        Map<String, BigDecimal> open = values(admin, board(admin, """
                {"name":"Open pipeline","metric":"PIPELINE","period":"%s"}""".formatted(q)));
        assertThat(created).as("a different measure than the pipeline open now").isNotEqualTo(open);
    }

    @Test
    void anUnknownMetricOrAFormulaThatDoesNotCompileIsRefusedNamingTheField() {
        WebSession admin = login("compadmin", "demo");
        String q = quarter(admin);
        HttpResponse<String> unknown = admin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"x","metric":"HANDSHAKES","period":"%s"}""".formatted(q));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(fields(unknown)).containsExactly("metric");

        HttpResponse<String> names = admin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"x","metric":"FORMULA","formula":"bookings + 2 * handshakes","period":"%s"}""".formatted(q));
        assertThat(names.statusCode()).isEqualTo(400);
        assertThat(fields(names)).containsExactly("formula");
        assertThat(names.body()).contains("handshakes").contains("pipeline_created");

        HttpResponse<String> syntax = admin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"x","metric":"FORMULA","formula":"bookings +* 2","period":"%s"}""".formatted(q));
        assertThat(fields(syntax)).containsExactly("formula");
        assertThat(syntax.body()).contains("does not compile at line 1");

        HttpResponse<String> condition = admin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"x","metric":"FORMULA","formula":"calls > 3","period":"%s"}""".formatted(q));
        assertThat(fields(condition)).containsExactly("formula");

        HttpResponse<String> missing = admin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"x","metric":"FORMULA","period":"%s"}""".formatted(q));
        assertThat(fields(missing)).containsExactly("formula");

        JsonNode me = Json.parse(admin.get("/api/v1/me").body()).get("person");
        HttpResponse<String> contest = admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Per period only","kind":"CLASSIC","metric":"FORMULA","formula":"attainment * 2",
                 "startsOn":"%s","endsOn":"%s","participants":["%s"]}""".formatted(
                        TODAY.minusDays(7), TODAY, me.get("externalId").asString()));
        assertThat(contest.statusCode()).isEqualTo(400);
        assertThat(fields(contest)).containsExactly("formula");
    }

    @Test
    void aFormulaContestRanksByTheFormulaOverTheContest() {
        WebSession admin = login("compadmin", "demo");
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        HttpResponse<String> created = admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Calls per meeting","kind":"CLASSIC","metric":"FORMULA","formula":"calls + 10 * meetings",
                 "startsOn":"%s","endsOn":"%s","participants":["%s"]}""".formatted(
                TODAY.minusDays(30), TODAY.minusDays(1), me.get("externalId").asString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Json.parse(created.body()).get("id").asLong();
        JsonNode place = Json.parse(admin.get("/api/v1/game/contests/" + id).body())
                .get("places")
                .get(0);
        HttpResponse<String> calls = admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Calls","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":["%s"]}""".formatted(
                TODAY.minusDays(30), TODAY.minusDays(1), me.get("externalId").asString()));
        HttpResponse<String> meetings = admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Meetings","kind":"CLASSIC","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","participants":["%s"]}""".formatted(
                TODAY.minusDays(30), TODAY.minusDays(1), me.get("externalId").asString()));
        BigDecimal c = Json.parse(admin.get("/api/v1/game/contests/"
                                + Json.parse(calls.body()).get("id").asLong())
                        .body())
                .get("places")
                .get(0)
                .get("value")
                .decimalValue();
        BigDecimal m = Json.parse(admin.get("/api/v1/game/contests/"
                                + Json.parse(meetings.body()).get("id").asLong())
                        .body())
                .get("places")
                .get(0)
                .get("value")
                .decimalValue();
        assertThat(place.get("value").decimalValue()).isEqualByComparingTo(c.add(m.multiply(BigDecimal.TEN)));
    }
}
