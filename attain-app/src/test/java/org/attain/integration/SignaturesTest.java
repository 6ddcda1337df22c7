package org.attain.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Signatures cover timestamp and body: change either and the signature no longer matches. */
class SignaturesTest {

    private static final byte[] BODY = "{\"event\":\"deal.won\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureMatchesOnlyItsOwnTimestampBodyAndSecret() {
        String signature = Signatures.sign("whsec_a", 1_700_000_000L, BODY);
        assertThat(signature).startsWith("sha256=").hasSize(7 + 64);
        assertThat(Signatures.matches("whsec_a", 1_700_000_000L, BODY, signature))
                .isTrue();
        assertThat(Signatures.matches(
                        "whsec_a", 1_700_000_000L, BODY, signature.toUpperCase().replace("SHA256", "sha256")))
                .isTrue();
        assertThat(Signatures.matches("whsec_a", 1_700_000_001L, BODY, signature))
                .isFalse();
        assertThat(Signatures.matches("whsec_b", 1_700_000_000L, BODY, signature))
                .isFalse();
        assertThat(Signatures.matches("whsec_a", 1_700_000_000L, "{}".getBytes(StandardCharsets.UTF_8), signature))
                .isFalse();
        assertThat(Signatures.matches("whsec_a", 1_700_000_000L, BODY, null)).isFalse();
    }
}
