package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Leaderboards and contests over the API on the demo company: a percent-of-goal board never shows a rep
 * another rep's amounts (nor anyone's goal), a board limited to the leaders shows a rep the top three and
 * themselves, bad input names its fields, and a contest's cash prize is paid once as a SPIFF adjustment
 * however often it is settled or approved.
 */
class GameTest extends AttainIntegrationTest {

    private String quarter(WebSession s) {
        return Json.parse(s.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
    }

    private long createBoard(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/boards", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    @Test
    void aPercentOfGoalBoardShowsARepOnlyPercentAndRankOfOthers() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long me = Json.parse(rep.get("/api/v1/me").body()).get("id").asLong();
        long board = createBoard(compAdmin, """
                {"name":"Fair bookings","metric":"BOOKINGS","basis":"PERCENT_OF_GOAL","period":"%s"}""".formatted(quarter(compAdmin)));

        HttpResponse<String> mine = rep.get("/api/v1/game/boards/" + board);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).doesNotContainIgnoringCase("goal\":").doesNotContainIgnoringCase("quota");
        JsonNode view = Json.parse(mine.body());
        assertThat(view.get("valuesHidden").asBoolean()).isTrue();
        JsonNode rows = view.get("rows");
        assertThat(rows.size()).isGreaterThan(3);
        BigDecimal previous = null;
        int others = 0;
        for (JsonNode r : rows) {
            boolean isMine = r.get("key").asString().equals(String.valueOf(me));
            assertThat(r.get("mine").asBoolean()).isEqualTo(isMine);
            if (isMine) {
                assertThat(!r.hasNonNull("value"))
                        .as("my own amount is mine to see")
                        .isFalse();
            } else {
                others++;
                assertThat(!r.hasNonNull("value"))
                        .as("another rep's bookings next to their percent tell their quota")
                        .isTrue();
            }
            if (r.hasNonNull("score")) {
                BigDecimal score = r.get("score").decimalValue();
                assertThat(previous == null || previous.compareTo(score) >= 0)
                        .as("ordered by percent of goal")
                        .isTrue();
                previous = score;
            }
        }
        assertThat(others).isPositive();
        assertThat(view.get("me").get("rank").asInt()).isPositive();
        assertThat(view.get("me").get("band").asString()).isNotBlank();

        // The comp admin sees every amount on the same board.
        JsonNode all = Json.parse(compAdmin.get("/api/v1/game/boards/" + board).body());
        assertThat(all.get("valuesHidden").asBoolean()).isFalse();
        all.get("rows").forEach(r -> assertThat(r.hasNonNull("value")).isTrue());
        // Everyone with a quota is listed; those without a goal or a figure are listed unranked (other tests of the
        // suite add quotas of their own), so the ranked competitors are at most the rows.
        assertThat(all.get("rows").size())
                .isGreaterThanOrEqualTo(all.get("competitors").asInt());
        assertThat(all.get("competitors").asInt()).isPositive();
    }

    @Test
    void aBoardsStandingFetchedAloneShowsTheSameRowsAsItsPageAndHidesOthersAmountsFromARep() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long board = createBoard(compAdmin, """
                {"name":"Fair bookings standing","metric":"BOOKINGS","basis":"PERCENT_OF_GOAL","period":"%s"}""".formatted(quarter(compAdmin)));

