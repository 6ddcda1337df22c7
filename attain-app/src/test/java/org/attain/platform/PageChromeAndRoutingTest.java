package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Pages get their chrome (user, navigation) and nothing else does; paths with variables find the
 * same handlers as before the mappings were filtered by prefix, and a wrong method is still 405.
 */
class PageChromeAndRoutingTest extends AttainIntegrationTest {

    @Test
    void pagesHaveTheChromeAndRedirectsAndJsonDoNot() {
        WebSession rep = login("rep", "demo");
        long personId =
                Json.parse(rep.get("/api/v1/me").body()).get("person").get("id").asLong();

        String home = rep.get("/").body();
        assertThat(home).contains("href=\"/people/" + personId + "/statement\"", "aria-current=\"page\"");
        String statement = rep.get("/people/" + personId + "/statement").body();
        assertThat(statement).contains("href=\"/people/" + personId + "/statement\" aria-current=\"page\"");

        String json = rep.get("/api/v1/people/" + personId + "/earnings").body();
        assertThat(json).doesNotContain("nav.home", "currentPath");

        // A redirect carries no chrome as query parameters.
        WebSession admin = login("admin", "demo");
        var redirect = admin.postForm("/integrations/sources", Map.of("source", "!not a name"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).endsWith("/integrations");
    }

    @Test
    void pathsWithVariablesStillFindTheirHandlersAndWrongMethodsAre405() {
        WebSession rep = login("rep", "demo");
        long personId =
                Json.parse(rep.get("/api/v1/me").body()).get("person").get("id").asLong();

        var earnings = rep.get("/api/v1/people/" + personId + "/earnings");
        assertThat(earnings.statusCode()).isEqualTo(200);
        assertThat(Json.parse(earnings.body()).get("personId").asLong()).isEqualTo(personId);
        assertThat(rep.get("/people/" + personId).statusCode()).isEqualTo(200);

        assertThat(rep.sendJson("DELETE", "/api/v1/people/" + personId + "/earnings", null)
                        .statusCode())
                .isEqualTo(405);
        assertThat(rep.get("/api/v1/people/" + personId + "/earnings/nothing-here")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aPatternsPrefixIsItsTextUpToTheLastSlashBeforeItsFirstVariable() {
        assertThat(PathPrefixMappings.Filtered.prefixOf("/api/v1/people/{id}/earnings"))
                .isEqualTo("/api/v1/people");
        assertThat(PathPrefixMappings.Filtered.prefixOf("/files/**")).isEqualTo("/files");
        assertThat(PathPrefixMappings.Filtered.prefixOf("/api/docs/{*rest}")).isEqualTo("/api/docs");
        assertThat(PathPrefixMappings.Filtered.prefixOf("/people/x{id}")).isEqualTo("/people");
        assertThat(PathPrefixMappings.Filtered.prefixOf("/{id}")).isEmpty();
        assertThat(PathPrefixMappings.Filtered.prefixOf("/people")).isEqualTo("/people");
        assertThat(PathPrefixMappings.Filtered.prefixOf("")).isEmpty();
    }
}
