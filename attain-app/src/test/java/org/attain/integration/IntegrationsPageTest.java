package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/** The integrations page is the admin's: sources with a secret shown once, connectors, subscriptions and logs. */
class IntegrationsPageTest extends AttainIntegrationTest {

    @Test
    void anAdminRegistersASourceAndSeesItsSecretOnce() {
        WebSession admin = login("admin", "demo");
        var posted = admin.postForm("/integrations/sources", Map.of("source", "page-crm"));
        assertThat(posted.statusCode()).isEqualTo(302);
        String page = admin.get("/integrations").body();
        assertThat(page)
                .contains("data-test=\"secret\"")
                .contains("whsec_")
                .contains("/api/v1/webhooks/page-crm")
                .contains("data-test=\"connector-salesforce\"")
                .contains("data-test=\"connector-hubspot\"");
        assertThat(admin.get("/integrations").body()).doesNotContain("whsec_");
    }

    @Test
    void theConnectorFormNeverEchoesCredentials() {
        WebSession admin = login("admin", "demo");
        admin.postForm(
                "/integrations/connectors/hubspot",
                Map.of("baseUrl", "https://api.hubapi.com", "currency", "EUR", "cred_token", "pat-na1-visible-never"));
        String page = admin.get("/integrations?lang=de").body();
        assertThat(page).doesNotContain("pat-na1-visible-never").contains("Zugangsdaten sind gespeichert");
    }

    @Test
    void nobodyElseFindsThePage() {
        for (String login : new String[] {"compadmin", "finance", "manager", "rep"}) {
            assertThat(login(login, "demo").get("/integrations").statusCode())
                    .as(login)
                    .isEqualTo(404);
        }
    }
}
