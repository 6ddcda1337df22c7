package org.attain.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.attain.AttainApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole application over real HTTP against its real embedded
 * PostgreSQL with the demo company loaded. All such tests share one application (Spring's
 * context cache), so the database starts and the demo loads once per test run.
 */
@SpringBootTest(classes = AttainApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AttainIntegrationTest {

    private static final Path DATA_DIR = newDataDir();

    /** A local SMTP server the application mails to (survey invites); started once with the shared application. */
    private static final GreenMail MAIL = startMail();

    /** A real OpenID Connect provider the application signs in with (single sign-on); started once like the mail server. */
    private static final LocalOidcProvider OIDC = LocalOidcProvider.start();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void attainProperties(DynamicPropertyRegistry registry) {
        registry.add("attain.data-dir", DATA_DIR::toString);
        registry.add("attain.demo.enabled", () -> "true");
        registry.add("attain.clock.today", () -> TODAY.toString());
        // The calculation's warm-up would compete with the tests for the two cores; CalcWarmUpTest runs it.
        registry.add("attain.calc.warm-up", () -> "false");
        // Runs on Spark started from the page: two executor threads in this JVM, whatever the machine's cores.
        registry.add("attain.spark.master", () -> "local[2]");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        // Tests mail invites by calling the job on a pinned clock, never by waiting for the schedule.
        registry.add("attain.pulse.invites.cron", () -> "-");
        registry.add("attain.pulse.shuffle.cron", () -> "-");
        registry.add("attain.forecast.weekly.cron", () -> "-");
        registry.add("attain.sso.issuer-uri", OIDC::issuer);
        registry.add("attain.sso.client-id", () -> LocalOidcProvider.CLIENT_ID);
        registry.add("attain.sso.client-secret", () -> LocalOidcProvider.CLIENT_SECRET);
        registry.add("attain.sso.provider-name", () -> "Local IdP");
        registry.add("attain.sso.roles-claim", () -> "groups");
        registry.add("attain.sso.role-mapping[attain-reps]", () -> "REP");
        registry.add("attain.sso.role-mapping[attain-managers]", () -> "MANAGER");
        registry.add("attain.sso.role-mapping[attain-finance]", () -> "FINANCE");
    }

    /** The OpenID Connect provider the application is configured with. */
    protected static LocalOidcProvider oidcProvider() {
        return OIDC;
    }

    /** The mail the application sent, as the local SMTP server received it. */
    protected static GreenMail mailbox() {
        return MAIL;
    }

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /**
     * The day every integration test runs on: the demo company, its periods and "this quarter" are
     * generated relative to it. Pinned, so the suite gives the same answers whatever day it runs;
     * {@code -Dattain.test.today=2028-02-29} moves it, which is how the build replays the
     * {@link DateDependent} tests on a quarter's last day, a leap day and a year's end.
     */
    public static final LocalDate TODAY = LocalDate.parse(System.getProperty("attain.test.today", "2026-12-05"));

    /** The running application's data folder (its embedded PostgreSQL, uploads and logs). */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected WebSession login(String username, String password) {
        return WebSession.login(baseUrl(), username, password);
    }

    protected WebSession anonymous() {
        return WebSession.anonymous(baseUrl());
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("attain-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
