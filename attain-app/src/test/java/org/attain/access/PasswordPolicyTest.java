package org.attain.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The password policy for accounts that do not sign in through single sign-on, and the hash they are kept as. */
class PasswordPolicyTest {

    @Test
    void atLeastTwelveCharactersNotTheUserNameAndNotACommonPassword() {
        assertThat(PasswordPolicy.problem("maria", "short-pw")).hasValue("password.tooShort");
        assertThat(PasswordPolicy.problem("maria", null)).hasValue("password.tooShort");
        assertThat(PasswordPolicy.problem("administrator", "administrator")).hasValue("password.containsUsername");
        assertThat(PasswordPolicy.problem("maria.keller", "Maria.Keller-2026")).hasValue("password.containsUsername");
        assertThat(PasswordPolicy.problem("maria", "Password1234")).hasValue("password.common");
        assertThat(PasswordPolicy.problem("maria", "aaaaaaaaaaaaaaaa")).hasValue("password.common");
        assertThat(PasswordPolicy.problem("maria", "amber-harbour-kettle")).isEmpty();
    }

    @Test
    void passwordsAreHashedWithBcryptBehindTheDelegatingEncoder() {
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        String hash = encoder.encode("amber-harbour-kettle");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder.matches("amber-harbour-kettle", hash)).isTrue();
        // Older hashes stay readable: the prefix names the algorithm each was made with.
        assertThat(encoder.upgradeEncoding("{noop}x")).isTrue();
    }
}
