package org.attain.objectives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attain.access.UserAccounts;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A manager's home page lists each direct report whose objectives of the quarter are not all scored, with how many
 * are open: the same count as the report's objective sheet, before and after the manager scores some of them.
 */
class ObjectivesWaitingOnTheManagersHomeTest extends AttainIntegrationTest {

    private static final Pattern ENTRY =
            Pattern.compile("data-inbox=\"objectives\">\\s*<a href=\"/objectives\\?person=(\\d+)&amp;period=([^\"]+)\">"
                    + "<span class=\"inbox-count\" data-test=\"inbox-count\">(\\d+)</span>\\s*"
                    + "<span class=\"inbox-label\">([^<]*)</span>");

    @Autowired
    UserAccounts users;

    @Test
    void theHomePageCountsEachReportsOpenObjectivesAsTheirSheetDoes() {
        WebSession compAdmin = login("compadmin", "demo");
        WebSession manager = login("manager", "demo");
        MboFixture f = MboFixture.create(compAdmin, manager, users);

        Map<Long, Long> shown = waiting(manager, f.quarter());
        assertThat(shown).containsEntry(f.personId(), 3L);
        shown.forEach((person, count) ->
                assertThat(count).as("person %d", person).isEqualTo(openOnTheSheet(manager, person, f.quarter())));
        assertThat(manager.get("/").body()).contains("Mia Objective");

        var scored = manager.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o1": "1.00", "o2": "0.50"}}""".formatted(f.personId(), f.quarter()));
        assertThat(scored.statusCode()).as(scored.body()).isEqualTo(200);
        assertThat(waiting(manager, f.quarter())).containsEntry(f.personId(), 1L);

        var last = manager.sendJson("PUT", "/api/v1/objective-scores", """
                {"person": "%d", "period": "%s", "scores": {"o3": "0.00"}}""".formatted(f.personId(), f.quarter()));
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        assertThat(waiting(manager, f.quarter())).doesNotContainKey(f.personId());

        // The rep sees no such line: they do not score their own objectives.
        assertThat(login(f.login(), f.password()).get("/").body()).doesNotContain("data-inbox=\"objectives\"");
    }

    private static Map<Long, Long> waiting(WebSession session, String quarter) {
        Map<Long, Long> out = new LinkedHashMap<>();
        Matcher m = ENTRY.matcher(session.get("/").body());
        while (m.find()) {
            assertThat(m.group(2)).isEqualTo(quarter);
            out.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(3)));
        }
        return out;
    }

    private static long openOnTheSheet(WebSession session, long person, String quarter) {
        JsonNode sheet = Json.parse(session.get("/api/v1/objective-scores?person=" + person + "&period=" + quarter)
                .body());
        long open = 0;
        for (JsonNode line : sheet.get("lines")) {
            if (!line.hasNonNull("score")) {
                open++;
            }
        }
        return open;
    }
}
