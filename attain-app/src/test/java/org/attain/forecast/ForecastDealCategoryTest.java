package org.attain.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Forecast categories set per deal on the demo company: a pipeline deal set to commit counts in the manager's commit
 * (and back when cleared), a won or lost deal keeps its stage's category, nobody sets a deal outside their subtree,
 * and the manager sets one on the page in English and German.
 */
class ForecastDealCategoryTest extends AttainIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static JsonNode view(WebSession s) {
        return ForecastApiTest.ok(s.get("/api/v1/forecast?currency=USD"));
    }

    private static JsonNode pipelineDeal(JsonNode view) {
        for (JsonNode d : view.get("opportunities")) {
            String stage = d.get("stageCategory").asString();
            if ((stage.equals("PIPELINE") || stage.equals("BEST_CASE"))
                    && !d.get("set").asBoolean()) {
                return d;
            }
        }
        throw new AssertionError("the demo manager has no pipeline or best-case deal this quarter");
    }

    private static JsonNode deal(JsonNode view, long id) {
        for (JsonNode d : view.get("opportunities")) {
            if (d.get("id").asLong() == id) {
                return d;
            }
        }
        throw new AssertionError("no deal " + id);
    }

    private static HttpResponse<String> set(WebSession s, long id, String category) {
        return s.sendJson("PUT", "/api/v1/forecast/deals/" + id + "/category", "{\"category\": \"" + category + "\"}");
    }

    @Test
    void aPipelineDealSetToCommitCountsInTheManagersCommitUntilCleared() {
        WebSession manager = login("manager", "demo");
        JsonNode before = view(manager);
        JsonNode deal = pipelineDeal(before);
        long id = deal.get("id").asLong();
        BigDecimal amount = new BigDecimal(deal.get("amount").asString());
        BigDecimal commit = ForecastApiTest.computed(before.get("total").get("lines"), "COMMIT");
        BigDecimal pipeline = ForecastApiTest.computed(before.get("total").get("lines"), "PIPELINE");

        assertThat(set(manager, id, "commit").statusCode()).isEqualTo(200);
        JsonNode after = view(manager);
        assertThat(deal(after, id).get("category").asString()).isEqualTo("COMMIT");
        assertThat(deal(after, id).get("set").asBoolean()).isTrue();
        assertThat(ForecastApiTest.computed(after.get("total").get("lines"), "COMMIT"))
                .isEqualByComparingTo(commit.add(amount));
        // Cumulative: the pipeline figure already held the deal.
        assertThat(ForecastApiTest.computed(after.get("total").get("lines"), "PIPELINE"))
                .isEqualByComparingTo(pipeline);

        assertThat(set(manager, id, "omitted").statusCode()).isEqualTo(200);
        assertThat(ForecastApiTest.computed(view(manager).get("total").get("lines"), "PIPELINE"))
                .isEqualByComparingTo(pipeline.subtract(amount));

        assertThat(set(manager, id, "stage").statusCode()).isEqualTo(200);
        JsonNode cleared = view(manager);
        assertThat(deal(cleared, id).get("set").asBoolean()).isFalse();
        assertThat(ForecastApiTest.computed(cleared.get("total").get("lines"), "COMMIT"))
                .isEqualByComparingTo(commit);
    }

    @Test
    void closedDealsBadCategoriesAndDealsOutsideTheSubtreeAreRefused() {
        WebSession manager = login("manager", "demo");
        JsonNode view = view(manager);
        Set<Long> mine = new HashSet<>();
        Long closed = null;
        for (JsonNode d : view.get("opportunities")) {
            mine.add(d.get("id").asLong());
            if (d.get("stageCategory").asString().equals("CLOSED")) {
                closed = d.get("id").asLong();
            }
        }
        assertThat(closed).as("a won deal this quarter").isNotNull();
        HttpResponse<String> won = set(manager, closed, "pipeline");
        assertThat(won.statusCode()).isEqualTo(400);
        assertThat(Json.parse(won.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("category");
        long open = pipelineDeal(view).get("id").asLong();
        HttpResponse<String> bad = set(manager, open, "maybe");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("best_case");
        assertThat(set(manager, open, "closed").statusCode()).isEqualTo(400);

        // A deal nobody has, and (when the demo manager's tree does not hold every deal) one outside their tree.
        assertThat(set(manager, 999_999_999L, "commit").statusCode()).isEqualTo(404);
        List<Long> outside = jdbc.sql("""
                        select id from opportunity where close_date between :from and :to and not (id = any(:mine))
                        order by id limit 1""")
                .param("from", java.time.LocalDate.parse(view.get("startsOn").asString()))
                .param("to", java.time.LocalDate.parse(view.get("endsOn").asString()))
                .param("mine", mine.toArray(Long[]::new))
                .query(Long.class)
                .list();
        for (long id : outside) {
            assertThat(set(manager, id, "commit").statusCode()).isEqualTo(404);
        }
        assertThat(set(login("rep", "demo"), open, "commit").statusCode()).isEqualTo(403);
    }

    @Test
    void theManagerSetsADealsCategoryOnThePageInEnglishAndGerman() {
        long id = pipelineDeal(view(login("manager", "demo"))).get("id").asLong();
        for (String lang : List.of("en-US", "de-DE")) {
            try (Browser browser = new Browser(baseUrl(), lang)) {
                browser.logIn("manager", "demo").open("/forecast?size=200");
                browser.resize(1400, 3000);
                // A URL with a page size opens the deal list already.
                if (browser.driver()
                        .findElements(By.cssSelector("[data-test=forecast-deals][open]"))
                        .isEmpty()) {
                    browser.driver()
                            .findElement(By.cssSelector("[data-test=forecast-deals] summary"))
                            .click();
                }
                WebElement row = browser.driver()
                        .findElement(By.cssSelector("[data-test=forecast-deal][data-deal='" + id + "']"));
                new Select(row.findElement(By.name("category"))).selectByValue("commit");
                row.findElement(By.cssSelector("button[type=submit]")).click();
                boolean en = lang.startsWith("en");
                assertThat(browser.textOnceItShows(
                                "[data-test=forecast-notice]",
                                en ? "category is saved" : "Kategorie der Chance ist gespeichert"))
                        .isNotBlank();
                assertThat(browser.text("[data-test=forecast-deal][data-deal='" + id + "']"))
                        .contains(en ? "set for this deal" : "für diese Chance gesetzt");
                assertThat(browser.text("[data-test=forecast-deals] summary"))
                        .contains(en ? "Deals closing in the quarter" : "Chancen mit Abschluss im Quartal");
                assertThat(browser.pageText()).doesNotContain("forecast.").doesNotContain("??");
                assertThat(browser.cspViolations()).isEmpty();
                browser.screenshot("forecast-deal-category-" + lang.substring(0, 2));
            }
            assertThat(set(login("manager", "demo"), id, "stage").statusCode()).isEqualTo(200);
        }
    }
}
