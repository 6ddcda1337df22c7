package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.attain.support.Json;
import org.attain.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * A request parameter that does not parse (an unknown status, a word where a number goes) is the
 * caller's mistake: 400 naming the parameter, on pages and in the API, never a 500.
 */
class BadRequestParametersTest extends AttainIntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    /** Access matrix defect: a plain form post to the budget upload answered 500 (not a multipart request). */
    @Test
    void anUploadFormSentWithoutItsFileAnswers400NamingTheFile() {
        HttpResponse<String> page = login("finance", "demo").postForm("/budgets/import?period=2026-12", Map.of());
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .containsAnyOf("<code>file</code>", "\"field\":\"file\"")
                .doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/disputes?status=foo,                                          status",
        "/disputes?minAgeDays=abc,                                      minAgeDays",
        "/approvals?state=bogus,                                        state",
        "/reports/attainment-distribution/export?period=2026-Q4&format=foo, format",
        "/activity?grain=YEAR,                                          grain",
        "/people?page=abc,                                              page"
    })
    void aPageWithAnUnreadableParameterAnswers400NamingIt(String path, String parameter) {
        HttpResponse<String> page = login("admin", "demo").get(path, HTML);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("data-test=\"error-problems\"")
                .contains("<code>" + parameter + "</code>")
                .contains("Log out")
                .doesNotContain("Exception");
    }

    @Test
    void theReasonIsInTheCallersLanguage() {
        HttpResponse<String> page = login("compadmin", "demo")
                .get("/disputes?status=foo", Map.of("Accept", "text/html", "Accept-Language", "de-DE"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Diesen Reklamationsstand gibt es nicht");
    }

    @Test
    void theApiAndANonBrowserCallerGetAProblemDocumentListingTheField() {
        WebSession admin = login("admin", "demo");
        for (String path : new String[] {"/api/v1/disputes?status=foo", "/disputes?status=foo"}) {
            HttpResponse<String> response = admin.get(path, Map.of("Accept", "application/json"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            JsonNode problem = Json.parse(response.body());
            assertThat(problem.get("errors").get(0).get("field").asString())
                    .as(path)
                    .isEqualTo("status");
            assertThat(problem.get("errors").get(0).get("reason").asString())
                    .as(path)
                    .contains("'foo' is not one of");
        }
    }
}