        // What an open board page fetches on each change: its standing only, without the menu around it.
        HttpResponse<String> standing = rep.get("/game/boards/" + board + "/standing");
        assertThat(standing.statusCode()).isEqualTo(200);
        String html = standing.body();
        assertThat(html)
                .startsWith("<div id=\"board-standing\"")
                .doesNotContain("<nav")
                .doesNotContain("<html");
        String page = rep.get("/game/boards/" + board).body();
        assertThat(rowKeys(html)).isNotEmpty().isEqualTo(rowKeys(page));
        assertThat(html).contains("data-test=\"board-me\"");
        // Each row's value cell: the rep's own amount and a dash for everyone else's (percent of goal hides them).
        JsonNode view = Json.parse(rep.get("/api/v1/game/boards/" + board).body());
        long shown = java.util.regex.Pattern.compile("data-test=\"row-value\">([^<]*)<")
                .matcher(html)
                .results()
                .filter(m -> !m.group(1).equals("–"))
                .count();
        long withValue = 0;
        for (JsonNode r : view.get("rows")) {
            if (r.hasNonNull("value")) {
                withValue++;
                assertThat(r.get("mine").asBoolean())
                        .as("only my own amount is shown")
                        .isTrue();
            }
        }
        assertThat(shown).isEqualTo(withValue).isLessThanOrEqualTo(1);
        assertThat(compAdmin.get("/game/boards/999999/standing").statusCode()).isEqualTo(404);
    }

    private static List<String> rowKeys(String html) {
        return java.util.regex.Pattern.compile("<tr[^>]*data-key=\"([^\"]+)\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
    }

    @Test
    void aLeadersBoardShowsARepTheTopThreeAndThemselvesWithBandsInsteadOfOthersRanks() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        long board = createBoard(compAdmin, """
                {"name":"Meetings leaders","metric":"MEETINGS","basis":"VALUE","bands":true,"visibility":"ME_AND_LEADERS",
                 "period":"%s"}""".formatted(quarter(compAdmin)));
        JsonNode view = Json.parse(rep.get("/api/v1/game/boards/" + board).body());
        JsonNode rows = view.get("rows");
        // the top three places (with anyone tied for them) and me
        assertThat(rows.size()).isPositive().isLessThan(view.get("competitors").asInt());
        int mine = 0;
        for (JsonNode r : rows) {
            if (r.get("mine").asBoolean()) {
                mine++;
                assertThat(r.hasNonNull("rank")).isTrue();
            } else {
                assertThat(!r.hasNonNull("rank"))
                        .as("others show a band, not a rank")
                        .isTrue();
                assertThat(r.get("band").asString()).isEqualTo("TOP_10");
                assertThat(r.hasNonNull("value")).as("meetings are not pay").isTrue();
            }
        }
        assertThat(mine).isEqualTo(1);
        assertThat(view.get("valuesHidden").asBoolean()).isFalse();
    }

    @Test
    void badInputNamesEachFieldAndNothingIsCreated() {
        WebSession compAdmin = login("compadmin", "demo");
        int before = Json.parse(compAdmin.get("/api/v1/game/contests").body()).size();
        HttpResponse<String> r = compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Broken","kind":"CLASSIC","metric":"HANDSHAKES","startsOn":"2026-11-30","endsOn":"2026-11-01",
                 "participants":[],"prizes":[{"place":1,"cash":"100","currency":"EUR"},{"place":1,"points":5}]}""");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        List<String> fields = new ArrayList<>();
        Json.parse(r.body())
                .get("errors")
                .forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("metric", "endsOn", "participants", "prizes[1].place");
        assertThat(Json.parse(compAdmin.get("/api/v1/game/contests").body()).size())
                .isEqualTo(before);

        HttpResponse<String> race = compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Race","kind":"RACE","metric":"CALLS","startsOn":"2026-11-01","endsOn":"2026-11-10",
                 "participants":["nobody@nowhere.example"]}""");
        assertThat(race.statusCode()).isEqualTo(400);
        assertThat(race.body()).contains("\"target\"").contains("nobody@nowhere.example");

        HttpResponse<String> board = compAdmin.sendJson("POST", "/api/v1/game/boards", """
                {"name":"","metric":"CALLS","basis":"PERCENT_OF_GOAL","period":"1999-Q9"}""");
        assertThat(board.statusCode()).isEqualTo(400);
        List<String> boardFields = new ArrayList<>();
        Json.parse(board.body())
                .get("errors")
                .forEach(e -> boardFields.add(e.get("field").asString()));
        assertThat(boardFields).containsExactlyInAnyOrder("name", "basis", "period");

        assertThat(login("rep", "demo")
                        .sendJson("POST", "/api/v1/game/boards", "{\"name\":\"x\",\"metric\":\"CALLS\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aContestsCashPrizeIsPaidOnceAsASpiffHoweverOftenItIsSettledOrApproved() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        JsonNode me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        String currency = me.get("currency").asString();
        List<String> participants = new ArrayList<>();
        participants.add(me.get("externalId").asString());
        Json.parse(compAdmin
                        .get("/api/v1/people/" + me.get("managerId").asLong() + "/reports")
                        .body())
                .forEach(p -> {
                    if (participants.size() < 4
                            && "REP".equals(p.get("roleType").asString())
                            && currency.equals(p.get("currency").asString())
                            && !participants.contains(p.get("externalId").asString())) {
                        participants.add(p.get("externalId").asString());
                    }
                });
        assertThat(participants).hasSizeGreaterThan(1);
        // game-01-rankings' rules on real data: the classic contest ends the day before TODAY.
        String ends = TODAY.minusDays(1).toString();
        String starts = TODAY.minusDays(34).toString();
        HttpResponse<String> created = compAdmin.sendJson(
                "POST", "/api/v1/game/contests", """
                {"name":"Most meetings","kind":"CLASSIC","metric":"MEETINGS","startsOn":"%s","endsOn":"%s",
                 "participants":%s,
                 "prizes":[{"place":1,"cash":"250.00","currency":"%s","points":100},{"place":2,"points":40}]}""".formatted(starts, ends, toJson(participants), currency));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long contest = Json.parse(created.body()).get("id").asLong();

        JsonNode standings =
                Json.parse(compAdmin.get("/api/v1/game/contests/" + contest).body());
        assertThat(standings.get("done").asBoolean()).isTrue();
        assertThat(standings.get("places").size()).isEqualTo(participants.size());

        HttpResponse<String> settled = compAdmin.sendJson("POST", "/api/v1/game/contests/" + contest + "/settle", null);
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        JsonNode awards = Json.parse(settled.body());
        JsonNode cash = null;
        for (JsonNode a : awards) {
            if (a.hasNonNull("cash")) {
                cash = a;
            }
        }
        assertThat(cash).isNotNull();
        assertThat(cash.get("state").asString()).isEqualTo("PENDING");
        assertThat(cash.get("trace").asString()).contains("\"place\":1").contains("\"standings\"");

        HttpResponse<String> again = compAdmin.sendJson("POST", "/api/v1/game/contests/" + contest + "/settle", null);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(Json.parse(again.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("contest");
        assertThat(Json.parse(compAdmin
                                .get("/api/v1/game/contests/" + contest + "/awards")
                                .body())
                        .size())
                .isEqualTo(awards.size());

        long award = cash.get("id").asLong();
        // Paying is for comp admins and admins: a manager (who runs contests) and a rep are refused, by API and page,
        // and the prize stays pending.
        for (String other : List.of("manager", "rep")) {
            WebSession session = login(other, "demo");
            assertThat(session.sendJson("POST", "/api/v1/game/awards/" + award + "/approve", null)
                            .statusCode())
                    .as(other)
                    .isEqualTo(403);
            assertThat(session.postForm("/game/awards/" + award + "/approve", java.util.Map.of())
                            .statusCode())
                    .as(other)
                    .isEqualTo(403);
        }
        assertThat(Json.parse(compAdmin
                                .get("/api/v1/game/contests/" + contest + "/awards")
                                .body())
                        .findValues("state")
                        .stream()
                        .map(JsonNode::asString)
                        .toList())
                .contains("PENDING");
        HttpResponse<String> paid = compAdmin.sendJson("POST", "/api/v1/game/awards/" + award + "/approve", null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        long adjustment = Json.parse(paid.body()).get("adjustmentId").asLong();
        HttpResponse<String> twice = compAdmin.sendJson("POST", "/api/v1/game/awards/" + award + "/approve", null);
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(Json.parse(twice.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("award");

        String month = ends.substring(0, 7);
        List<JsonNode> spiffs = new ArrayList<>();
        Json.parse(compAdmin.get("/api/v1/adjustments?period=" + month).body()).forEach(a -> {
            if (a.get("reason").asString().contains("award " + award)) {
                spiffs.add(a);
            }
        });
        assertThat(spiffs).hasSize(1);
        assertThat(spiffs.get(0).get("id").asLong()).isEqualTo(adjustment);
        assertThat(spiffs.get(0).get("amount").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(spiffs.get(0).get("reason").asString()).startsWith("SPIFF: contest " + contest);

        // The winner's points have a history entry; the rep sees only their own award.
        JsonNode repAwards = Json.parse(
                rep.get("/api/v1/game/contests/" + contest + "/awards").body());
        repAwards.forEach(a ->
                assertThat(a.get("personId").asLong()).isEqualTo(me.get("id").asLong()));
    }

    private List<String> teammates(WebSession compAdmin, JsonNode me, int n) {
        List<String> out = new ArrayList<>();
        out.add(me.get("externalId").asString());
        Json.parse(compAdmin
                        .get("/api/v1/people/" + me.get("managerId").asLong() + "/reports")
                        .body())
                .forEach(p -> {
                    if (out.size() < n
                            && "REP".equals(p.get("roleType").asString())
                            && !out.contains(p.get("externalId").asString())) {
                        out.add(p.get("externalId").asString());
                    }
                });
        return out;
    }

    @Test
    void anEliminationOnRealMeetingsDropsTheLowestEachWeekAndARaceListsWhoReachedTheTargetInOrder() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode me = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        List<String> four = teammates(compAdmin, me, 4);
        assertThat(four).hasSize(4);
        String starts = TODAY.minusDays(28).toString();
        String ends = TODAY.minusDays(1).toString();
        HttpResponse<String> created =
                compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Last one standing","kind":"ELIMINATION","metric":"MEETINGS","startsOn":"%s","endsOn":"%s",
                 "intervalDays":7,"participants":%s}""".formatted(starts, ends, toJson(four)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode places = Json.parse(compAdmin
                        .get("/api/v1/game/contests/"
                                + Json.parse(created.body()).get("id").asLong())
                        .body())
                .get("places");
        assertThat(places.size()).isEqualTo(4);
        // Place 1 is the winner (never out); then those out after weeks 3, 2 and 1.
        assertThat(places.get(0).hasNonNull("outAfter")).isFalse();
        assertThat(places.get(1).get("outAfter").asInt()).isEqualTo(3);
        assertThat(places.get(2).get("outAfter").asInt()).isEqualTo(2);
        assertThat(places.get(3).get("outAfter").asInt()).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            assertThat(places.get(i).get("place").asInt()).isEqualTo(i + 1);
        }

        HttpResponse<String> race =
                compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"First to three","kind":"RACE","metric":"MEETINGS","startsOn":"%s","endsOn":"%s",
                 "target":"3","participants":%s}""".formatted(starts, ends, toJson(four)));
        assertThat(race.statusCode()).as(race.body()).isEqualTo(201);
        JsonNode field = Json.parse(compAdmin
                        .get("/api/v1/game/contests/"
                                + Json.parse(race.body()).get("id").asLong())
                        .body())
                .get("places");
        assertThat(field.size()).isEqualTo(4);
        String previous = "";
        boolean finishing = true;
        for (JsonNode p : field) {
            if (p.hasNonNull("finishedOn")) {
                assertThat(finishing).as("finishers come first").isTrue();
                assertThat(p.get("value").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("3"));
                assertThat(p.get("finishedOn").asString()).isGreaterThanOrEqualTo(previous);
                previous = p.get("finishedOn").asString();
            } else {
                finishing = false;
                assertThat(p.get("value").decimalValue()).isLessThan(new BigDecimal("3"));
            }
        }
    }

    @Test
    void teamBoardsRankTeamsAndATeamOnlyBoardShowsARepTheirOwnTeam() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession rep = login("rep", "demo");
        JsonNode me = Json.parse(rep.get("/api/v1/me").body()).get("person");
        long teams = createBoard(compAdmin, """
                {"name":"Team calls","metric":"CALLS","scope":"TEAM","period":"%s"}""".formatted(quarter(compAdmin)));
        JsonNode view = Json.parse(rep.get("/api/v1/game/boards/" + teams).body());
        assertThat(view.get("rows").size())
                .isEqualTo(view.get("competitors").asInt())
                .isGreaterThan(1);
        assertThat(view.get("me").get("key").asString())
                .isEqualTo(me.get("team").asString());

        long own = createBoard(compAdmin, """
                {"name":"Growth in my team","metric":"MEETINGS","basis":"IMPROVEMENT","visibility":"TEAM","period":"%s"}""".formatted(quarter(compAdmin)));
        JsonNode mine = Json.parse(rep.get("/api/v1/game/boards/" + own).body());
        JsonNode everyone =
                Json.parse(compAdmin.get("/api/v1/game/boards/" + own).body());
        assertThat(mine.get("rows").size())
                .isPositive()
                .isLessThan(everyone.get("rows").size());
        List<String> teammates = new ArrayList<>();
        teammates.add(String.valueOf(me.get("id").asLong()));
        Json.parse(compAdmin
                        .get("/api/v1/people?role=REP&team=" + me.get("teamId").asLong() + "&size=500")
                        .body())
                .get("items")
                .forEach(p -> teammates.add(String.valueOf(p.get("id").asLong())));
        mine.get("rows")
                .forEach(r -> assertThat(teammates).contains(r.get("key").asString()));
    }

    @Test
    void nobodyApprovesTheirOwnPrize() {
        WebSession compAdmin = login("compadmin", "demo");
        JsonNode self = Json.parse(compAdmin.get("/api/v1/me").body()).get("person");
        HttpResponse<String> created = compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"My own prize","kind":"CLASSIC","metric":"CALLS","startsOn":"%s","endsOn":"%s",
                 "participants":["%s"],"prizes":[{"place":1,"cash":"10","currency":"%s"}]}""".formatted(
                        TODAY.minusDays(10),
                        TODAY.minusDays(1),
                        self.get("externalId").asString(),
                        self.get("currency").asString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long contest = Json.parse(created.body()).get("id").asLong();
        JsonNode awards = Json.parse(compAdmin
                .sendJson("POST", "/api/v1/game/contests/" + contest + "/settle", null)
                .body());
        long award = awards.get(0).get("id").asLong();
        assertThat(compAdmin
                        .sendJson("POST", "/api/v1/game/awards/" + award + "/approve", null)
                        .statusCode())
                .isEqualTo(403);
        JsonNode after = Json.parse(
                compAdmin.get("/api/v1/game/contests/" + contest + "/awards").body());
        assertThat(after.get(0).get("state").asString()).as("nothing changed").isEqualTo("PENDING");
        assertThat(after.get(0).hasNonNull("adjustmentId")).isFalse();
    }

    static String toJson(List<String> values) {
        return values.stream()
                .map(v -> "\"" + v + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
