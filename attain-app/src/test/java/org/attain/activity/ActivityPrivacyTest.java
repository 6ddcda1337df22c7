package org.attain.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.attain.org.Visibility;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.DateDependent;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A rep sees only their own activity, a manager their subtree, admins everyone: API and page alike. */
@DateDependent
class ActivityPrivacyTest extends AttainIntegrationTest {

    /** The year up to the pinned day: the demo company has activity in it whatever day it was generated on. */
    private static final String LAST_YEAR = "?grain=WEEK&from=" + TODAY.minusYears(1) + "&to=" + TODAY;

    @Autowired
    Visibility visibility;

    private static long me(WebSession s) {
        return Json.parse(s.get("/api/v1/me").body()).get("id").asLong();
    }

    private static Set<Long> peopleIn(WebSession s, String query) {
        Set<Long> ids = new HashSet<>();
        for (JsonNode row :
                Json.parse(s.get("/api/v1/activities/summary" + query).body())) {
            ids.add(row.get("personId").asLong());
        }
        return ids;
    }

    @Test
    void aRepSeesOnlyTheirOwnActivity() {
        WebSession rep = login("rep", "demo");
        Set<Long> seen = peopleIn(rep, LAST_YEAR);
        assertThat(seen).containsOnly(me(rep));
    }

    @Test
    void aManagerSeesTheirSubtreeAndNoOneElse() {
        WebSession manager = login("manager", "demo");
        long managerId = me(manager);
        Set<Long> subtree = visibility.subtree(managerId, TODAY);
        Set<Long> seen = peopleIn(manager, LAST_YEAR);
        assertThat(seen).isNotEmpty().isSubsetOf(subtree);
        assertThat(seen.size()).isGreaterThan(1);
    }

    @Test
    void anAdminSeesEveryoneWithActivity() {
        Set<Long> seen = peopleIn(login("admin", "demo"), LAST_YEAR);
        Set<Long> managers = peopleIn(login("manager", "demo"), LAST_YEAR);
        assertThat(seen).containsAll(managers);
        assertThat(seen.size()).isGreaterThan(managers.size());
    }

    @Test
    void theDashboardShowsARepOnlyThemselves() {
        WebSession rep = login("rep", "demo");
        String page = rep.get("/activity?days=365").body();
        assertThat(page).contains("data-test=\"activity-chart\"");
        assertThat(page.split("data-person=\"").length - 1).isLessThanOrEqualTo(1);
        if (page.contains("data-person=\"")) {
            assertThat(page).contains("data-person=\"" + me(rep) + "\"");
        }
    }

    @Test
    void theManagersDashboardListsTheirTeam() {
        WebSession manager = login("manager", "demo");
        String page = manager.get("/activity?grain=WEEK&days=365").body();
        assertThat(page).contains("data-test=\"activity-table\"");
        assertThat(page.split("data-person=\"").length - 1).isGreaterThan(1);
    }
}
