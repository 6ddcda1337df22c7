package org.attain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * eNPS beside team performance over real HTTP: every region and team of the performance API carries the eNPS of the
 * latest survey that reached it exactly as the survey's own results show it to the same caller, a hidden group keeps
 * its reason and no number, and a manager gets only groups wholly within their subtree.
 */
class EnpsBesidePerformanceTest extends AttainIntegrationTest {

    @Test
    void regionsAndTeamsCarryTheirLatestSurveysEnpsAndHiddenGroupsOnlyTheirReason() {
        WebSession admin = login("admin", "demo");
        JsonNode company = Json.parse(admin.get("/api/v1/analytics/performance").body());
        List<JsonNode> teams = new ArrayList<>();
        int regionsShown = 0;
        for (JsonNode region : company.get("children")) {
            // The rest of the company (people in no region, e.g. made by other tests) has no id to drill into.
            if (!region.hasNonNull("id")) {
                continue;
            }
            assertThat(region.has("enps")).as(region.get("name").asString()).isTrue();
            regionsShown += matchesSurvey(admin, "REGION", region) ? 1 : 0;
            JsonNode drill = Json.parse(admin.get("/api/v1/analytics/performance?region="
                            + region.get("id").asLong())
                    .body());
            // The region's own group carries the same eNPS one level down.
            assertThat(drill.get("group").get("enps")).isEqualTo(region.get("enps"));
            drill.get("children").forEach(teams::add);
        }
        assertThat(regionsShown).isPositive();
        int shown = 0;
        int hidden = 0;
        for (JsonNode team : teams) {
            if (!team.has("enps")) {
                continue;
            }
            if (matchesSurvey(admin, "TEAM", team)) {
                shown++;
            } else {
                hidden++;
            }
        }
        // The demo's autumn survey shows most teams and hides the ones with too few answers.
        assertThat(shown).isGreaterThan(3);
        assertThat(hidden).isPositive();
    }

    @Test
    void aManagerSeesTheEnpsOfGroupsWithinTheirSubtreeOnly() {
        WebSession manager = login("manager", "demo");
        JsonNode company =
                Json.parse(manager.get("/api/v1/analytics/performance").body());
        int checked = 0;
        for (JsonNode region : company.get("children")) {
            // The rest of the company (people in no region, e.g. made by other tests) has no id to drill into.
            if (!region.hasNonNull("id")) {
                continue;
            }
            JsonNode drill = Json.parse(manager.get("/api/v1/analytics/performance?region="
                            + region.get("id").asLong())
                    .body());
            for (JsonNode team : drill.get("children")) {
                if (team.has("enps")) {
                    matchesSurvey(manager, "TEAM", team);
                    checked++;
                }
            }
        }
        assertThat(checked).isPositive();
        // Pulse's own by-group API gives the manager no group outside what the survey results show them.
        JsonNode latest = Json.parse(manager.get("/api/v1/pulse/groups/latest").body());
        JsonNode adminLatest = Json.parse(
                login("admin", "demo").get("/api/v1/pulse/groups/latest").body());
        assertThat(latest.get("TEAM").size()).isLessThan(adminLatest.get("TEAM").size());
        assertThat(manager.get("/api/v1/pulse/groups/latest").statusCode()).isEqualTo(200);
        assertThat(login("rep", "demo").get("/api/v1/pulse/groups/latest").body())
                .contains("\"TEAM\":{}");
    }

    /** The group's eNPS equals the named survey's result for that group as the same caller reads it; true if shown. */
    private static boolean matchesSurvey(WebSession session, String kind, JsonNode group) {
        JsonNode enps = group.get("enps");
        JsonNode results = Json.parse(
                session.get("/api/v1/pulse/surveys/" + enps.get("survey_id").asLong() + "/results")
                        .body());
        JsonNode match = null;
        for (JsonNode g : results.get("groups")) {
            if (g.get("kind").asString().equals(kind)
                    && g.get("refId").asLong() == group.get("id").asLong()) {
                match = g;
            }
        }
        assertThat(match).as(group.get("name").asString()).isNotNull();
        assertThat(enps.get("shown").asBoolean()).isEqualTo(match.get("shown").asBoolean());
        if (match.get("shown").asBoolean()) {
            assertThat(enps.get("enps").asInt()).isEqualTo(match.get("enps").asInt());
            assertThat(enps.get("answers").asInt())
                    .isEqualTo(match.get("tally").get("promoters").asInt()
                            + match.get("tally").get("passives").asInt()
                            + match.get("tally").get("detractors").asInt());
            return true;
        }
        assertThat(enps.get("hidden_reason").asString())
                .isEqualTo(match.get("reason").asString());
        assertThat(enps.has("enps")).isFalse();
        assertThat(enps.has("answers")).isFalse();
        return false;
    }
}
