package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 3 on the demo company: a team battle ranks teams by their members' sum or average, a bracket pairs
 * participants round by round and the winner advances, an item prize is recorded and shown but never paid through
 * the ledger (points are granted), and bad input is refused by field: no participants, an end before the start, an
 * unknown metric, one team only, a bracket too short for its rounds, the same prize offered by two contests, and a
 * contest that would pay the same places as another for the same metric, days and people.
 */
class GameContestKindsTest extends AttainIntegrationTest {

    private static final String STARTS = TODAY.minusDays(28).toString();
    private static final String ENDS = TODAY.minusDays(1).toString();

    /** Two reps of each of two teams, by external id, team name to members. */
    private static Map<String, List<String>> twoTeams(WebSession admin) {
        Map<String, List<String>> teams = new LinkedHashMap<>();
        Json.parse(admin.get("/api/v1/people?role=REP&size=500").body())
                .get("items")
                .forEach(p -> {
                    if (!p.hasNonNull("team")) {
                        return;
                    }
                    String team = p.get("team").asString();
                    if (teams.size() < 2 || teams.containsKey(team)) {
                        List<String> members = teams.computeIfAbsent(team, t -> new ArrayList<>());
                        if (members.size() < 2) {
                            members.add(p.get("externalId").asString());
                        }
                    }
                });
        return teams;
    }

    private static long create(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/contests", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    @Test
    void aTeamBattleRanksTeamsByTheirMembersSumOrAverageAndAnItemPrizeNeverReachesTheLedger() {
        WebSession admin = login("compadmin", "demo");
        Map<String, List<String>> teams = twoTeams(admin);
        assertThat(teams).hasSize(2);
        List<String> everyone = new ArrayList<>();
        teams.values().forEach(everyone::addAll);
        long classic = create(admin, """
                {"name":"Meetings each","kind":"CLASSIC","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","participants":%s}""".formatted(STARTS, ENDS, GameTest.toJson(everyone)));
        Map<Long, BigDecimal> each = new HashMap<>();
        Json.parse(admin.get("/api/v1/game/contests/" + classic).body())
                .get("places")
                .forEach(
                        p -> each.put(p.get("personId").asLong(), p.get("value").decimalValue()));

        long sum = create(admin, """
                {"name":"Team meetings","kind":"TEAM_BATTLE","teamScore":"SUM","metric":"MEETINGS","startsOn":"%s","endsOn":"%s",
                 "participants":%s,"prizes":[{"place":1,"item":"Team dinner","points":25}]}""".formatted(STARTS, ENDS, GameTest.toJson(everyone)));
        long average = create(admin, """
                {"name":"Team meetings (average)","kind":"TEAM_BATTLE","teamScore":"AVERAGE","metric":"MEETINGS",
                 "startsOn":"%s","endsOn":"%s","participants":%s}""".formatted(STARTS, ENDS, GameTest.toJson(everyone)));
        JsonNode standings =
                Json.parse(admin.get("/api/v1/game/contests/" + sum).body());
        JsonNode avg = Json.parse(admin.get("/api/v1/game/contests/" + average).body());
        Map<String, BigDecimal> expected = new HashMap<>();
        Map<String, Integer> placeOfTeam = new HashMap<>();
        standings
                .get("places")
                .forEach(p -> expected.merge(
                        p.get("team").asString(), each.get(p.get("personId").asLong()), BigDecimal::add));
        assertThat(standings.get("teams").size()).isEqualTo(2);
        standings.get("teams").forEach(t -> {
            assertThat(t.get("score").decimalValue())
                    .isEqualByComparingTo(expected.get(t.get("team").asString()));
            placeOfTeam.put(t.get("team").asString(), t.get("place").asInt());
        });
        avg.get("teams")
                .forEach(t -> assertThat(t.get("score").decimalValue())
                        .isEqualByComparingTo(expected.get(t.get("team").asString())
                                .divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN)));
        standings
                .get("places")
                .forEach(p -> assertThat(p.get("place").asInt())
                        .as("a member's place is their team's")
                        .isEqualTo(placeOfTeam.get(p.get("team").asString())));

        JsonNode awards = Json.parse(admin.sendJson("POST", "/api/v1/game/contests/" + sum + "/settle", null)
                .body());
        assertThat(awards.size())
                .as("every member of the winning team (or both teams when tied)")
                .isGreaterThanOrEqualTo(2);
        for (JsonNode a : awards) {
            assertThat(a.get("item").asString()).isEqualTo("Team dinner");
            assertThat(a.get("state").asString()).isEqualTo("NO_CASH");
            assertThat(a.hasNonNull("adjustmentId")).isFalse();
            assertThat(a.get("points").asInt()).isEqualTo(25);
            assertThat(a.get("trace").asString())
                    .contains("\"item\":\"Team dinner\"")
                    .contains("\"team\"");
            HttpResponse<String> approve =
                    admin.sendJson("POST", "/api/v1/game/awards/" + a.get("id").asLong() + "/approve", null);
            assertThat(approve.statusCode())
                    .as("an item is never paid through the ledger")
                    .isEqualTo(400);
        }
    }

