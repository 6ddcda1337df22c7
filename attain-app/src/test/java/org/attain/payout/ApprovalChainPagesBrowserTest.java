package org.attain.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 21.8 in Chromium, in English and German: a comp admin configures approval chains on a page instead of the API
 * (create for a team with ordered levels, edit, delete), a refused form names each field, the menu and the approvals
 * page lead there, and nobody else may open it.
 */
class ApprovalChainPagesBrowserTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCompAdminCreatesEditsAndDeletesATeamsChainInEnglish() {
        // A team no chain names yet, so the test creates, and removes, its own.
        String team = jdbc.sql("""
                        select t.name from org_team_v t
                        where not exists (select 1 from payout_approval_chain c where c.team_id = t.id)
                        order by t.name desc limit 1""").query(String.class).single();
        try (Browser browser = new Browser(baseUrl(), "en-US")) {
            browser.logIn("compadmin", "demo");
            browser.open("/approvals");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=to-chains]"))
                    .click();
            assertThat(browser.textOnceItShows("h1", "Approval chains")).isEqualTo("Approval chains");
            browser.clickNav("Approval chains");
            assertThat(browser.textOnceItShows("h1", "Approval chains")).isEqualTo("Approval chains");

            // Nothing chosen: both fields are named.
            browser.driver()
                    .findElement(By.cssSelector("[data-test=chain-save]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=chain-problems]", "correct"))
                    .contains("correct the marked fields");
            assertThat(browser.textOnceItShows("[data-error=c-scope]", "Choose the plan or the team"))
                    .contains("Choose the plan or the team");
            assertThat(browser.text("[data-error=c-level1]")).contains("Choose who approves level 1");
            assertThat(browser.driver().findElement(By.id("c-scope")).getDomAttribute("aria-invalid"))
                    .isEqualTo("true");
            browser.screenshot("approval-chains-errors-en");

            // A gap: level 2 without level 1.
            choose(browser, "c-scope", team);
            choose(browser, "c-level2", "Finance");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=chain-save]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-error=c-level1]", "empty"))
                    .contains("Level 1 is empty while level 2 is set");

            choose(browser, "c-scope", team);
            choose(browser, "c-level1", "Manager of the payee");
            choose(browser, "c-level2", "Finance");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=chain-save]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-test=chains-notice]", "saved"))
                    .isEqualTo("The approval chain is saved.");
            WebElement row = rowOf(browser, team);
            assertThat(row.getText()).contains("Manager of the payee").contains("Finance");
            assertThat(row.findElements(By.cssSelector("ol.chain-levels li"))).hasSize(2);
            browser.screenshot("approval-chains-saved-en");

            // Edit: the form comes filled in; finance is dropped.
            row.findElement(By.cssSelector("a[data-test^=edit-]")).click();
            assertThat(browser.textOnceItShows("[data-test=chain-form] h2", "Edit chain"))
                    .isEqualTo("Edit chain");
            assertThat(new Select(browser.driver().findElement(By.id("c-level2")))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Finance");
            choose(browser, "c-level2", "(none)");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=chain-save]"))
                    .click();
            browser.textOnceItShows("[data-test=chains-notice]", "saved");
            assertThat(rowOf(browser, team).findElements(By.cssSelector("ol.chain-levels li")))
                    .hasSize(1);
            assertThat(jdbc.sql("""
                            select array_to_string(c.levels, '>') from payout_approval_chain c
                            join org_team_v t on t.id = c.team_id where t.name = :n""").param("n", team).query(String.class).single())
                    .isEqualTo("MANAGER");
            browser.assertAccessible("approval chains (en)");

            // The row can be replaced between finding and clicking it: Browser.click finds it again.
            browser.click(d -> rowOf(browser, team).findElement(By.cssSelector("button[data-test^=delete-]")));
            assertThat(browser.textOnceItShows("[data-test=chains-notice]", "deleted"))
                    .startsWith("The approval chain is deleted");
            assertThat(browser.text("[data-test=chains]")).doesNotContain("Team " + team);
        } finally {
            jdbc.sql("delete from payout_approval_chain where team_id in (select id from org_team_v where name = :n)")
                    .param("n", team)
                    .update();
        }
    }

    @Test
    void theGermanPageNamesTheFieldsInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de-DE")) {
            browser.logIn("admin", "demo");
            browser.open("/approvals/chains?lang=de");
            assertThat(browser.text("h1")).isEqualTo("Freigabeketten");
            assertThat(browser.text("[data-test=chain-form] h2")).isEqualTo("Neue Kette");
            browser.driver()
                    .findElement(By.cssSelector("[data-test=chain-save]"))
                    .click();
            assertThat(browser.textOnceItShows("[data-error=c-scope]", "Wählen"))
                    .contains("Wählen Sie den Plan oder das Team");
            assertThat(browser.text("[data-error=c-level1]")).contains("Wählen Sie, wer Stufe 1 freigibt");
            assertThat(browser.pageText()).contains("Stufe 5").doesNotContain("Level 1");
            browser.assertAccessible("approval chains (de)");
            browser.screenshot("approval-chains-errors-de");
        }
    }

    @Test
    void onlyAdminsAndCompAdminsOpenIt() {
        for (String who : List.of("rep", "manager", "finance")) {
            WebSession s = login(who, "demo");
            assertThat(s.get("/approvals/chains").statusCode()).as(who).isEqualTo(403);
            assertThat(s.postForm("/approvals/chains", Map.of("scope", "team:1", "level1", "MANAGER"))
                            .statusCode())
                    .as(who)
                    .isEqualTo(403);
        }
        assertThat(login("compadmin", "demo").get("/approvals/chains").statusCode())
                .isEqualTo(200);
    }

    private static void choose(Browser browser, String id, String text) {
        new Select(browser.driver().findElement(By.id(id))).selectByVisibleText(text);
    }

    private static WebElement rowOf(Browser browser, String team) {
        return browser.driver().findElements(By.cssSelector("[data-test=chains] tbody tr")).stream()
                .filter(r -> r.getText().contains("Team " + team))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chain row for team " + team));
    }
}
