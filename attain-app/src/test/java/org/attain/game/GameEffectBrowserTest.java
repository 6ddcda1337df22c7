package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * A manager in Chromium, in English and in German, opens a contest of their team and its participation and effect
 * page: who has progressed and who has not moved, each participant's meetings during the contest against as many days
 * before, and the totals, which the page's rows add up to. Screenshots under target/screenshots.
 */
class GameEffectBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String link, String heading, String moved, String notMoved) {}

    @Test
    void anEnglishManagerSeesWhoProgressedAndTheContestsEffectOnMeetings() {
        walkThrough(new Texts(
                "en-US",
                "Participation and effect on the metric",
                "Participation and effect: ",
                "Progressed",
                "Not moved"));
    }

    @Test
    void aGermanManagerSeesWhoProgressedAndTheContestsEffectOnMeetings() {
        walkThrough(new Texts(
                "de-DE",
                "Beteiligung und Wirkung auf die Kennzahl",
                "Beteiligung und Wirkung: ",
                "Zugelegt",
                "Nicht bewegt"));
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        WebSession manager = login("manager", "demo");
        long managerId = Json.parse(manager.get("/api/v1/me").body())
                .get("person")
                .get("id")
                .asLong();
        List<String> team = new ArrayList<>();
        Json.parse(manager.get("/api/v1/people/" + managerId + "/reports").body())
                .forEach(p -> {
                    if (team.size() < 5 && "REP".equals(p.get("roleType").asString())) {
                        team.add(p.get("externalId").asString());
                    }
                });
        assertThat(team).hasSizeGreaterThan(1);
        String name = "Meetings push " + suffix;
        HttpResponse<String> created = manager.sendJson("POST", "/api/v1/game/contests", """
                {"name":"%s","kind":"CLASSIC","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","participants":%s}""".formatted(
                        name, TODAY.minusDays(13), TODAY.plusDays(14), GameTest.toJson(team)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Json.parse(created.body()).get("id").asLong();

        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("manager", "demo");
            browser.resize(1280, 1100);
            WebDriver d = browser.driver();
            browser.open("/game/contests/" + id);
            d.findElement(By.cssSelector("[data-test=effect-link]")).click();
            assertThat(browser.textOnceItShows("h1", t.heading() + name)).isEqualTo(t.heading() + name);
            List<WebElement> rows = d.findElements(By.cssSelector("[data-test=effect-rows] tbody tr"));
            assertThat(rows).hasSize(team.size());
            int moved = 0;
            BigDecimal during = BigDecimal.ZERO;
            for (WebElement r : rows) {
                boolean m = Boolean.parseBoolean(r.getAttribute("data-moved"));
                String status = r.findElements(By.tagName("td")).get(1).getText();
                assertThat(status).isEqualTo(m ? t.moved() : t.notMoved());
                moved += m ? 1 : 0;
                during = during.add(new BigDecimal(r.findElements(By.tagName("td"))
                        .get(2)
                        .getText()
                        .replace(".", "")
                        .replace(",", "")));
            }
            assertThat(browser.text("[data-test=effect-participation] .kpi")).startsWith(moved + " ");
            assertThat(browser.text("[data-test=effect-total] .kpi")).isEqualTo(during.toPlainString());
            assertThat(browser.text("[data-test=effect-about]"))
                    .contains(suffix.equals("en") ? "compared with" : "verglichen");
            assertThat(browser.cspViolations()).isEmpty();
            browser.screenshot("game-contest-effect-" + suffix);
        }
        JsonNode denied = Json.parse(
                login("rep", "demo").get("/game/contests/" + id + "/effect").statusCode() == 403
                        ? "{}"
                        : "{\"shown\":true}");
        assertThat(denied.has("shown"))
                .as("a rep is refused the manager's page")
                .isFalse();
    }
}
