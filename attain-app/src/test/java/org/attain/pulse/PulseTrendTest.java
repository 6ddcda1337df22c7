package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The eNPS trend over surveys is read through each survey's results: every point of the company's trend is that
 * survey's eNPS for everyone surveyed, oldest first, and a team too small to show has a point without a number in
 * every survey, never a figure worked out some other way.
 */
class PulseTrendTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCompanysTrendIsEachSurveysResultAndASmallTeamStaysHiddenInIt() {
        WebSession admin = login("admin", "demo");
        JsonNode trend = Json.parse(admin.get("/api/v1/pulse/trend?kind=ALL").body());
        assertThat(trend.size()).isGreaterThanOrEqualTo(2);
        List<String> closes = new ArrayList<>();
        for (JsonNode point : trend) {
            closes.add(point.get("closesOn").asString());
            JsonNode results = Json.parse(admin.get("/api/v1/pulse/surveys/"
                                    + point.get("surveyId").asLong() + "/results")
                            .body())
                    .get("groups");
            JsonNode everyone = null;
            for (JsonNode g : results) {
                if (g.get("kind").asString().equals("ALL")) {
                    everyone = g;
                }
            }
            assertThat(everyone).isNotNull();
            if (everyone.get("shown").asBoolean()) {
                assertThat(point.get("enps").asInt())
                        .isEqualTo(everyone.get("enps").asInt());
            } else {
                assertThat(point.path("enps").isNull() || point.path("enps").isMissingNode())
                        .isTrue();
            }
        }
        assertThat(closes).isSorted();

        // The demo's team of two is in the company's surveys but never shows a number.
        long small = jdbc.sql("""
                        select t.id from team t join person p on p.team_id = t.id
                        where p.employment_end is null or p.employment_end >= :today
                        group by t.id having count(*) = 2 order by t.id limit 1""").param("today", TODAY).query(Long.class).single();
        JsonNode team = Json.parse(
                admin.get("/api/v1/pulse/trend?kind=TEAM&refId=" + small).body());
        assertThat(team.size()).isPositive();
        team.forEach(point -> assertThat(
                        point.path("enps").isNull() || point.path("enps").isMissingNode())
                .isTrue());
        // A rep follows no trend.
        assertThat(Json.parse(login("rep", "demo")
                                .get("/api/v1/pulse/trend?kind=ALL")
                                .body())
                        .size())
                .isZero();
    }
}