    @Test
    void aBracketPairsParticipantsEachRoundAndTheWinnerAdvances() {
        WebSession admin = login("compadmin", "demo");
        List<String> four = new ArrayList<>();
        twoTeams(admin).values().forEach(four::addAll);
        long id = create(admin, """
                {"name":"Meetings cup","kind":"BRACKET","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","intervalDays":7,
                 "participants":%s}""".formatted(STARTS, ENDS, GameTest.toJson(four)));
        JsonNode s = Json.parse(admin.get("/api/v1/game/contests/" + id).body());
        JsonNode matches = s.get("matches");
        assertThat(matches.size()).isEqualTo(3);
        long seed1 = s.get("contest").get("participants").get(0).asLong();
        assertThat(matches.get(0).get("first").asString()).isEqualTo(String.valueOf(seed1));
        assertThat(matches.get(0).get("second").asString())
                .as("seed 1 meets seed 4")
                .isEqualTo(s.get("contest").get("participants").get(3).asString());
        for (JsonNode m : matches) {
            int c = m.get("firstValue")
                    .decimalValue()
                    .compareTo(m.get("secondValue").decimalValue());
            if (c != 0) {
                assertThat(m.get("winner").asString())
                        .isEqualTo(
                                c > 0
                                        ? m.get("first").asString()
                                        : m.get("second").asString());
            }
        }
        JsonNode fin = matches.get(2);
        assertThat(fin.get("round").asInt()).isEqualTo(2);
        assertThat(List.of(fin.get("first").asString(), fin.get("second").asString()))
                .containsExactlyInAnyOrder(
                        matches.get(0).get("winner").asString(),
                        matches.get(1).get("winner").asString());
        List<Integer> places = new ArrayList<>();
        s.get("places").forEach(p -> places.add(p.get("place").asInt()));
        assertThat(places).containsExactly(1, 2, 3, 3);
        assertThat(s.get("places").get(0).get("personId").asString())
                .isEqualTo(fin.get("winner").asString());
    }

    @Test
    void badContestsAreRefusedByFieldAndNoPrizeIsOfferedTwice() {
        WebSession admin = login("compadmin", "demo");
        Map<String, List<String>> teams = twoTeams(admin);
        List<String> oneTeam = teams.values().iterator().next();
        HttpResponse<String> bad = admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Bad","kind":"TEAM_BATTLE","metric":"HANDSHAKES","startsOn":"%s","endsOn":"%s","participants":[]}""".formatted(ENDS, STARTS));
        assertThat(GameMetricsTest.fields(bad)).containsExactlyInAnyOrder("metric", "endsOn", "participants");
        assertThat(GameMetricsTest.fields(admin.sendJson(
                        "POST", "/api/v1/game/contests", """
                        {"name":"One team","kind":"TEAM_BATTLE","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s}""".formatted(STARTS, ENDS, GameTest.toJson(oneTeam)))))
                .containsExactly("participants");
        assertThat(GameMetricsTest.fields(admin.sendJson("POST", "/api/v1/game/contests", """
                        {"name":"Short cup","kind":"BRACKET","metric":"CALLS","startsOn":"%s","endsOn":"%s","intervalDays":7,
                         "participants":%s}""".formatted(
                                TODAY, TODAY.plusDays(3), GameTest.toJson(oneTeam)))))
                .containsExactly("endsOn");

