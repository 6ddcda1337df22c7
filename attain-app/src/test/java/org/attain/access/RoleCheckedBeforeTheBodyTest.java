package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.attain.support.AttainIntegrationTest;
import org.attain.support.WebSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Access matrix finding: these writes read and validated their body before their handler's role check, so a
 * wrong role with an empty body got 400 (and the body's rules) instead of 403, and the matrix could not show
 * the refusal. The security configuration now refuses them first.
 */
class RoleCheckedBeforeTheBodyTest extends AttainIntegrationTest {

    @ParameterizedTest(name = "{1} {2} as {0}")
    @CsvSource({
        "rep,       PUT,  /api/v1/users/1/roles",
        "compadmin, PUT,  /api/v1/users/1/roles",
        "manager,   POST, /api/v1/people",
        "finance,   POST, /api/v1/imports",
        "finance,   POST, /api/v1/plans",
        "manager,   POST, /api/v1/plans/check",
        "rep,       POST, /api/v1/plans/validate",
        "finance,   PUT,  /api/v1/forecast/stages",
        "compadmin, PUT,  /api/v1/budgets",
        "manager,   PUT,  /api/v1/budgets/actuals",
        "compadmin, POST, /api/v1/budgets/import"
    })
    void aWrongRoleWithAnEmptyBodyIsRefusedNotToldTheBodysRules(String user, String method, String path) {
        WebSession session = login(user, "demo");
        var answer = session.sendJson(method, path, "{}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(403);
    }
}
