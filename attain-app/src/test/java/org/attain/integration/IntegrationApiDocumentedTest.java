package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;

/** The integration endpoints are in the OpenAPI document an integrator reads first. */
class IntegrationApiDocumentedTest extends AttainIntegrationTest {

    @Test
    void webhooksConnectorsAndActivitiesAreDocumented() {
        String document = anonymous().get("/api/v1/openapi").body();
        assertThat(document)
                .contains(
                        "/api/v1/webhooks/{source}",
                        "X-Attain-Signature",
                        "/api/v1/integrations/connectors/{kind}/sync",
                        "/api/v1/integrations/subscriptions",
                        "/api/v1/integrations/deliveries",
                        "/api/v1/activities",
                        "/api/v1/activities/summary");
    }

    /** Access matrix defect: the JSON document was public, its YAML form asked for a login (401). */
    @Test
    void theYamlFormOfTheDocumentIsAsPublicAsTheJson() {
        var yaml = anonymous().get("/api/v1/openapi.yaml");
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).contains("/api/v1/webhooks/{source}");
    }
}
