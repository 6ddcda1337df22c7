package org.attain.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest: encrypted with a key that is generated once into the data directory and reused. */
class SecretBoxTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedKeyIsKeptAndDecryptsAfterARestart() throws Exception {
        SecretBox first = new SecretBox("", dataDir.toString());
        String stored = first.encrypt("refresh-token-123");
        assertThat(stored).startsWith("v1:").doesNotContain("refresh-token-123");
        assertThat(first.encrypt("refresh-token-123"))
                .as("a fresh nonce each time")
                .isNotEqualTo(stored);
        assertThat(Files.exists(dataDir.resolve("secret.key"))).isTrue();

        SecretBox afterRestart = new SecretBox("", dataDir.toString());
        assertThat(afterRestart.decrypt(stored)).isEqualTo("refresh-token-123");
    }

    @Test
    void anotherKeyCannotReadIt() {
        String stored = new SecretBox("", dataDir.toString()).encrypt("x");
        SecretBox other = new SecretBox(java.util.Base64.getEncoder().encodeToString(new byte[32]), dataDir.toString());
        assertThatThrownBy(() -> other.decrypt(stored)).hasMessageContaining("attain.secret-key");
    }
}
