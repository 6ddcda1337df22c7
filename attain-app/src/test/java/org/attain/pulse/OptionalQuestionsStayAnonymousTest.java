package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An optional question is left blank by some, so it holds fewer answers than the 0–10 score: a group shown for its
 * score shows a question's average or written answers only when at least the survey's minimum answered that question
 * there. Otherwise the one person who wrote a comment could be read off the page.
 */
class OptionalQuestionsStayAnonymousTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQuestionAnsweredByOnePersonStaysHiddenWhileTheGroupsScoreIsShown() {
        long team = jdbc.sql(
                        "select p.team_id from person p join app_user u on u.person_id = p.id where u.username = 'rep'")
                .query(Long.class)
                .single();
        WebSession admin = login("admin", "demo");
        HttpResponse<String> sent =
                admin.sendJson("POST", "/api/v1/pulse/surveys", """
                {"title": "Optional questions pulse", "opensOn": "%s", "closesOn": "%s", "target": "TEAMS", "teamIds": [%d],
                 "questions": [{"kind": "SCALE", "text": "My manager helps me grow"}, {"kind": "TEXT", "text": "Anything else?"}]}""".formatted(TODAY, TODAY.plusDays(7), team));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        long survey = Json.parse(sent.body()).get("id").asLong();
        List<Long> questions = jdbc.sql("select id from pulse_question where survey_id = :s order by position")
                .param("s", survey)
                .query(Long.class)
                .list();
        List<String> tokens =
                jdbc.sql("""
                        select r.token from pulse_recipient r where r.survey_id = :s
                          and r.person_id not in (select person_id from app_user where person_id is not null)
                        order by r.person_id limit 5""").param("s", survey).query(String.class).list();
        assertThat(tokens).hasSize(5);

        // Five answer the score and the scale question (4, 4, 5, 3, 4); only the first writes a comment.
        String[] scales = {"4", "4", "5", "3", "4"};
        for (int i = 0; i < 5; i++) {
            String comment = i == 0 ? ", \"%d\": \"Fewer internal meetings please\"".formatted(questions.get(1)) : "";
            String body = "{\"token\": \"%s\", \"score\": 9, \"items\": {\"%d\": \"%s\"%s}}"
                    .formatted(tokens.get(i), questions.get(0), scales[i], comment);
            assertThat(admin.sendJson("POST", "/api/v1/pulse/answers", body).statusCode())
                    .isEqualTo(204);
        }

        String body = admin.get("/api/v1/pulse/surveys/" + survey + "/results").body();
        JsonNode everyone = null;
        for (JsonNode g : Json.parse(body).get("groups")) {
            if (g.get("kind").asString().equals("ALL")) {
                everyone = g;
            }
        }
        assertThat(everyone).isNotNull();
        assertThat(everyone.get("shown").asBoolean()).isTrue();
        JsonNode scale = everyone.get("items").get(0);
        assertThat(scale.get("shown").asBoolean()).isTrue();
        assertThat(scale.get("count").asInt()).isEqualTo(5);
        assertThat(scale.get("average").decimalValue()).isEqualByComparingTo("4.0");
        JsonNode text = everyone.get("items").get(1);
        assertThat(text.get("shown").asBoolean()).isFalse();
        assertThat(text.get("reason").asString()).isEqualTo("TOO_FEW");
        assertThat(text.path("count").isMissingNode() || text.get("count").isNull())
                .isTrue();
        assertThat(text.path("texts")).isEmpty();
        // The one comment never leaves the server, by the API or on the page, in either language.
        assertThat(body).doesNotContain("Fewer internal meetings");
        String page = admin.get("/pulse/surveys/" + survey).body();
        assertThat(page)
                .doesNotContain("Fewer internal meetings")
                .contains("hidden: fewer than the minimum group size answered this question here")
                .contains("Average 4 of 5 (5 answers)");
        assertThat(admin.get("/pulse/surveys/" + survey + "?lang=de").body())
                .doesNotContain("Fewer internal meetings")
                .contains("verborgen: weniger als die Mindestgröße der Gruppe haben diese Frage hier beantwortet");
    }
}
