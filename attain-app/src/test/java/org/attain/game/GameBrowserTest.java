package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A comp admin in Chromium, in English and in German: opens Leaderboards from the navigation, is told what is
 * wrong with a contest without participants that ends before it starts, creates a percent-of-goal board and a
 * contest, settles it and pays the cash prize, and is refused the same contest again (it would pay the same prize
 * twice); the rep then sees their place and band on the board and no one else's amounts, and on a running race their
 * place and how far they are from the target. Screenshots of each page under target/screenshots.
 */
class GameBrowserTest extends AttainIntegrationTest {

    record Texts(
            String lang,
            String nav,
            String title,
            String manage,
            String noParticipants,
            String endBeforeStart,
            String boardCreated,
            String privacy,
            String where,
            String place,
            String settled,
            String paid,
            String samePrize,
            String toGo) {}

    static final Texts EN = new Texts(
            "en-US",
            "Leaderboards",
            "Leaderboards and contests",
            "Manage leaderboards and contests",
            "Add at least one participant.",
            "The end must not be before the start.",
            "Leaderboard created.",
            "Other people's amounts are not shown",
            "Where I stand",
            "Place ",
            "Contest settled",
            "Prize approved and paid as a SPIFF line.",
            "Another contest of the same kind already pays this place for the same metric, days and participants; "
                    + "a prize is paid once:",
            "%s of %s: %s to go.");
    static final Texts DE = new Texts(
            "de-DE",
            "Bestenlisten",
            "Bestenlisten und Wettbewerbe",
            "Bestenlisten und Wettbewerbe verwalten",
            "Fügen Sie mindestens eine teilnehmende Person hinzu.",
            "Das Ende darf nicht vor dem Beginn liegen.",
            "Bestenliste angelegt.",
            "Beträge anderer werden auf dieser Liste nicht gezeigt",
            "Mein Stand",
            "Platz ",
            "Wettbewerb abgerechnet",
            "Preis genehmigt und als SPIFF-Zeile ausgezahlt.",
            "Ein anderer Wettbewerb derselben Art zahlt diesen Platz schon für dieselbe Kennzahl, dieselben Tage und "
                    + "dieselben Teilnehmenden; ein Preis wird nur einmal gezahlt:",
            "%s von %s: noch %s.");

    @Test
    void anEnglishCompAdminRunsABoardAndAContestAndTheRepSeesOnlyTheirOwnAmounts() {
        walkThrough(EN);
    }

    @Test
    void aGermanCompAdminRunsABoardAndAContestAndTheRepSeesOnlyTheirOwnAmounts() {
        walkThrough(DE);
    }

