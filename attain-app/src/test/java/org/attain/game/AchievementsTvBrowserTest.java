package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium, in English and in German: a comp admin is told what is missing in an achievement rule, creates one
 * applied to the past and sees how many achieved it; the rep sees the badge and its points on /game. The admin
 * creates a TV link to two boards; a screen without login shows them large, one at a time, moving on to the next by
 * itself; once revoked the link is refused. Screenshots under target/screenshots.
 */
class AchievementsTvBrowserTest extends AttainIntegrationTest {

    record Texts(
            String lang,
            String fix,
            String thresholdError,
            String ruleKind,
            String badges,
            String tvOnce,
            String tvRevoked,
            String position) {}

    static final Texts EN = new Texts(
            "en-US",
            "Please fix",
            "Enter a positive threshold with at most 4 decimals.",
            "First deal over an amount",
            "My achievements and badges",
            "Copy this link now",
            "TV link revoked; it no longer opens.",
            "Board 1 of 2");
    static final Texts DE = new Texts(
            "de-DE",
            "",
            "Geben Sie eine positive Schwelle mit höchstens 4 Nachkommastellen ein.",
            "Erster Abschluss über einem Betrag",
            "Meine Erfolge und Abzeichen",
            "Kopieren Sie diesen Link jetzt",
            "TV-Link widerrufen; er öffnet nichts mehr.",
            "Bestenliste 1 von 2");

    @Test
    void anEnglishAdminDefinesAnAchievementTheRepSeesItAndATvScreenShowsBoardsUntilRevoked() {
        walkThrough(EN);
    }

    @Test
    void aGermanAdminDefinesAnAchievementTheRepSeesItAndATvScreenShowsBoardsUntilRevoked() {
        walkThrough(DE);
    }

    private long board(WebSession s, String json) {
        HttpResponse<String> r = s.sendJson("POST", "/api/v1/game/boards", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body()).get("id").asLong();
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        WebSession api = login("compadmin", "demo");
        String quarter = Json.parse(
                        api.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        long fair = board(api, """
                {"name":"Fair race %s","metric":"BOOKINGS","basis":"PERCENT_OF_GOAL","period":"%s"}""".formatted(suffix, quarter));
        long calls = board(api, """
                {"name":"Calls %s","metric":"CALLS","basis":"VALUE","period":"%s"}""".formatted(suffix, quarter));
        String tvPath;
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 2600);
            WebDriver d = browser.driver();
            browser.open("/game/manage");

            // A rule without a threshold: the field is named, nothing saved.
            d.findElement(By.id("r-name")).sendKeys("Big deal " + suffix);
            new Select(d.findElement(By.id("r-kind"))).selectByValue("FIRST_DEAL_OVER");
            d.findElement(By.cssSelector("[data-test=rule-save]")).click();
            assertThat(browser.textOnceItShows("[data-error=r-threshold]", t.thresholdError()))
                    .isEqualTo(t.thresholdError());
            assertThat(browser.text("[data-test=manage-rules]")).doesNotContain("Big deal " + suffix);

            d.findElement(By.id("r-threshold")).sendKeys("1");
            d.findElement(By.id("r-points")).sendKeys("30");
            d.findElement(By.id("r-past")).click();
            d.findElement(By.cssSelector("[data-test=rule-save]")).click();
            assertThat(browser.text("[data-test=game-notice]")).isNotBlank();
            assertThat(browser.text("[data-test=manage-rules]")).contains("Big deal " + suffix, t.ruleKind());
            browser.screenshot("game-achievements-manage-" + suffix);

            // A TV link to two boards.
            d.findElement(By.id("tv-name")).sendKeys("Sales floor " + suffix);
            d.findElement(By.cssSelector("input[name=boards][value='" + fair + "']"))
                    .click();
            d.findElement(By.cssSelector("input[name=boards][value='" + calls + "']"))
                    .click();
            d.findElement(By.cssSelector("[data-test=tv-save]")).click();
            assertThat(browser.textOnceItShows("[data-test=tv-created]", t.tvOnce()))
                    .startsWith(t.tvOnce());
            tvPath = browser.text("[data-test=tv-url]");
            assertThat(tvPath).startsWith("/tv/");
            browser.screenshot("game-tv-manage-" + suffix);
            assertThat(browser.cspViolations()).isEmpty();
        }
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("rep", "demo");
            browser.resize(1280, 1400);
            browser.open("/game");
            assertThat(browser.text("[data-test=game-badges] h2")).isEqualTo(t.badges());
            assertThat(browser.text("[data-test=game-badges]")).contains("Big deal " + suffix, "+30");
            assertThat(browser.text("[data-test=game-points]")).contains("Big deal " + suffix);
            browser.screenshot("game-badges-rep-" + suffix);
        }
        try (Browser screen = new Browser(baseUrl(), t.lang())) {
            screen.resize(1920, 1080);
            screen.open(tvPath);
            // The boards rotate in the order they were listed on the page (newest first).
            assertThat(screen.text(".tv-board.current h1")).isEqualTo("Calls " + suffix);
            assertThat(screen.text(".tv-board.current .tv-foot")).isEqualTo(t.position());
            assertThat(screen.driver().findElements(By.cssSelector(".tv-board.current tbody tr")))
                    .hasSizeGreaterThan(3);
            assertThat(screen.driver().findElements(By.cssSelector(".tv-board")).stream()
                            .filter(e -> e.isDisplayed())
                            .count())
                    .as("one board at a time")
                    .isEqualTo(1);
            screen.screenshot("game-tv-screen-" + suffix);
            // 15 seconds later the screen shows the next board by itself, nobody touching it.
            new org.openqa.selenium.support.ui.WebDriverWait(screen.driver(), java.time.Duration.ofSeconds(25))
                    .until(d -> "1".equals(d.findElement(By.tagName("body")).getDomAttribute("data-current")));
            assertThat(screen.text(".tv-board.current h1")).isEqualTo("Fair race " + suffix);
            assertThat(screen.text(".tv-board.current .tv-foot"))
                    .isEqualTo(t.position().replace(" 1 ", " 2 "));
            screen.screenshot("game-tv-screen-next-" + suffix);
            assertThat(screen.cspViolations()).isEmpty();
        }
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 2600);
            browser.open("/game/manage");
            browser.driver()
                    .findElement(By.xpath("//table[@data-test='tv-links']//tr[td[text()='Sales floor " + suffix
                            + "']]//button[@data-test='tv-revoke']"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=game-notice]", t.tvRevoked()))
                    .isEqualTo(t.tvRevoked());
        }
        assertThat(WebSession.anonymous(baseUrl()).get(tvPath).statusCode()).isEqualTo(410);
    }
}
