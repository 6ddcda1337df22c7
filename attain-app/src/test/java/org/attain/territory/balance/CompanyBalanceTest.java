package org.attain.territory.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Balancing the demo company's own territories over real HTTP: a run built from the SALES hierarchy on the pinned
 * day finishes with before and after for every territory and keeps the band's promise (golden case
 * territory-01-balance's logic: every territory within the band, or an honest "no plan within the band" with how close
 * it got); named and locked accounts never move; accepted moves land in their new territory from the chosen day and
 * not before; bad input and a day in a closed period are refused naming the field.
 */
class CompanyBalanceTest extends AttainIntegrationTest {

    private static final String JOBS = "/api/v1/territories/balance/jobs";

    @Test
    void territory01BalanceLogicHoldsForTheDemoCompanyAndAcceptedMovesLandFromTheirDay() {
        WebSession admin = login("compadmin", "demo");
        long hierarchy = hierarchyId(admin);
        JsonNode assignmentsToday =
                Json.parse(admin.get("/api/v1/territories/assignments?date=" + TODAY + "&hierarchy=SALES")
                        .body());
        // Lock one account of the biggest commercial territory the planner's way.
        String options = """
                {"hierarchyId":%d,"day":"%s","metrics":[{"name":"potential"},{"name":"accounts","weight":0.5}],
                 "band":0.10,"disruptionWeight":1,"timeLimitSeconds":8,"lockedAccounts":[%s],"wholeHierarchy":true}""";
        JsonNode firstContext = null;
        long probe = started(admin, options.formatted(hierarchy, TODAY, ""));
        JsonNode probeDone = finished(admin, probe);
        firstContext = Json.parse(admin.get(JOBS + "/" + probe + "/context").body());
        String lockedKey = null;
        for (JsonNode move : probeDone.get("result").get("moves")) {
            lockedKey = move.get("account").asString();
            break;
        }
        assertThat(lockedKey).as("the first run proposes moves to lock one of").isNotNull();

        long id = started(admin, options.formatted(hierarchy, TODAY, "\"" + lockedKey + "\""));
        JsonNode job = finished(admin, id);
        JsonNode context = Json.parse(admin.get(JOBS + "/" + id + "/context").body());
        JsonNode result = job.get("result");

        // Before and after for every territory of the run, for every chosen metric.
        Set<String> territories = new HashSet<>();
        context.get("territories").propertyNames().forEach(territories::add);
        assertThat(territories).hasSizeGreaterThan(5);
        Set<String> reported = new HashSet<>();
        for (JsonNode t : result.get("territories")) {
            reported.add(t.get("territory").asString());
            assertThat(t.get("before").has("potential")).isTrue();
            assertThat(t.get("after").has("potential")).isTrue();
            assertThat(t.get("before").has("accounts")).isTrue();
        }
        assertThat(reported).isEqualTo(territories);
        assertThat(result.get("assignment").size())
                .isEqualTo(context.get("accounts").size());

        // The band: feasible means every territory's totals lie within [low, high]; otherwise the run says how close.
        Map<String, BigDecimal[]> band = new HashMap<>();
        for (JsonNode b : result.get("bands")) {
            band.put(
                    b.get("metric").asString(),
                    new BigDecimal[] {b.get("low").decimalValue(), b.get("high").decimalValue()});
        }
        boolean allWithin = true;
        for (JsonNode t : result.get("territories")) {
            for (String metric : band.keySet()) {
                BigDecimal after = t.get("after").get(metric).decimalValue();
                boolean within = after.compareTo(band.get(metric)[0]) >= 0 && after.compareTo(band.get(metric)[1]) <= 0;
                allWithin &= within;
            }
        }
        assertThat(result.get("feasible").asBoolean()).isEqualTo(allWithin);
        if (!allWithin) {
            assertThat(result.get("closest")).isNotEmpty();
            assertThat(result.get("reasons")).isNotEmpty();
        }

        // Named accounts (Germany Strategic Accounts) and the locked one never move.
        Set<String> moved = new HashSet<>();
        result.get("moves").forEach(m -> moved.add(m.get("account").asString()));
        List<String> named = new ArrayList<>();
        context.get("named").forEach(n -> named.add(n.asString()));
        assertThat(named).hasSize(6);
        assertThat(moved).doesNotContainAnyElementsOf(named).doesNotContain(lockedKey);
        assertThat(context.get("locked").get(0).asString()).isEqualTo(lockedKey);
        assertThat(result.get("assignment").get(lockedKey).asString())
                .isEqualTo(
                        context.get("accounts").get(lockedKey).get("territory").asString());
        assertThat(moved).isNotEmpty();
        assertThat(firstContext.get("accounts").size())
                .isEqualTo(context.get("accounts").size());

        // Accept two moves from the first day of a month a year ahead: they land there from that day, not before.
        List<JsonNode> two = new ArrayList<>();
        result.get("moves").forEach(m -> {
            if (two.size() < 2) {
                two.add(m);
            }
        });
        LocalDate from = openFirstOfMonth(admin, TODAY.plusYears(1).withDayOfMonth(1));
        HttpResponse<String> accepted = admin.sendJson(
                "POST",
                JOBS + "/" + id + "/accept",
                "{\"moves\":[\"" + two.get(0).get("account").asString() + "\",\""
                        + two.get(1).get("account").asString() + "\"],\"effectiveFrom\":\"" + from + "\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Map<Long, Long> before = territoryOf(admin, from.minusDays(1));
        Map<Long, Long> after = territoryOf(admin, from);
        for (JsonNode move : two) {
            JsonNode account = context.get("accounts").get(move.get("account").asString());
            long accountId = account.get("id").asLong();
            long fromTerritory = context.get("territories")
                    .get(move.get("from").asString())
                    .get("id")
                    .asLong();
            long toTerritory = context.get("territories")
                    .get(move.get("to").asString())
                    .get("id")
                    .asLong();
            assertThat(before.get(accountId)).isEqualTo(fromTerritory);
            assertThat(after.get(accountId)).isEqualTo(toTerritory);
        }
        // Every other account stays where it was.
        long others = after.entrySet().stream()
                .filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .count();
        assertThat(others).isEqualTo(2);
        assertThat(assignmentsToday.get("assignments").size())
                .isEqualTo(Json.parse(admin.get("/api/v1/territories/assignments?date=" + TODAY + "&hierarchy=SALES")
                                .body())
                        .get("assignments")
                        .size());

        // Accepting the same move twice is refused, naming it.
        HttpResponse<String> again = admin.sendJson(
                "POST",
                JOBS + "/" + id + "/accept",
                "{\"moves\":[\"" + two.get(0).get("account").asString() + "\"],\"effectiveFrom\":\"" + from + "\"}");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Json.parse(again.body()).get("errors").findValuesAsString("field"))
                .containsExactly("moves[0]");
    }