    private static void set(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value);
    }

    private void walkThrough(Texts t) {
        String suffix = t.lang().substring(0, 2);
        JsonNodeHolder me = new JsonNodeHolder(
                Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person"));
        String boardUrl;
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("compadmin", "demo");
            browser.resize(1280, 1800);
            WebDriver d = browser.driver();
            browser.clickNav(t.nav());
            assertThat(browser.text("h1")).isEqualTo(t.title());
            d.findElement(By.cssSelector("[data-test=game-manage]")).click();
            assertThat(browser.textOnceItShows("h1", t.manage())).isEqualTo(t.manage());

            // A contest without participants that ends before it starts: both fields named, nothing saved.
            d.findElement(By.id("c-name")).sendKeys("Broken " + suffix);
            set(d, "c-startsOn", TODAY.minusDays(3).toString());
            set(d, "c-endsOn", TODAY.minusDays(10).toString());
            d.findElement(By.cssSelector("[data-test=contest-save]")).click();
            assertThat(browser.textOnceItShows("[data-error=participants]", t.noParticipants()))
                    .isEqualTo(t.noParticipants());
            assertThat(browser.textOnceItShows("[data-error=endsOn]", t.endBeforeStart()))
                    .isEqualTo(t.endBeforeStart());
            assertThat(browser.text("[data-test=manage-contests]")).doesNotContain("Broken " + suffix);
            browser.screenshot("game-contest-refused-" + suffix);

            // A valid contest on last month's meetings (the German one a day longer: the same contest twice would pay
            // the same prize twice), settled and its cash prize paid.
            String starts = TODAY.minusDays(suffix.equals("de") ? 31 : 30).toString();
            fillContest(d, "Meetings sprint " + suffix, starts, me);
            d.findElement(By.cssSelector("[data-test=contest-save]")).click();
            // Wait for the contest's own page: reading the form page's heading mid-navigation meets a stale element.
            new WebDriverWait(d, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBe(By.tagName("h1"), "Meetings sprint " + suffix));
            assertThat(d.findElements(By.cssSelector("[data-test=contest-places] tbody tr")))
                    .hasSize(1);
            // The created contest's page has a notice too: wait for the next page's notice by its text (waiting for the
            // old element to go stale can meet Chromium's "node does not belong to the document" mid-navigation).
            By notice = By.cssSelector("[data-test=game-notice]");
            d.findElement(By.cssSelector("[data-test=settle]")).click();
            new WebDriverWait(d, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(notice, t.settled()));
            d.findElement(By.cssSelector("[data-test=approve]")).click();
            new WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(notice, t.paid()));
            assertThat(browser.textOnceItShows("[data-test=game-notice]", t.paid()))
                    .isEqualTo(t.paid());
            assertThat(d.findElements(By.cssSelector("[data-test=approve]"))).isEmpty();
            browser.screenshot("game-contest-paid-" + suffix);

            // The same contest again under another name: it would pay the same place for the same meetings twice.
            browser.open("/game/manage");
            fillContest(d, "Meetings sprint again " + suffix, starts, me);
            d.findElement(By.cssSelector("[data-test=contest-save]")).click();
            String twice = t.samePrize() + " \"Meetings sprint " + suffix + "\"";
            assertThat(browser.textOnceItShows("[data-error=prizes]", twice)).isEqualTo(twice);
            assertThat(browser.text("[data-test=manage-contests]")).doesNotContain("Meetings sprint again " + suffix);
            ((JavascriptExecutor) d)
                    .executeScript(
                            "arguments[0].scrollIntoView({block: 'center'})",
                            d.findElement(By.cssSelector("[data-error=prizes]")));
            browser.screenshot("game-contest-twice-refused-" + suffix);

            // A percent-of-goal board.
            browser.open("/game/manage");
            d.findElement(By.id("b-name")).sendKeys("Fair race " + suffix);
            new Select(d.findElement(By.id("b-metric"))).selectByValue("BOOKINGS");
            new Select(d.findElement(By.id("b-basis"))).selectByValue("PERCENT_OF_GOAL");
            d.findElement(By.cssSelector("[data-test=board-save]")).click();
            assertThat(browser.textOnceItShows("[data-test=game-notice]", t.boardCreated()))
                    .isEqualTo(t.boardCreated());
            assertThat(d.findElements(By.cssSelector("[data-test=board-rows] tbody tr"))
                            .size())
                    .isGreaterThan(3);
            browser.screenshot("game-board-admin-" + suffix);
            boardUrl = d.getCurrentUrl().substring(baseUrl().length());
            assertThat(browser.cspViolations()).isEmpty();
        }
        // A race to 1,000 meetings that started three days ago, the rep and one colleague in it.
        tools.jackson.databind.JsonNode colleague = null;
        org.attain.support.WebSession compAdmin = login("compadmin", "demo");
        for (tools.jackson.databind.JsonNode p : Json.parse(compAdmin
                .get("/api/v1/people/" + me.node.get("managerId").asLong() + "/reports")
                .body())) {
            if (colleague == null
                    && "REP".equals(p.get("roleType").asString())
                    && p.get("id").asLong() != me.node.get("id").asLong()) {
                colleague = p;
            }
        }
        assertThat(colleague).isNotNull();
        java.net.http.HttpResponse<String> created = compAdmin.sendJson("POST", "/api/v1/game/contests", """
                {"name":"Meeting marathon %s","kind":"RACE","metric":"MEETINGS","startsOn":"%s","endsOn":"%s","target":"1000",
                 "participants":["%s","%s"]}""".formatted(
                        suffix,
                        TODAY.minusDays(3),
                        TODAY.plusDays(10),
                        me.node.get("externalId").asString(),
                        colleague.get("externalId").asString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long race = Json.parse(created.body()).get("id").asLong();
        tools.jackson.databind.JsonNode raceStanding = null;
        for (tools.jackson.databind.JsonNode p : Json.parse(
                        compAdmin.get("/api/v1/game/contests/" + race).body())
                .get("places")) {
            if (p.get("personId").asLong() == me.node.get("id").asLong()) {
                raceStanding = p;
            }
        }
        assertThat(raceStanding).isNotNull();
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("rep", "demo");
            browser.resize(1280, 1600);
            browser.open(boardUrl);
            assertThat(browser.text("[data-test=board-me] h2")).isEqualTo(t.where());
            assertThat(browser.text("[data-test=board-me] .kpi")).startsWith(t.place());
            assertThat(browser.text("[data-test=board-privacy]")).startsWith(t.privacy());
            List<String> values = browser
                    .driver()
                    .findElements(By.cssSelector("[data-test=board-rows] tbody tr:not(.mine) td:last-child"))
                    .stream()
                    .map(e -> e.getText())
                    .toList();
            assertThat(values).isNotEmpty().allMatch("–"::equals);
            browser.screenshot("game-board-rep-" + suffix);
            browser.open("/game");
            assertThat(browser.text("[data-test=game-points]")).contains("50");
            browser.screenshot("game-index-rep-" + suffix);

            // A race still running: the rep sees their place and how far they are from the target, their row marked.
            browser.open("/game/contests/" + race);
            assertThat(browser.text("[data-test=contest-me] h2")).isEqualTo(t.where());
            assertThat(browser.text("[data-test=contest-me] .kpi"))
                    .isEqualTo(t.place() + raceStanding.get("place").asInt() + (suffix.equals("de") ? " von " : " of ")
                            + "2");
            java.text.NumberFormat n =
                    java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag(t.lang()));
            long meetings = raceStanding.get("value").asLong();
            assertThat(browser.text("[data-test=contest-progress]"))
                    .isEqualTo(t.toGo().formatted(n.format(meetings), n.format(1000), n.format(1000 - meetings)));
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=contest-places] tr.mine")))
                    .hasSize(1);
            browser.screenshot("game-contest-rep-" + suffix);
        }
    }

    private static void fillContest(WebDriver d, String name, String starts, JsonNodeHolder me) {
        d.findElement(By.id("c-name")).clear();
        d.findElement(By.id("c-name")).sendKeys(name);
        new Select(d.findElement(By.id("c-metric"))).selectByValue("MEETINGS");
        new Select(d.findElement(By.id("c-kind"))).selectByValue("CLASSIC");
        set(d, "c-startsOn", starts);
        set(d, "c-endsOn", TODAY.minusDays(1).toString());
        d.findElement(By.id("c-participants")).clear();
        d.findElement(By.id("c-participants"))
                .sendKeys(me.node.get("externalId").asString());
        for (String field : List.of("c-cash1", "c-currency1", "c-points1")) {
            d.findElement(By.id(field)).clear();
        }
        d.findElement(By.id("c-cash1")).sendKeys("100");
        d.findElement(By.id("c-currency1")).sendKeys(me.node.get("currency").asString());
        d.findElement(By.id("c-points1")).sendKeys("50");
    }

    record JsonNodeHolder(tools.jackson.databind.JsonNode node) {}
}
