package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Where a password is chosen (the first admin's setup page) the policy answers in the reader's language. */
class SetupPasswordPolicyTest extends AttainIntegrationTest {

    private static String tryPassword(Browser browser, String username, String password) {
        browser.open("/setup?token=not-a-real-token");
        browser.driver().findElement(By.id("su")).sendKeys(username);
        browser.driver().findElement(By.id("sp")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
        return browser.text(".problem");
    }

    @Test
    void weakPasswordsAreRefusedInEnglish() {
        try (Browser browser = new Browser(baseUrl(), "en")) {
            assertThat(tryPassword(browser, "maria", "Password1234"))
                    .isEqualTo("This password is too common; choose one that is hard to guess.");
            assertThat(tryPassword(browser, "maria.keller", "maria.keller-2026"))
                    .isEqualTo("The password must not be or contain the user name.");
            browser.screenshot("password-policy-en");
            // A strong password passes the policy; the made-up setup link is what fails then.
            assertThat(tryPassword(browser, "maria", "amber-harbour-kettle")).contains("not valid");
        }
    }

    @Test
    void weakPasswordsAreRefusedInGerman() {
        try (Browser browser = new Browser(baseUrl(), "de")) {
            assertThat(tryPassword(browser, "maria", "Password1234"))
                    .isEqualTo("Dieses Passwort ist zu verbreitet; wählen Sie eines, das schwer zu erraten ist.");
            assertThat(tryPassword(browser, "maria.keller", "Maria.Keller-2026"))
                    .isEqualTo("Das Passwort darf nicht der Benutzername sein oder ihn enthalten.");
            browser.screenshot("password-policy-de");
        }
    }
}
