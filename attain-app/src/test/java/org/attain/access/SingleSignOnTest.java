package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OpenID Connect login through a real provider (Spring Authorization Server, started by the tests): a
 * real browser clicks "Sign in with …", logs in at the provider and comes back signed in with the roles
 * its groups map to; groups that map to no role are refused with a page that says so; a user whom
 * provisioning deactivated loses the session at once and cannot sign in again.
 */
class SingleSignOnTest extends AttainIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Provisioning provisioning;

    /** The provider's login form (Spring Security's own page), then back to Attain. */
    static void signInAtProvider(Browser browser, String username, String password) {
        browser.driver().findElement(By.id("sso-login")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().startsWith("http://localhost:"));
        browser.driver().findElement(By.id("username")).sendKeys(username);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(d -> d.getCurrentUrl().startsWith("http://127.0.0.1:"));
    }

    private Map<String, Object> demoRep() {
        return jdbc.sql("""
                select p.id, p.email, p.first_name from app_user u join org_person_v p on p.id = u.person_id
                where u.username = 'rep'""").query().singleRow();
    }

    @Test
    void aRepSignsInThroughTheProviderAndLandsOnTheirOwnHome() {
        Map<String, Object> rep = demoRep();
        String email = (String) rep.get("email");
        String providerPassword = "provider-pw-" + System.nanoTime();
        // The provider's login name differs from the claims: Attain names the account after the email claim.
        String providerLogin = "idp-rep-" + System.nanoTime();
        oidcProvider()
                .addUser(providerLogin, providerPassword, Map.of("email", email, "groups", List.of("attain-reps")));

        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.open("/login");
            assertThat(browser.text("#sso-login")).isEqualTo("Sign in with Local IdP");
            browser.screenshot("sso-login-en");
            signInAtProvider(browser, providerLogin, providerPassword);

            assertThat(browser.driver().getCurrentUrl()).doesNotContain("sso-refused");
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/");
            assertThat(browser.text("h1")).contains((String) rep.get("first_name"));
            assertThat(browser.driver().findElements(By.cssSelector("[data-test=my-earnings]")))
                    .isNotEmpty();
            browser.screenshot("sso-rep-home-en");
        }
        long userId = jdbc.sql("select id from app_user where username = :u")
                .param("u", email)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("select role from user_role where user_id = :id")
                        .param("id", userId)
                        .query(String.class)
                        .list())
                .containsExactly("REP");
        assertThat(jdbc.sql("select person_id from app_user where id = :id")
                        .param("id", userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(((Number) rep.get("id")).longValue());
        assertThat(jdbc.sql("select password_hash from app_user where id = :id")
                        .param("id", userId)
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void groupsThatMapToNoRoleAreRefusedWithAPageThatSaysWhy() {
        String login = "idp-visitor-" + System.nanoTime();
        String email = login + "@example.org";
        oidcProvider().addUser(login, "visitor-password", Map.of("email", email, "groups", List.of("visitors")));
        try (Browser browser = new Browser(baseUrl(), "de")) {
            browser.open("/login");
            assertThat(browser.text("#sso-login")).isEqualTo("Anmelden mit Local IdP");
            browser.screenshot("sso-login-de");
            signInAtProvider(browser, login, "visitor-password");
            assertThat(browser.driver().getCurrentUrl()).contains("/login/sso-refused");
            assertThat(browser.text("#sso-refused")).contains("keine Ihrer Gruppen gibt Ihnen eine Rolle in Attain");
            browser.screenshot("sso-refused-de");
            browser.assertAccessible("the single sign-on refusal page");
            // Refused means refused: the app is still closed to this browser.
            browser.open("/");
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/login");
        }
        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.open("/login/sso-refused?reason=norole");
            assertThat(browser.text("#sso-refused")).contains("none of your groups gives you a role in Attain");
            browser.screenshot("sso-refused-en");
        }
        assertThat(jdbc.sql("select count(*) from app_user where username = :u")
                        .param("u", email)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void deactivatingASignedInUserEndsTheirSessionAndRefusesTheNextSignIn() {
        String login = "idp-finance-" + System.nanoTime();
        String email = login + "@example.org";
        oidcProvider().addUser(login, "finance-password", Map.of("email", email, "groups", List.of("attain-finance")));
        try (Browser browser = new Browser(baseUrl(), "en")) {
            browser.open("/login");
            signInAtProvider(browser, login, "finance-password");
            assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/");
            long userId = jdbc.sql("select id from app_user where username = :u")
                    .param("u", email)
                    .query(Long.class)
                    .single();
            assertThat(provisioning.get(userId).orElseThrow().roles()).isEqualTo(Set.of(Role.FINANCE));

            provisioning.setActive(userId, false, "test");

            browser.open("/");
            assertThat(browser.driver().getCurrentUrl()).contains("/login?expired");
            assertThat(browser.pageText()).contains("Your session was ended by an administrator");
            // The provider still knows the user, but Attain no longer lets them in.
            browser.driver().findElement(By.id("sso-login")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().contains("/login/sso-refused"));
            assertThat(browser.text("#sso-refused")).contains("deactivated");
        }
    }
}
