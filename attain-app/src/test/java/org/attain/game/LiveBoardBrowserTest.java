package org.attain.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Locale;
import org.attain.integration.SignedWebhook;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Issue 17 point 5, "Done means": two people (the rep and their manager, each in their own Chromium) have the same
 * bookings board open and a TV screen shows it without login; deals arrive through the API
 * ({@code POST /api/v1/transactions/bulk}) and every screen shows the new values without a reload, each as its viewer
 * may see it (the rep's own row marked as theirs on the rep's screen only). English and German. An open-pipeline board
 * shows a CRM's open deal arriving through its signed webhook. Screenshots under target/screenshots.
 */
class LiveBoardBrowserTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void anEnglishBoardOpenInTwoBrowsersAndOnATvShowsADealPostedThroughTheApi() {
        watch("en-US", Locale.US);
    }

    @Test
    void aGermanBoardOpenInTwoBrowsersAndOnATvShowsADealPostedThroughTheApi() {
        watch("de-DE", Locale.GERMANY);
    }

    private void watch(String lang, Locale locale) {
        String suffix = lang.substring(0, 2);
        WebSession api = login("compadmin", "demo");
        String quarter = Json.parse(
                        api.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        HttpResponse<String> created = api.sendJson("POST", "/api/v1/game/boards", """
                {"name":"Live bookings %s","metric":"BOOKINGS","basis":"VALUE","period":"%s"}""".formatted(suffix, quarter));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long board = Json.parse(created.body()).get("id").asLong();
        HttpResponse<String> link = api.sendJson("POST", "/api/v1/game/tv-links", """
                {"name":"Live floor %s","boards":[%d]}""".formatted(suffix, board));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(201);
        String tvPath = Json.parse(link.body()).get("path").asString();

        long rep = Json.parse(login("rep", "demo").get("/api/v1/me").body())
                .get("person")
                .get("id")
                .asLong();
        JsonNode view = Json.parse(api.get("/api/v1/game/boards/" + board).body());
        // The highest-ranked other rep who sells in the board's currency (USD): a deal in another currency
        // reaches the board converted at the day's rate, not as the amount posted.
        long leader = -1;
        for (JsonNode row : view.get("rows")) {
            long key = row.get("key").asLong();
            if (key != rep
                    && "USD"
                            .equals(Json.parse(api.get("/api/v1/people/" + key).body())
                                    .get("currency")
                                    .asString())) {
                leader = key;
                break;
            }
        }
        assertThat(leader).as("a USD rep on the board").isPositive();
        BigDecimal repBefore = value(view, rep);
        BigDecimal leaderBefore = value(view, leader);
        BigDecimal amount = new BigDecimal("1234.50");

        try (Browser repScreen = new Browser(baseUrl(), lang);
                Browser managerScreen = new Browser(baseUrl(), lang);
                Browser tv = new Browser(baseUrl(), lang)) {
            repScreen.logIn("rep", "demo");
            managerScreen.logIn("manager", "demo");
            for (Browser b : new Browser[] {repScreen, managerScreen}) {
                b.resize(1280, 1000);
                b.open("/game/boards/" + board);
                listening(b);
            }
            tv.resize(1920, 1080);
            tv.open(tvPath);
            listening(tv);
            String cell = "tr[data-key='" + rep + "'] [data-test=row-value]";
            assertThat(repScreen.text(cell)).isEqualTo(money(repBefore, locale));
            assertThat(managerScreen.text(cell)).isEqualTo(money(repBefore, locale));

            HttpResponse<String> posted = api.sendJson("POST", "/api/v1/transactions/bulk", """
                    {"source": "crm", "records": [%s, %s]}""".formatted(
                            deal(api, rep, amount), deal(api, leader, amount)));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
            assertThat(Json.parse(posted.body()).get("accepted").asLong()).isEqualTo(2);

            String repAfter = money(repBefore.add(amount), locale);
            for (Browser b : new Browser[] {repScreen, managerScreen}) {
                patiently(b)
                        .until(d -> repAfter.equals(
                                d.findElement(By.cssSelector(cell)).getText()));
            }
            assertThat(repScreen.driver().findElements(By.cssSelector("tr.mine[data-key='" + rep + "']")))
                    .as("the rep's own row is marked on the rep's screen")
                    .hasSize(1);
            assertThat(managerScreen.driver().findElements(By.cssSelector("tr.mine")))
                    .as("and on nobody else's")
                    .isEmpty();
            String tvCell = "tr[data-key='" + leader + "'] [data-test=row-value]";
            String leaderAfter = whole(leaderBefore.add(amount), locale);
            patiently(tv)
                    .until(d -> leaderAfter.equals(
                            d.findElement(By.cssSelector(tvCell)).getText()));

            assertThat(tv.text("[data-test=tv-currency]"))
                    .as("a TV across the room says which currency its amounts are in")
                    .isEqualTo((suffix.equals("de") ? "Beträge in " : "Amounts in ") + "USD");
            repScreen.screenshot("game-live-board-rep-" + suffix);
            managerScreen.screenshot("game-live-board-manager-" + suffix);
            tv.screenshot("game-live-tv-" + suffix);
            assertThat(repScreen.cspViolations()).isEmpty();
            assertThat(managerScreen.cspViolations()).isEmpty();
            assertThat(tv.cspViolations()).isEmpty();
        }
    }

    /**
     * A CRM's open deal arriving through its signed webhook (no transaction, only an opportunity): an open-pipeline
     * board on screen shows the owner's new pipeline without a reload.
     */
    @Test
    void anOpenPipelineBoardShowsACrmDealArrivingThroughItsWebhook() {
        String source = "crm-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> secret = login("admin", "demo")
                .sendJson("POST", "/api/v1/integrations/webhook-sources/" + source + "/secret", null);
        assertThat(secret.statusCode()).isEqualTo(200);
        SignedWebhook crm = new SignedWebhook(
                baseUrl(), source, Json.parse(secret.body()).get("secret").asString(), clock);
        WebSession api = login("compadmin", "demo");
        String quarter = Json.parse(
                        api.get("/api/v1/periods/current?kind=QUARTER").body())
                .get("id")
                .asString();
        HttpResponse<String> created = api.sendJson("POST", "/api/v1/game/boards", """
                {"name":"Live pipeline","metric":"PIPELINE","basis":"VALUE","period":"%s"}""".formatted(quarter));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long board = Json.parse(created.body()).get("id").asLong();
        JsonNode rep = Json.parse(login("rep", "demo").get("/api/v1/me").body()).get("person");
        BigDecimal before = value(
                Json.parse(api.get("/api/v1/game/boards/" + board).body()),
                rep.get("id").asLong());

        try (Browser screen = new Browser(baseUrl(), "en-US")) {
            screen.logIn("compadmin", "demo");
            screen.resize(1280, 1000);
            screen.open("/game/boards/" + board);
            listening(screen);
            String cell = "tr[data-key='" + rep.get("id").asLong() + "'] [data-test=row-value]";
            assertThat(screen.text(cell)).isEqualTo(money(before, Locale.US));

            HttpResponse<String> sent = crm.send("d-" + source, """
                    {"event":"deal.changed","data":{"external_id":"OPP-LIVE-%s","name":"Pilot","stage":"Negotiation",
                     "close_date":"%s","amount":"7777.00","currency":"USD","owner":"%s","probability":"0.5"}}""".formatted(
                            source, TODAY.plusDays(20), rep.get("email").asString()));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

            String after = money(before.add(new BigDecimal("7777.00")), Locale.US);
            patiently(screen)
                    .until(d -> after.equals(d.findElement(By.cssSelector(cell)).getText()));
            assertThat(screen.text("[data-test=board-currency]"))
                    .isEqualTo(
                            "Amounts in USD, the company currency: the open pipeline converted with the exchange rate of the"
                                    + " last day shown.");
            screen.screenshot("game-live-pipeline-en");
            assertThat(screen.cspViolations()).isEmpty();
        }
    }

    /** A wait that reads again when the page swapped the element it was reading (the live refresh). */
    private static WebDriverWait patiently(Browser b) {
        WebDriverWait w = new WebDriverWait(b.driver(), Duration.ofSeconds(15));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    /** Waits until the page's event stream has said it is listening (a deal posted before would go unseen). */
    private static void listening(Browser b) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(15))
                .until(d -> "open".equals(d.findElement(By.tagName("body")).getAttribute("data-board-stream")));
    }

    private static BigDecimal value(JsonNode view, long person) {
        for (JsonNode r : view.get("rows")) {
            if (r.get("key").asLong() == person) {
                return r.get("value").decimalValue();
            }
        }
        throw new AssertionError("person " + person + " is not on the board");
    }

    private static String deal(WebSession api, long person, BigDecimal amount) {
        JsonNode p = Json.parse(api.get("/api/v1/people/" + person).body());
        return """
                {"external_id": "LIVE-BOARD-%d-%d", "close_date": "%s", "amount": "%s", "currency": "%s", "owner": "%s",
                 "deal_type": "expansion"}""".formatted(
                        person,
                        System.nanoTime(),
                        TODAY,
                        amount.toPlainString(),
                        p.get("currency").asString(),
                        p.get("externalId").asString());
    }

    private static String money(BigDecimal v, Locale locale) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(locale)).format(v);
    }

    private static String whole(BigDecimal v, Locale locale) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return f.format(v);
    }
}
