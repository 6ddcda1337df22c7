package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A survey sent to a team of two (the demo's Australia &amp; New Zealand Solutions Engineering) is refused before
 * anything is stored: its results could only ever show two people's answers, under any minimum group size (at least
 * 3). The refusal names the field and says how many people it would reach, in English and German.
 */
class ASurveyToTwoPeopleIsRefusedTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSurveyToATeamOfTwoIsRefusedAndNothingIsSent() {
        long team = jdbc.sql("""
                        select t.id from team t join person p on p.team_id = t.id
                        where p.employment_end is null or p.employment_end >= :today
                        group by t.id having count(*) = 2 order by t.id limit 1""").param("today", TODAY).query(Long.class).single();
        WebSession admin = login("admin", "demo");
        String survey = """
                {"title": "Two of us", "opensOn": "%s", "closesOn": "%s", "target": "TEAMS", "teamIds": [%d], "minGroupSize": 3}""".formatted(TODAY, TODAY.plusDays(7), team);
        HttpResponse<String> refused = admin.sendJson("POST", "/api/v1/pulse/surveys", survey);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = Json.parse(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("target");
        assertThat(error.get("reason").asString())
                .isEqualTo(
                        "2 people would receive this survey, fewer than the minimum group size of 3: the results would"
                                + " identify people. Choose more people.");
        assertThat(admin.sendJson("POST", "/api/v1/pulse/surveys?lang=de", survey)
                        .body())
                .contains("2 Personen würden diese Umfrage erhalten");
        assertThat(jdbc.sql("select count(*) from pulse_survey where title = 'Two of us'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
