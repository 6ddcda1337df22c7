package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.attain.support.AttainIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Access matrix defect: {@code /login/sso-refused} without {@code ?reason=} (a bookmark, a typed address)
 * answered 500 (a null reason looked up in an immutable set). It is a public page and says the sign-in failed.
 */
class SsoRefusedPageTest extends AttainIntegrationTest {

    @Test
    void theRefusedPageWithoutAReasonSaysTheSignInFailed() {
        var page = anonymous().get("/login/sso-refused", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Single sign-on did not complete");
    }

    @Test
    void anUnknownReasonIsTreatedAsAFailureToo() {
        var page = anonymous().get("/login/sso-refused?reason=whatever", Map.of("Accept", "text/html"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Single sign-on did not complete");
    }
}