    /**
     * A run without a scope stays inside one region (the one with the most territories): every territory it balances
     * lies in that region's subtree, so no proposed move leaves it or comes into it; asking for the whole hierarchy
     * balances more territories than the region holds.
     */
    @Test
    void territory01ARunWithoutAScopeBalancesOneRegionAndNoMoveCrossesIt() {
        WebSession admin = login("compadmin", "demo");
        long hierarchy = hierarchyId(admin);
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode row : Json.parse(
                admin.get("/api/v1/territories?hierarchy=SALES&date=" + TODAY).body())) {
            JsonNode t = row.get("territory");
            byId.put(t.get("id").asLong(), t);
        }
        long id = started(admin, """
                {"hierarchyId":%d,"day":"%s","metrics":[{"name":"potential"},{"name":"accounts","weight":0.5}],
                 "disruptionWeight":0,"timeLimitSeconds":5}""".formatted(hierarchy, TODAY));
        JsonNode result = finished(admin, id).get("result");
        JsonNode context = Json.parse(admin.get(JOBS + "/" + id + "/context").body());

        JsonNode scope = context.get("scope");
        long region = scope.get("id").asLong();
        assertThat(byId.get(region).get("level").asString()).isEqualTo("REGION");
        // The region with the most territories below it (ties: the first by code).
        Map<String, Integer> below = new HashMap<>();
        for (JsonNode r : byId.values()) {
            if (r.get("level").asString().equals("REGION")) {
                long rid = r.get("id").asLong();
                below.put(r.get("code").asString(), (int)
                        byId.values().stream().filter(t -> under(t, rid, byId)).count());
            }
        }
        String largest = below.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(scope.get("code").asString()).isEqualTo(largest);
        Set<String> inRegion = new HashSet<>();
        for (JsonNode t : byId.values()) {
            if (under(t, region, byId)) {
                inRegion.add(t.get("code").asString());
            }
        }
        Set<String> balanced = new HashSet<>();
        context.get("territories").propertyNames().forEach(balanced::add);
        assertThat(balanced).isNotEmpty();
        assertThat(inRegion).containsAll(balanced);
        assertThat(result.get("moves")).isNotEmpty();
        for (JsonNode move : result.get("moves")) {
            assertThat(inRegion)
                    .contains(move.get("from").asString(), move.get("to").asString());
        }

