package org.attain.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A survey from sending to results in Chromium, in English and in German: the admin finds the demo's past surveys
 * and their trend, is refused a survey that would identify people, sends one to the demo rep's team and a sibling
 * team; the rep answers it from the navigation (refused without a score, then thanked, then refused a second time);
 * colleagues answer through their links; the admin reads the results with the small team and the team that would
 * reveal it hidden; the demo manager sees only their own team's row.
 */
class PulseBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    record Texts(
            String lang,
            String nav,
            String title,
            String pastSurvey,
            String newTitle,
            String wouldIdentify,
            String sent,
            String noScore,
            String thanks,
            String used,
            String everyone,
            String tooFew,
            String wouldReveal) {}

    static final Texts EN = new Texts(
            "en-US",
            "Surveys",
            "Pulse surveys",
            "Pulse – autumn",
            "New pulse survey",
            "the results would identify people",
            "sent to",
            "Choose a score from 0 to 10.",
            "Thank you. Your answer was stored without your name",
            "This answer link is unknown or was already used",
            "Everyone surveyed",
            "hidden: too few answers",
            "hidden: would reveal another group");
    static final Texts DE = new Texts(
            "de-DE",
            "Umfragen",
            "Pulsumfragen",
            "Pulse – autumn",
            "Neue Pulsumfrage",
            "die Ergebnisse würden Personen erkennbar machen",
            "gesendet",
            "Wählen Sie einen Wert von 0 bis 10.",
            "Danke. Ihre Antwort wurde ohne Ihren Namen gespeichert",
            "Dieser Antwortlink ist unbekannt oder schon benutzt",
            "Alle Befragten",
            "verborgen: zu wenige Antworten",
            "verborgen: würde eine andere Gruppe verraten");

    @Test
    void anEnglishSurveyGoesFromSendingToResults() {
        walk(EN);
    }

    @Test
    void aGermanSurveyGoesFromSendingToResults() {
        walk(DE);
    }

    private void walk(Texts t) {
        String suffix = t.lang().substring(0, 2);
        long repTeam = jdbc.sql(
                        "select p.team_id from person p join app_user u on u.person_id = p.id where u.username = 'rep'")
                .query(Long.class)
                .single();
        long sibling = jdbc.sql("""
                        select t.id from team t where t.region_id = (select region_id from team where id = :team) and t.id <> :team
                          and (select count(*) from person p where p.team_id = t.id and p.employment_end is null) >= 5
                        order by t.id limit 1""").param("team", repTeam).query(Long.class).single();
        String surveyTitle = "Browser pulse " + suffix;
        long survey;
        try (Browser admin = new Browser(baseUrl(), t.lang())) {
            admin.logIn("admin", "demo");
            admin.resize(1280, 1800);
            admin.clickNav(t.nav());
            assertThat(admin.text("h1")).isEqualTo(t.title());
            assertThat(admin.text("[data-test=pulse-surveys]")).contains(t.pastSurvey());
            assertThat(admin.driver().findElements(By.cssSelector("[data-test=pulse-trend] canvas")))
                    .isNotEmpty();
            admin.screenshot("pulse-home-admin-" + suffix);

            // Too few people for the minimum: refused, nothing sent.
            admin.driver().findElement(By.cssSelector("[data-test=pulse-new]")).click();
            assertThat(admin.text("h1")).isEqualTo(t.newTitle());
            fill(admin, "ps-title", surveyTitle);
            fill(admin, "ps-min", "500");
            check(admin, repTeam);
            admin.driver()
                    .findElement(By.cssSelector("[data-test=pulse-send-survey]"))
                    .click();
            assertThat(admin.text("[data-test=pulse-problems]")).contains(t.wouldIdentify());
            admin.screenshot("pulse-new-refused-" + suffix);
            assertThat(count("select count(*) from pulse_survey where title = '" + surveyTitle + "'"))
                    .isZero();

            fill(admin, "ps-min", "5");
            check(admin, sibling);
            fill(admin, "ps-q1", "I have what I need " + suffix);
            admin.driver()
                    .findElement(By.cssSelector("[data-test=pulse-send-survey]"))
                    .click();
            assertThat(admin.text("[data-test=pulse-notice]"))
                    .contains(surveyTitle)
                    .contains(t.sent());
            survey = jdbc.sql("select id from pulse_survey where title = :t")
                    .param("t", surveyTitle)
                    .query(Long.class)
                    .single();
        }

        try (Browser rep = new Browser(baseUrl(), t.lang())) {
            rep.logIn("rep", "demo");
            rep.resize(1280, 1400);
            rep.clickNav(t.nav());
            WebElement row =
                    rep.driver().findElements(By.cssSelector("[data-test=pulse-invitations] tbody tr")).stream()
                            .filter(r -> r.getText().contains(surveyTitle))
                            .findFirst()
                            .orElseThrow();
            row.findElement(By.cssSelector("a.button")).click();
            String answerUrl = rep.driver().getCurrentUrl();
            assertThat(rep.text("h1")).isEqualTo(surveyTitle);
            rep.screenshot("pulse-answer-" + suffix);
            rep.driver().findElement(By.cssSelector("[data-test=pulse-send]")).click();
            assertThat(rep.text("[data-test=pulse-problems]")).contains(t.noScore());
            rep.driver().findElement(By.cssSelector("[data-test=score-9]")).click();
            rep.driver().findElement(By.cssSelector("[data-test=q-1-4]")).click();
            rep.driver().findElement(By.cssSelector("[data-test=pulse-send]")).click();
            assertThat(rep.text("[data-test=pulse-notice]")).contains(t.thanks());
            rep.screenshot("pulse-answered-" + suffix);
            rep.driver().get(answerUrl);
            assertThat(rep.text("[data-test=pulse-problems]")).contains(t.used());
            assertThat(rep.driver().findElements(By.cssSelector("[data-test=pulse-answer]")))
                    .isEmpty();
        }
        assertThat(count("select count(*) from pulse_answer where survey_id = " + survey))
                .isEqualTo(1);

        // Colleagues answer through their own links: five more in the rep's team, two in the sibling team.
        WebSession someone = login("compadmin", "demo");
        int[] scores = {10, 9, 8, 6, 0};
        List<String> tokens = tokens(survey, repTeam, 5);
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(someone.sendJson(
                                    "POST",
                                    "/api/v1/pulse/answers",
                                    "{\"token\": \"" + tokens.get(i) + "\", \"score\": " + scores[i] + "}")
                            .statusCode())
                    .isEqualTo(204);
        }
        for (String token : tokens(survey, sibling, 2)) {
            assertThat(someone.sendJson("POST", "/api/v1/pulse/answers", "{\"token\": \"" + token + "\", \"score\": 7}")
                            .statusCode())
                    .isEqualTo(204);
        }

        try (Browser admin = new Browser(baseUrl(), t.lang())) {
            admin.logIn("admin", "demo");
            admin.resize(1280, 1400);
            admin.open("/pulse/surveys/" + survey);
            assertThat(admin.driver().findElements(By.cssSelector("[data-test=pulse-chart] canvas")))
                    .isNotEmpty();
            String table = admin.text("[data-test=pulse-groups]");
            assertThat(table).contains(t.everyone()).contains(t.tooFew()).contains(t.wouldReveal());
            assertThat(admin.text("[data-test=pulse-groups] tbody tr:first-child"))
                    .contains("13");
            // Only the rep answered the optional question: its average stays hidden though the group's score is shown.
            assertThat(admin.driver().findElements(By.cssSelector("[data-test=item-hidden]")))
                    .isNotEmpty();
            assertThat(admin.driver().findElements(By.cssSelector("[data-test=pulse-csv]")))
                    .hasSize(1);
            admin.screenshot("pulse-results-admin-" + suffix);
        }
        // The suite's other tests may add people to the rep's team who report elsewhere: the manager then sees nothing.
        boolean managersTeam = PulseSurveysTest.managerHasTheWholeTeam(jdbc, survey, repTeam);
        try (Browser manager = new Browser(baseUrl(), t.lang())) {
            manager.logIn("manager", "demo");
            if (!managersTeam) {
                manager.open("/pulse/surveys/" + survey);
                assertThat(manager.driver().findElements(By.cssSelector("[data-test=pulse-groups] tbody tr")))
                        .isEmpty();
                return;
            }
            manager.resize(1280, 1200);
            manager.clickNav(t.nav());
            manager.driver().findElement(By.linkText(surveyTitle)).click();
            assertThat(manager.driver().findElements(By.cssSelector("[data-test=pulse-groups] tbody tr")))
                    .hasSize(1);
            assertThat(manager.text("[data-test=pulse-groups]")).doesNotContain(t.everyone());
            manager.screenshot("pulse-results-manager-" + suffix);
        }
    }

    private static void fill(Browser b, String id, String value) {
        WebElement input = b.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private static void check(Browser b, long team) {
        WebElement box = b.driver().findElement(By.cssSelector("[data-test=pulse-teams] input[value='" + team + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> tokens(long survey, long team, int n) {
        return jdbc.sql("""
                        select r.token from pulse_recipient r join pulse_group g on g.id = r.group_id
                        where r.survey_id = :s and g.ref_id = :team and g.kind = 'TEAM'
                          and r.person_id not in (select person_id from app_user where person_id is not null)
                        order by r.person_id limit :n""")
                .param("s", survey)
                .param("team", team)
                .param("n", n)
                .query(String.class)
                .list();
    }
}