        create(admin, """
                {"name":"Trophy A","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s,
                 "prizes":[{"place":1,"item":"Golden headset","code":"HEADSET-2026"}]}""".formatted(STARTS, ENDS, GameTest.toJson(oneTeam)));
        HttpResponse<String> twice =
                admin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Trophy B","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s,
                 "prizes":[{"place":1,"item":"Golden headset","code":"headset-2026"}]}""".formatted(STARTS, ENDS, GameTest.toJson(oneTeam)));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(GameMetricsTest.fields(twice)).containsExactly("prizes[0].code");
        assertThat(twice.body()).contains("a prize is paid once");
    }

    /**
     * Two contests paying the same prize twice: the same classic contest created again under another name (a second
     * click, a second manager) would pay first place for the same calls of the same people twice; it is refused naming
     * the contest that pays it (whatever order the people are listed in) and nothing is created. The same people over other
     * days, or without the place already paid, are a different contest.
     */
    @Test
    void aContestPayingThePlacesAnotherPaysForTheSameCallsOfTheSamePeopleIsRefused() {
        WebSession admin = login("compadmin", "demo");
        List<String> people = twoTeams(admin).values().iterator().next();
        assertThat(people).hasSize(2);
        String currency = "USD";
        String starts = TODAY.minusDays(20).toString();
        String tag = String.valueOf(System.nanoTime());
        String first = "Call blitz " + tag;
        long paying = create(admin, """
                {"name":"%s","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s,
                 "prizes":[{"place":1,"cash":"300","currency":"%s"},{"place":2,"points":20}]}""".formatted(first, starts, ENDS, GameTest.toJson(people), currency));
        int before = Json.parse(admin.get("/api/v1/game/contests").body()).size();

        List<String> reversed = new ArrayList<>(people);
        java.util.Collections.reverse(reversed);
        HttpResponse<String> again = admin.sendJson(
                "POST", "/api/v1/game/contests", """
                {"name":"Call blitz again %s","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s,
                 "prizes":[{"place":1,"cash":"300","currency":"%s"}]}""".formatted(tag, starts, ENDS, GameTest.toJson(reversed), currency));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(GameMetricsTest.fields(again)).containsExactly("prizes[0].place");
        assertThat(again.body())
                .contains("place 1 is paid already by contest " + paying)
                .contains("a prize is paid once")
                .contains(first);
        assertThat(Json.parse(admin.get("/api/v1/game/contests").body()).size()).isEqualTo(before);

        HttpResponse<String> secondPlace = admin.sendJson(
                "POST", "/api/v1/game/contests", """
                {"name":"Call blitz points %s","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s","participants":%s,
                 "prizes":[{"place":3,"points":5},{"place":2,"points":10}]}""".formatted(tag, starts, ENDS, GameTest.toJson(people)));
        assertThat(GameMetricsTest.fields(secondPlace))
                .as("place 2 is given by the first contest too")
                .containsExactly("prizes[1].place");

        create(admin, """
                {"name":"Call blitz, other days %s","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s",
                 "participants":%s,"prizes":[{"place":1,"cash":"300","currency":"%s"}]}""".formatted(tag, TODAY.minusDays(21), ENDS, GameTest.toJson(people), currency));
        create(admin, """
                {"name":"Call blitz, third place %s","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s",
                 "participants":%s,"prizes":[{"place":3,"points":5}]}""".formatted(tag, starts, ENDS, GameTest.toJson(people)));
    }
}
