package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The manager's team page carries the eNPS of their teams and regions beside the team's performance: exactly the
 * groups pulse shows the same viewer (wholly within their subtree), each with the number of the latest survey that
 * reached it, and a group hidden by the survey (too few answers, or it would reveal another by subtraction) with
 * its reason and no number.
 */
class TeamPulseTest extends AttainIntegrationTest {

    @Test
    void aManagerReadsTheEnpsOfTheirTeamsOnlyBesideTheTeamTable() {
        WebSession manager = login("manager", "demo");
        List<JsonNode> mine = groups(manager);
        assertThat(mine).isNotEmpty();
        String card = card(manager.get("/team").body());
        assertThat(rows(card)).isEqualTo(mine.size());
        for (JsonNode g : mine) {
            assertThat(card).contains(cell(g));
            if (g.get("shown").asBoolean()) {
                int enps = g.get("enps").asInt();
                assertThat(card)
                        .contains("<strong>" + (enps > 0 ? "+" + enps : String.valueOf(enps)) + "</strong>")
                        .contains("(" + g.get("answers").asInt() + " answers)");
            }
        }
        // A team the admin sees but the manager's subtree does not wholly hold is not on the manager's page.
        Set<String> names = new HashSet<>();
        mine.forEach(g -> names.add(g.get("name").asString()));
        List<JsonNode> others = groups(login("admin", "demo")).stream()
                .filter(g -> !names.contains(g.get("name").asString()))
                .toList();
        assertThat(others).isNotEmpty();
        others.forEach(g -> assertThat(card).doesNotContain(cell(g)));
    }

    @Test
    void aGroupTheSurveyHidesKeepsItsReasonAndNoNumberInEitherLanguage() {
        WebSession admin = login("admin", "demo");
        List<JsonNode> hidden =
                groups(admin).stream().filter(g -> !g.get("shown").asBoolean()).toList();
        assertThat(hidden).isNotEmpty();
        assertThat(hidden)
                .allSatisfy(g ->
                        assertThat(g.has("enps") && !g.get("enps").isNull()).isFalse());
        String card = card(admin.get("/team").body());
        assertThat(card).contains("hidden: ");
        assertThat(rows(card)).isEqualTo(groups(admin).size());
        assertThat(card(admin.get("/team?lang=de").body()))
                .contains("verborgen: ")
                .contains("Puls (eNPS) Ihrer Teams");
    }

    private static List<JsonNode> groups(WebSession session) {
        JsonNode latest = Json.parse(session.get("/api/v1/pulse/groups/latest").body());
        List<JsonNode> out = new ArrayList<>();
        latest.get("REGION").forEach(out::add);
        latest.get("TEAM").forEach(out::add);
        return out;
    }

    /** The eNPS card of the team page, and nothing else of it. */
    private static String card(String page) {
        int from = page.indexOf("data-test=\"team-pulse\"");
        int to = page.indexOf("data-test=\"team-pulse-how\"");
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return page.substring(from, to);
    }

    /** The group's name as its own cell of the card's table. */
    private static String cell(JsonNode group) {
        return ">" + group.get("name").asString() + "</td>";
    }

    private static int rows(String card) {
        return card.split("data-test=\"team-pulse-row\"", -1).length - 1;
    }
}
