package org.attain.game.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * In Chromium, in English and in German: an admin reaches the chat page from the leaderboards, is told what is wrong
 * with a webhook without an address, adds a Teams webhook and sees its address only masked, then removes it.
 * Screenshots under target/screenshots.
 */
class ChatPagesBrowserTest extends AttainIntegrationTest {

    record Texts(String lang, String title, String urlError, String created, String removed, String teams) {}

    @Test
    void anEnglishAdminAddsAndRemovesAChatWebhook() {
        walk(new Texts(
                "en-US",
                "Chat posts",
                "Enter the webhook's full address, starting with https://.",
                "Webhook added.",
                "Webhook removed; it gets no more posts.",
                "Microsoft Teams"));
    }

    @Test
    void aGermanAdminAddsAndRemovesAChatWebhook() {
        walk(new Texts(
                "de-DE",
                "Chat-Beiträge",
                "Geben Sie die vollständige Adresse des Webhooks ein, beginnend mit https://.",
                "Webhook hinzugefügt.",
                "Webhook entfernt; er erhält keine Beiträge mehr.",
                "Microsoft Teams"));
    }

    private void walk(Texts t) {
        String suffix = t.lang().substring(0, 2);
        try (Browser browser = new Browser(baseUrl(), t.lang())) {
            browser.logIn("admin", "demo");
            browser.resize(1280, 1400);
            WebDriver d = browser.driver();
            browser.open("/game");
            d.findElement(By.cssSelector("[data-test=game-chat]")).click();
            assertThat(browser.textOnceItShows("h1", t.title())).isEqualTo(t.title());

            String name = "Floor " + suffix;
            d.findElement(By.id("w-name")).sendKeys(name);
            new Select(d.findElement(By.id("w-kind"))).selectByValue("TEAMS");
            d.findElement(By.cssSelector("[data-test=chat-save]")).click();
            assertThat(browser.textOnceItShows("[data-error=w-url]", t.urlError()))
                    .isEqualTo(t.urlError());
            assertThat(browser.text("[data-test=chat-webhooks]")).doesNotContain(name);

            d.findElement(By.id("w-url"))
                    .sendKeys("https://example.webhook.office.com/webhookb2/secret-part-" + suffix
                            + "/IncomingWebhook/abcd9876");
            new Select(d.findElement(By.id("w-language"))).selectByValue("de");
            d.findElement(By.cssSelector("[data-test=chat-save]")).click();
            assertThat(browser.textOnceItShows("[data-test=chat-notice]", t.created()))
                    .isEqualTo(t.created());
            String row = "//table[@data-test='chat-webhooks']//tr[td[text()='" + name + "']]";
            assertThat(d.findElement(By.xpath(row)).getText()).contains(t.teams(), "Deutsch");
            assertThat(d.findElement(By.xpath(row + "//code")).getText())
                    .isEqualTo("https://example.webhook.office.com/…9876");
            assertThat(browser.pageText()).doesNotContain("secret-part");
            browser.screenshot("game-chat-" + suffix);
            assertThat(browser.cspViolations()).isEmpty();

            d.findElement(By.xpath(row + "//button[@data-test='chat-remove']")).click();
            assertThat(browser.textOnceItShows("[data-test=chat-notice]", t.removed()))
                    .isEqualTo(t.removed());
            assertThat(browser.text("[data-test=chat-webhooks]")).doesNotContain(name);
        }
    }
}