        long whole = started(admin, """
                {"hierarchyId":%d,"day":"%s","metrics":[{"name":"accounts"}],"timeLimitSeconds":2,"wholeHierarchy":true}""".formatted(hierarchy, TODAY));
        finished(admin, whole);
        JsonNode wholeContext =
                Json.parse(admin.get(JOBS + "/" + whole + "/context").body());
        assertThat(wholeContext.path("scope").isMissingNode()
                        || wholeContext.path("scope").isNull())
                .isTrue();
        assertThat(wholeContext.get("territories").size()).isGreaterThan(balanced.size());
    }

    /** Whether the territory is {@code root} or lies below it. */
    private static boolean under(JsonNode territory, long root, Map<Long, JsonNode> byId) {
        JsonNode t = territory;
        while (t != null) {
            if (t.get("id").asLong() == root) {
                return true;
            }
            JsonNode parent = t.get("parentId");
            t = parent == null || parent.isNull() ? null : byId.get(parent.asLong());
        }
        return false;
    }

    @Test
    void badInputAndADayInAClosedPeriodAreRefusedNamingTheField() {
        WebSession admin = login("compadmin", "demo");
        long hierarchy = hierarchyId(admin);
        HttpResponse<String> bad = admin.sendJson(
                "POST",
                JOBS + "/from-company",
                "{\"hierarchyId\":" + hierarchy
                        + ",\"metrics\":[{\"name\":\"potential\"},{\"name\":\"luck\"}],\"band\":0}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = Json.parse(bad.body()).get("errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("metrics[1].name", "band");
        assertThat(errors.findValuesAsString("reason"))
                .contains("'luck' is not a metric; choose from potential, bookings, accounts, workload");

        HttpResponse<String> negative = admin.sendJson(
                "POST",
                JOBS + "/from-company",
                "{\"hierarchyId\":" + hierarchy
                        + ",\"metrics\":[{\"name\":\"accounts\"}],\"band\":-0.1,\"lockedAccounts\":[\"nope\"]}");
        assertThat(Json.parse(negative.body()).get("errors").findValuesAsString("field"))
                .containsExactly("band");
        HttpResponse<String> unknownLock = admin.sendJson(
                "POST",
                JOBS + "/from-company",
                "{\"hierarchyId\":" + hierarchy
                        + ",\"metrics\":[{\"name\":\"accounts\"}],\"lockedAccounts\":[\"nope\"]}");
        assertThat(Json.parse(unknownLock.body()).get("errors").findValuesAsString("field"))
                .containsExactly("lockedAccounts[0]");

        long id = started(
                admin,
                "{\"hierarchyId\":" + hierarchy
                        + ",\"metrics\":[{\"name\":\"accounts\"}],\"band\":0.05,\"timeLimitSeconds\":5}");
        JsonNode result = finished(admin, id).get("result");
        assertThat(result.get("moves")).isNotEmpty();
        String move = result.get("moves").get(0).get("account").asString();

        // Close the last month the calendar has (in the future), try to accept into it, reopen it.
        String month = null;
        LocalDate day = null;
        for (JsonNode p : Json.parse(admin.get("/api/v1/periods?kind=MONTH").body())) {
            LocalDate starts = LocalDate.parse(p.get("startsOn").asString());
            if (starts.isAfter(TODAY)
                    && (day == null || starts.isAfter(day))
                    && p.get("status").asString().equals("OPEN")
                    && closedHolding(admin, starts.plusDays(14)).isEmpty()) {
                month = p.get("id").asString();
                day = starts.plusDays(14);
            }
        }
        assertThat(month).as("a month after " + TODAY).isNotNull();
        assertThat(admin.sendJson("POST", "/api/v1/periods/" + month + "/close", "{}")
                        .statusCode())
                .isEqualTo(200);
        try {
            HttpResponse<String> closed = admin.sendJson(
                    "POST",
                    JOBS + "/" + id + "/accept",
                    "{\"moves\":[\"" + move + "\"],\"effectiveFrom\":\"" + day + "\"}");
            assertThat(closed.statusCode()).isEqualTo(400);
            JsonNode why = Json.parse(closed.body()).get("errors");
            assertThat(why.findValuesAsString("field")).containsExactly("effectiveFrom");
            assertThat(why.findValuesAsString("reason").get(0)).contains("closed period " + month);
        } finally {
            admin.sendJson("POST", "/api/v1/periods/" + month + "/reopen", "{\"reason\":\"balance test\"}");
        }
        HttpResponse<String> unknownMove = admin.sendJson(
                "POST", JOBS + "/" + id + "/accept", "{\"moves\":[\"no-such\"],\"effectiveFrom\":\"" + day + "\"}");
        assertThat(Json.parse(unknownMove.body()).get("errors").findValuesAsString("field"))
                .containsExactly("moves[0]");

        WebSession rep = login("rep", "demo");
        assertThat(rep.sendJson("POST", JOBS + "/from-company", "{\"hierarchyId\":" + hierarchy + "}")
                        .statusCode())
                .isEqualTo(403);
    }

    /**
     * The first first-of-month from {@code wanted} on that no closed month, quarter or year holds: other tests close
     * periods of the shared database (and should reopen them), so the day is chosen, not assumed.
     */
    private static LocalDate openFirstOfMonth(WebSession admin, LocalDate wanted) {
        LocalDate day = wanted;
        for (int i = 0; i < 36 && !closedHolding(admin, day).isEmpty(); i++) {
            day = day.plusMonths(1);
        }
        assertThat(closedHolding(admin, day)).as("an open month from " + wanted).isEmpty();
        return day;
    }

    /** The closed periods holding {@code day}, each with who closed it (for a clear failure). */
    private static List<String> closedHolding(WebSession admin, LocalDate day) {
        List<String> closed = new ArrayList<>();
        for (JsonNode p : Json.parse(admin.get("/api/v1/periods").body())) {
            if (p.get("status").asString().equals("CLOSED")
                    && !LocalDate.parse(p.get("startsOn").asString()).isAfter(day)
                    && !LocalDate.parse(p.get("endsOn").asString()).isBefore(day)) {
                closed.add(p.get("id").asString() + " closed by "
                        + p.get("closedBy").asString());
            }
        }
        return closed;
    }

    private static long hierarchyId(WebSession admin) {
        for (JsonNode h :
                Json.parse(admin.get("/api/v1/territories/hierarchies").body())) {
            if (h.get("code").asString().equals("SALES")) {
                return h.get("id").asLong();
            }
        }
        throw new AssertionError("the demo company has the SALES hierarchy");
    }

    private static long started(WebSession admin, String options) {
        HttpResponse<String> started = admin.sendJson("POST", JOBS + "/from-company", options);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return Json.parse(started.body()).get("id").asLong();
    }

    private static JsonNode finished(WebSession admin, long id) {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Json.parse(admin.get(JOBS + "/" + id).body()), j -> {
                    String state = j.get("state").asString();
                    return state.equals("DONE") || state.equals("STOPPED");
                });
    }

    private static Map<Long, Long> territoryOf(WebSession admin, LocalDate day) {
        Map<Long, Long> out = new HashMap<>();
        Json.parse(admin.get("/api/v1/territories/assignments?date=" + day + "&hierarchy=SALES")
                        .body())
                .get("assignments")
                .forEach(a -> out.put(
                        a.get("accountId").asLong(), a.get("territoryId").asLong()));
        return out;
    }
}
